import { DiscordUnreachable, DRAIN_MS, startBot, type RunningBot } from './bot.ts';
import { CommandLoadError } from './command-loader.ts';
import { ConfigError, loadEnvironment, parseConfig } from './config.ts';
import { DataError } from './data/load-catalog.ts';
import { createLogger, redact } from './logger.ts';

/** Problems the user fixes by editing a file: one clear message, no stack. */
const EXPECTED = [ConfigError, CommandLoadError, DataError, DiscordUnreachable];

/** `npm start`: validates the configuration, starts the bot, stops cleanly on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  loadEnvironment();
  let bot: RunningBot;
  try {
    const config = parseConfig(process.env);
    const logger = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
    bot = await startBot({ config, logger });
    const shutDown = (signal: string) => {
      logger.info('shutting down', { signal });
      const force = setTimeout(() => process.exit(0), DRAIN_MS + 5_000).unref();
      void bot.stop().finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    };
    process.once('SIGINT', () => shutDown('SIGINT'));
    process.once('SIGTERM', () => shutDown('SIGTERM'));
  } catch (error) {
    if (EXPECTED.some((type) => error instanceof type)) {
      process.stderr.write(`dramabot: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(
        `dramabot: could not start: ${redact((error as Error).stack ?? String(error), [process.env.DISCORD_TOKEN])}\n`,
      );
    }
    process.exit(1);
  }
}
