import { encodeSearchIndex } from '../search/search-index.ts';
import { ownBuffer, serveJobs } from './blocking-worker.ts';
import { type DataProblem, readRecordFile, shown, sourceHash } from './load-catalog.ts';
import { dramaSchema } from './schema.ts';
import { type SearchFacts, unpackSearchFacts } from './search-facts.ts';

/**
 * The compile's worker thread (blocking-worker.ts), two jobs in turn:
 * - `read` (read-thread.ts): reads, parses and validates drama files as the compiling thread
 *   would, and replies each valid record as the UTF-8 JSON of the validated value (the bytes the
 *   records section holds), all in one transferred buffer;
 * - `search` (search-thread.ts): the search section of records rebuilt from their packed facts.
 */
export interface ReadJob {
  dir: string;
  names: string[];
}

export interface ReadReply {
  problems: DataProblem[];
  /** Per name: the content hash of the file ('' when it could not be read). */
  hashes: string[];
  /** Which names gave a valid record, in order; record k's JSON is json[ends[k - 1] … ends[k]). */
  valid: Int32Array;
  ends: Float64Array;
  json: Uint8Array;
}

const encoder = new TextEncoder();

function readFiles({ dir, names }: ReadJob) {
  const problems: DataProblem[] = [];
  const hashes: string[] = [];
  const valid: number[] = [];
  const ends: number[] = [];
  let json = new Uint8Array(1 << 24);
  let at = 0;
  names.forEach((name, i) => {
    let hash = '';
    const read = readRecordFile(dir, name, dramaSchema, shown, problems, (source) => {
      hash = sourceHash(source);
    });
    hashes.push(hash);
    if (!read) return;
    const text = JSON.stringify(read.value);
    if (at + text.length * 3 > json.length) {
      const grown = new Uint8Array(Math.max(json.length * 2, at + text.length * 3));
      grown.set(json.subarray(0, at));
      json = grown;
    }
    at += encoder.encodeInto(text, json.subarray(at)).written;
    valid.push(i);
    ends.push(at);
  });
  const reply: ReadReply = {
    problems,
    hashes,
    valid: Int32Array.from(valid),
    ends: Float64Array.from(ends),
    json: json.subarray(0, at),
  };
  return { reply, transfer: [json.buffer] };
}

function encodeSearch(facts: SearchFacts) {
  const { dramas, people } = unpackSearchFacts(facts);
  const bytes = encodeSearchIndex(dramas, people);
  return { reply: bytes, transfer: ownBuffer(bytes) };
}

serveJobs({ read: readFiles, search: encodeSearch });
