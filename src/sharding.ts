/** What `npm run start:sharded` (src/sharded.ts) and each of its shards (src/shard.ts) agree on. */

/** Worker threads in one process (the default), or one child process per shard. */
export const SHARD_MODES = ['worker', 'process'] as const;
export type ShardMode = (typeof SHARD_MODES)[number];

/** The manager posts this to a worker shard to stop it: a thread receives no signals. */
export const STOP_SHARD = { dramabot: 'stop' } as const;

export function isStopRequest(message: unknown): boolean {
  return (message as { dramabot?: unknown } | null)?.dramabot === STOP_SHARD.dramabot;
}

/**
 * The key under which a worker shard finds, in its workerData, the compiled catalog's hot part
 * that the manager read once into shared memory (a SharedArrayBuffer: every thread sees the same bytes).
 */
export const SHARED_CATALOG = 'DRAMABOT_SHARED_CATALOG';
