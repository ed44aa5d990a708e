import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { loadEnvironment, parseConfig, requireToken } from '../config.ts';
import { COMPILED, moduleUrl } from '../paths.ts';

/**
 * `npm run start:sharded` as it ran before the compiled catalog, for the benchmark's old column
 * (src/bench/shards.ts): one process per shard, each loading and indexing the dataset itself
 * (src/bench/old-shard.ts). Stops its shards with SIGTERM. Deleted with the old loader.
 */
loadEnvironment();
const config = parseConfig(process.env);
const manager = new ShardingManager(fileURLToPath(moduleUrl('./old-shard.ts', import.meta.url)), {
  token: requireToken(config),
  totalShards: config.shardCount ?? 1,
  mode: 'process',
  // Compiled like the new path when the benchmark runs it (src/bench/compiled.ts); tsx otherwise.
  ...(COMPILED ? {} : { execArgv: ['--import', import.meta.resolve('tsx')] }),
});
process.once('SIGTERM', () => {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.process?.kill('SIGTERM');
  setTimeout(() => process.exit(0), 1_000);
});
// All at once (the measurement waits for every shard's "ready" itself): the old loader takes about
// a minute per shard at 100k dramas, and one after another would take five.
await manager.spawn({ timeout: -1, delay: 500 });
