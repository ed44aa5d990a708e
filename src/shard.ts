import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openDataset } from './data/compile-dataset.ts';
import { main } from './main.ts';
import { isStopRequest, SHARED_CATALOG } from './sharding.ts';

/**
 * One shard of `npm run start:sharded`: a worker thread (src/shard-entry.mjs loads this file) or a
 * child process. discord.js's manager hands the shard its id as SHARDS, in workerData for a thread
 * and in the environment for a process. A thread also gets the compiled catalog's hot part, read
 * once by the manager into shared memory, and opens its catalog over it: one copy for every shard.
 */
const given = (isMainThread ? process.env : workerData) as {
  SHARDS?: string | number;
  [SHARED_CATALOG]?: SharedArrayBuffer;
};
const shared = given[SHARED_CATALOG];

await main({
  id: Number(given.SHARDS ?? 0),
  ...(shared
    ? {
        dataset: (config, logger) => {
          const { catalog, search, hotPart } = openDataset(config.dataDir, { hotPart: shared });
          if (hotPart.buffer === shared) logger.info('catalog opened over the shared copy');
          // The file was compiled again after the manager read it (a catalog:sync, then a respawn).
          else logger.warn('catalog changed since the manager read it: this shard holds its own copy');
          return { catalog, search };
        },
      }
    : {}),
  onStopRequest: (stop) =>
    parentPort?.on('message', (message: unknown) => {
      if (isStopRequest(message)) stop();
    }),
});
