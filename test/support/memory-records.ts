import { getOrCreate } from '../../src/get-or-create.ts';
import {
  FINISHED,
  type Guard,
  type PutResult,
  type Records,
  type RemoveResult,
  type WriteOptions,
} from '../../src/store/records.ts';

/** Records in this process's memory, for unit tests that need no backend: same rules, no I/O. */
export class MemoryRecords implements Records {
  readonly backend = 'sqlite' as const;
  private readonly maps = new Map<string, Map<string, { value: string; bucket?: string }>>();
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly claims = new Map<string, { owner: string; until: number }>();

  async put(map: string, member: string, value: string, { tally, unless }: WriteOptions = {}): Promise<PutResult> {
    if (unless && this.has(unless)) return { refused: true };
    const before = this.map(map).get(member);
    this.map(map).set(member, { value, ...(tally ? { bucket: tally.bucket } : {}) });
    if (tally) {
      if (before?.bucket !== undefined) this.count(tally.key, before.bucket, -1);
      this.count(tally.key, tally.bucket, 1);
    }
    return { refused: false, previous: before?.value };
  }

  async remove(
    map: string,
    member: string,
    { tallyKey, unless }: { tallyKey?: string; unless?: Guard } = {},
  ): Promise<RemoveResult> {
    if (unless && this.has(unless)) return { refused: true };
    const before = this.map(map).get(member);
    this.map(map).delete(member);
    if (tallyKey && before?.bucket !== undefined) this.count(tallyKey, before.bucket, -1);
    return { refused: false, removed: before?.value };
  }

  async add(map: string, member: string, value: string): Promise<boolean> {
    if (this.map(map).has(member)) return false;
    this.map(map).set(member, { value });
    return true;
  }

  async get(map: string, member: string) {
    return this.map(map).get(member)?.value;
  }

  async entries(map: string) {
    return new Map([...this.map(map)].map(([m, r]) => [m, r.value]));
  }

  async entriesOfMany(maps: readonly string[]) {
    return Promise.all(maps.map((m) => this.entries(m)));
  }

  async clear(map: string, tallyKey?: string) {
    const all = [...this.map(map).values()];
    if (tallyKey) for (const r of all) if (r.bucket !== undefined) this.count(tallyKey, r.bucket, -1);
    this.maps.delete(map);
    return all.length;
  }

  async tallies(key: string, buckets?: readonly string[]) {
    return new Map([...(this.counts.get(key) ?? [])].filter(([b, n]) => n > 0 && (!buckets || buckets.includes(b))));
  }

  async setTallies(key: string, counts: ReadonlyMap<string, number>) {
    this.counts.set(key, new Map(counts));
  }

  async claim(name: string, owner: string, ttlMs: number) {
    const held = this.claims.get(name);
    if (held && held.until > Date.now()) return false;
    this.claims.set(name, { owner, until: Date.now() + ttlMs });
    return true;
  }

  async finishClaim(name: string, owner: string, keepMs: number) {
    if (this.claims.get(name)?.owner === owner) this.claims.set(name, { owner: FINISHED, until: Date.now() + keepMs });
  }

  async releaseClaim(name: string, owner: string) {
    if (this.claims.get(name)?.owner === owner) this.claims.delete(name);
  }

  async ping() {}
  async close() {}

  private has(guard: Guard) {
    return this.map(guard.map).has(guard.member);
  }

  private map(name: string) {
    return getOrCreate(this.maps, name, () => new Map());
  }

  private count(key: string, bucket: string, delta: number) {
    const counts = getOrCreate(this.counts, key, () => new Map<string, number>());
    counts.set(bucket, (counts.get(bucket) ?? 0) + delta);
  }
}
