import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadCommands } from '../command-loader.ts';
import { parseConfig } from '../config.ts';
import { deployCommands } from '../deploy-commands.ts';
import { FakeDiscord } from '../dev/fake-discord/server.ts';
import { COMMANDS_DIR } from '../paths.ts';
import { compiledArgs } from './compiled.ts';
import { megabytes } from './measure.ts';
import { treeMemory } from './process-tree.ts';

/** How the bot runs its shards in a measurement: `npm run start:sharded` with SHARD_MODE set. */
export type ShardVariant = 'worker' | 'process';

export interface ShardsResult {
  variant: ShardVariant;
  shards: number;
  /** From the start of the manager until every shard answered. */
  readyMs: number;
  /** The whole tree: the manager and, in process mode, every shard's process. */
  processes: number;
  rssMB: number;
  pssMB: number;
}

/**
 * Starts the sharded bot, compiled as `npm run start:sharded` runs it (compiled.ts), on the
 * catalog in `dataDir` against the local Discord server, with two
 * servers per shard; once every shard is ready and has answered an autocomplete from each of its
 * servers, reads the resident memory of the whole process tree, then stops it with SIGTERM.
 */
export async function measureShards(
  dataDir: string,
  shards: number,
  variant: ShardVariant,
  probe: string,
  log: (line: string) => void = () => {},
): Promise<ShardsResult> {
  const fake = await new FakeDiscord({ guilds: shards * 2 }).start();
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite://${join(dataDir, `shards-${variant}-${shards}.sqlite`)}`,
    SHARD_COUNT: String(shards),
    LOG_LEVEL: 'info',
  };
  const config = parseConfig(env);
  await deployCommands(config, await loadCommands(COMMANDS_DIR), 'deploy');
  const started = performance.now();
  const manager = spawn(process.execPath, compiledArgs(new URL('../sharded.ts', import.meta.url)), {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
      SHARD_MODE: variant,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  manager.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(manager, 'exit');
  try {
    // Up to 10 minutes: a busy machine, and a catalog compiled first if it is stale.
    for (let waited = 0; (stderr.match(/ INFO ready /g) ?? []).length < shards; waited += 100) {
      if (manager.exitCode !== null || waited > 600_000)
        throw new Error(`the ${variant} shards did not all get ready:\n${stderr.slice(-3_000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Every shard answers its own servers' interactions.
    for (const guild of fake.guilds) {
      const choices = await fake.autocomplete('/drama info', { title: probe }, 'title', { guildId: guild.id });
      if (choices.length === 0) throw new Error(`no autocomplete answer from the shard of guild ${guild.id}`);
    }
    const readyMs = performance.now() - started;
    log(`${variant} ×${shards}: every shard answered after ${Math.round(readyMs)} ms`);
    // Let start-up garbage settle as it would in a running bot.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const memory = treeMemory(manager.pid!);
    return {
      variant,
      shards,
      readyMs: Math.round(readyMs),
      processes: memory.processes,
      rssMB: megabytes(memory.rssBytes),
      pssMB: megabytes(memory.pssBytes),
    };
  } finally {
    manager.kill('SIGTERM');
    const timeout = setTimeout(() => manager.kill('SIGKILL'), 40_000);
    await exited;
    clearTimeout(timeout);
    await fake.close();
  }
}
