import type { BlockingWorker } from './blocking-worker.ts';
import type { ReadJob, ReadReply } from './compile-worker.ts';

/**
 * The second half of the drama files read in the compile's worker thread (compile-worker.ts)
 * while this thread reads the people and the first half: reading, parsing and validating are the
 * compile's second largest part. What comes back is what this thread would have made of those
 * files: problems in file order, content hashes, and the validated records as JSON (parsed here
 * once, and kept as the records section's bytes). If the thread fails, this thread reads them.
 */
export interface AwayReading {
  /** Index of the first name the worker reads: the names before it are read here. */
  from: number;
  /** Blocks until the worker replied; undefined when it failed (then read the rest here). */
  take(): ReadReply | undefined;
}

/** The worker's share of the files: this thread also reads the people and parses the worker's JSON. */
const WORKER_SHARE = 0.5;

export function readInThread(worker: BlockingWorker, dir: string, names: readonly string[]): AwayReading {
  const from = Math.floor(names.length * (1 - WORKER_SHARE));
  const job: ReadJob = { dir, names: names.slice(from) };
  worker.send('read', job);
  return { from, take: () => worker.reply<ReadReply>() };
}
