import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import { deployCommands } from '../../src/deploy-commands.ts';
import { createOpenApiValidator } from '../../src/dev/fake-discord/openapi-validator.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../../src/dev/fake-discord/server.ts';
import { createLogger } from '../../src/logger.ts';

const validateBody = createOpenApiValidator();

/** A local Discord that checks every body against the official spec. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord({ validateBody, ...options }).start();
}

export function tempDir(prefix = 'dramabot-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestBot extends RunningBot {
  config: Config;
  logs: string[];
}

export interface TestBotOptions {
  commandsDir?: string;
  env?: Record<string, string>;
  /** The bot's clock (episode alerts), when a test drives time itself. */
  clock?: () => number;
}

/** Starts the bot exactly as `npm start` does, against the local server, and registers its commands. */
export async function startTestBot(
  fake: FakeDiscord,
  { commandsDir, env = {}, clock }: TestBotOptions = {},
): Promise<TestBot> {
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guild.id,
    DATABASE_URL: `sqlite://${join(tempDir(), 'test.sqlite')}`,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger({ level: config.logLevel, secrets: [fake.token], write: (line) => logs.push(line) });
  const bot = await startBot({ config, logger, ...(commandsDir ? { commandsDir } : {}), ...(clock ? { clock } : {}) });
  await deployCommands(config, bot.commands, 'deploy');
  return { ...bot, config, logs };
}

/** What every end-to-end test asserts at the end: Discord would have accepted everything. */
export function discordComplaints(fake: FakeDiscord): string[] {
  return [
    ...fake.violations.map((v) => `${v.route}: ${v.problems.join('; ')}`),
    ...fake.unhandled.map((u) => `unhandled route ${u}`),
  ];
}

/**
 * One local Discord and one bot for a whole test file, started before its first test and stopped
 * after its last. `restart()` stops the bot and starts a new one on the same store.
 */
export function liveBot(options: TestBotOptions = {}): {
  readonly fake: FakeDiscord;
  readonly bot: TestBot;
  restart(downMs?: number): Promise<void>;
} {
  let fake: FakeDiscord | undefined;
  let bot: TestBot | undefined;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startTestBot(fake, options);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });
  return {
    get fake() {
      return fake!;
    },
    get bot() {
      return bot!;
    },
    /** Stops the bot, leaves it down for `downMs`, and starts a new one on the same store. */
    async restart(downMs = 0) {
      await bot!.stop();
      if (downMs) await new Promise((resolve) => setTimeout(resolve, downMs));
      bot = await startTestBot(fake!, options);
    },
  };
}
