import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './main.ts';
import { isStopRequest } from './sharding.ts';

/**
 * One shard of `npm run start:sharded`: a worker thread (src/shard-entry.mjs loads this file) or a
 * child process. discord.js's manager hands the shard its id as SHARDS, in workerData for a thread
 * and in the environment for a process.
 */
const given = (isMainThread ? process.env : workerData) as { SHARDS?: string | number };

await main({
  id: Number(given.SHARDS ?? 0),
  onStopRequest: (stop) =>
    parentPort?.on('message', (message: unknown) => {
      if (isStopRequest(message)) stop();
    }),
});
