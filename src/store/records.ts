/**
 * The shared state of the bot (ratings, votes, polls, claims), as records that several processes
 * can write at once without losing any. Keyv offers whole-document get/set only: no
 * compare-and-set, no increment, no per-field write (keyv#756), so two processes updating one
 * document overwrite each other. Here every member's entry is its own record, and every change is
 * one atomic operation of the backend itself:
 *
 *   - SQLite: one transaction (BEGIN IMMEDIATE), a file lock shared by every process;
 *   - Postgres: one transaction with INSERT … ON CONFLICT and row or advisory locks;
 *   - Redis: one Lua script over hashes (scripts run atomically).
 *
 * A map (`g:<guild>:ratings:<drama>`) holds members (`<user id>`) and their values (JSON text).
 * A map may keep a tally: how many of its members sit in each bucket (a score, a poll option),
 * moved by the same operation that changes a member, so counts are read without reading members.
 */
interface TallyRef {
  /** Where the counts live, e.g. `g:<guild>:rating-counts`. */
  key: string;
  /** The bucket the new value counts in, e.g. `<drama>:<score>`. */
  bucket: string;
}

/** A record that, once present, stops writes to the map: a closed poll stops votes. */
export interface Guard {
  map: string;
  member: string;
}

export interface WriteOptions {
  tally?: TallyRef;
  /** The write is refused when this record exists (checked atomically with the write). */
  unless?: Guard;
}

export type PutResult = { refused: true } | { refused: false; previous: string | undefined };
export type RemoveResult = { refused: true } | { refused: false; removed: string | undefined };

export interface Records {
  readonly backend: 'sqlite' | 'postgres' | 'redis';
  /** Sets a member's value (moving its count to `tally.bucket`); resolves to what it replaced. */
  put(map: string, member: string, value: string, options?: WriteOptions): Promise<PutResult>;
  /** Removes a member (and its count from `tallyKey`); resolves to what was there. */
  remove(map: string, member: string, options?: { tallyKey?: string; unless?: Guard }): Promise<RemoveResult>;
  /**
   * Sets a member only if it is absent; true when this call set it. It excludes writes guarded by
   * it: once it resolves true, no `put … unless` this record lands.
   */
  add(map: string, member: string, value: string): Promise<boolean>;
  get(map: string, member: string): Promise<string | undefined>;
  entries(map: string): Promise<Map<string, string>>;
  entriesOfMany(maps: readonly string[]): Promise<Array<Map<string, string>>>;
  /** Deletes a whole map (and its counts from `tallyKey`); resolves to how many members it had. */
  clear(map: string, tallyKey?: string): Promise<number>;
  /** Bucket → count, for counts above zero; only the given buckets when listed (one drama's scores). */
  tallies(key: string, buckets?: readonly string[]): Promise<Map<string, number>>;
  /** Sets the counts of a key outright (the migration computes them from the records). */
  setTallies(key: string, counts: ReadonlyMap<string, number>): Promise<void>;
  /** Takes the named job for `ttlMs` unless another owner holds it or it is finished. */
  claim(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Marks a held job finished for `keepMs`: nobody takes it again meanwhile. */
  finishClaim(name: string, owner: string, keepMs: number): Promise<void>;
  /** Gives a held job up early, so another owner may take it now. */
  releaseClaim(name: string, owner: string): Promise<void>;
  /** Answers when the backend does (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Owner value of a finished claim. */
export const FINISHED = '!finished';
