import { encodeSearchIndex } from '../search/search-index.ts';
import type { BlockingWorker } from './blocking-worker.ts';
import type { Drama, Person } from './schema.ts';
import { packSearchFacts } from './search-facts.ts';

/**
 * The search section encoded in the compile's worker thread (compile-worker.ts) while this one
 * encodes the records, ids and columns: the search is the compile's largest part, the machine has
 * another core. The worker gets only the facts the search reads (search-facts.ts); if it fails,
 * the section is encoded here: the bytes are the same.
 */
export interface SearchEncoding {
  /** Blocks until the worker replied: its bytes, or encodeSearchIndex here when it could not. */
  result(): { bytes: Uint8Array; threaded: boolean };
}

export function encodeSearchInThread(
  worker: BlockingWorker,
  dramas: readonly Drama[],
  people: readonly Person[],
): SearchEncoding {
  const facts = packSearchFacts(dramas, people);
  worker.send('search', facts, [facts.numbers.buffer as ArrayBuffer]);
  return {
    result() {
      const bytes = worker.reply<Uint8Array>();
      return bytes ? { bytes, threaded: true } : { bytes: encodeSearchIndex(dramas, people), threaded: false };
    },
  };
}
