import { Int32Column } from '../binary/int32-column.ts';
import { PackedInts } from '../binary/packed-ints.ts';
import type { SectionWriter } from '../binary/section.ts';
import { writeCompactTable } from '../binary/utf16-table.ts';

/**
 * Building the key tables of the search section at 100k dramas (3.5 million keys made from 600k
 * distinct texts, 9 million postings) without what made it slow: a string per key, a 400k-entry
 * Map per key space, and arrays that grow by doubling. Allocating big ArrayBuffers over and over
 * makes V8 run full collections, each marking the whole catalog in the heap; so keys are interned
 * as code units, and postings are counted first and written once into arrays of their final size.
 */

/** murmur3's finalizer: spreads a rolling hash over every bit before it picks a slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  return h ^ (h >>> 16);
}

/**
 * The distinct keys of one key space, as code units in one pool, found again through an
 * open-addressing table of key ids. A key is the words of a text from some word on, joined, so a
 * text's keys are suffixes of one run of code units: hashing the run from its end gives every
 * suffix's hash in one pass.
 */
export class KeyPool {
  private pool: Uint16Array;
  private poolLength = 0;
  private readonly keyAt: Int32Column;
  private readonly keyLength: Int32Column;
  private readonly keyHash: Int32Column;
  private slots: Int32Array;
  private run = new Uint16Array(256);
  private readonly wordAt = new Int32Array(64);
  private readonly suffixHash = new Int32Array(64);

  constructor(expectedKeys: number) {
    this.pool = new Uint16Array(Math.max(1_024, expectedKeys * 12));
    this.keyAt = new Int32Column(expectedKeys);
    this.keyLength = new Int32Column(expectedKeys);
    this.keyHash = new Int32Column(expectedKeys);
    let slots = 1_024;
    while (slots < 2 * expectedKeys) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
  }

  get count(): number {
    return this.keyAt.length;
  }

  /** Into ids[w], for w < starts: the id of words[w…].join(''), made when new. */
  keyIds(words: readonly string[], starts: number, ids: Int32Array): void {
    let length = 0;
    for (let w = 0; w < words.length; w++) {
      if (w < starts) this.wordAt[w] = length;
      const word = words[w]!;
      if (length + word.length > this.run.length) {
        const grown = new Uint16Array(2 * (length + word.length));
        grown.set(this.run);
        this.run = grown;
      }
      for (let c = 0; c < word.length; c++) this.run[length++] = word.charCodeAt(c);
    }
    // A rolling hash from the end: at each word start it is the hash of that suffix.
    let h = 0;
    let w = starts - 1;
    for (let at = length - 1; w >= 0; at--) {
      h = (Math.imul(h, 31) + this.run[at]!) | 0;
      if (at === this.wordAt[w]) this.suffixHash[w--] = h;
    }
    for (let s = 0; s < starts; s++) ids[s] = this.keyId(this.wordAt[s]!, length, this.suffixHash[s]!);
  }

  private keyId(from: number, to: number, hash: number): number {
    const length = to - from;
    const mask = this.slots.length - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return this.insert(slot, from, to, hash);
      if (this.keyHash.values[id] !== hash || this.keyLength.values[id] !== length) continue;
      const at = this.keyAt.values[id]!;
      let same = true;
      for (let c = 0; same && c < length; c++) same = this.pool[at + c] === this.run[from + c];
      if (same) return id;
    }
  }

  private insert(slot: number, from: number, to: number, hash: number): number {
    const length = to - from;
    if (this.poolLength + length > this.pool.length) {
      const grown = new Uint16Array(Math.max(2 * this.pool.length, this.poolLength + length));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(this.run.subarray(from, to), this.poolLength);
    const id = this.keyAt.length;
    this.keyAt.push(this.poolLength);
    this.keyLength.push(length);
    this.keyHash.push(hash);
    this.poolLength += length;
    this.slots[slot] = id;
    // At most half full, so probes stay short.
    if (2 * (id + 1) > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.keyAt.length; id++) {
      let slot = mix(this.keyHash.values[id]!) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }

  /** The key ids in JS string order (code unit by code unit, a prefix first). */
  sorted(): Int32Array {
    const pool = this.pool;
    const at = this.keyAt.values;
    const lengths = this.keyLength.values;
    const order = new Int32Array(this.count);
    for (let id = 0; id < order.length; id++) order[id] = id;
    return order.sort((a, b) => {
      const la = lengths[a]!;
      const lb = lengths[b]!;
      const pa = at[a]!;
      const pb = at[b]!;
      const n = Math.min(la, lb);
      for (let c = 0; c < n; c++) {
        const d = pool[pa + c]! - pool[pb + c]!;
        if (d !== 0) return d;
      }
      return la - lb;
    });
  }

  /** The keys in `order` as a Utf16Table's chars and offsets. */
  table(order: Int32Array): { chars: Uint16Array; offsets: Int32Array } {
    const offsets = new Int32Array(order.length + 1);
    for (let k = 0; k < order.length; k++) offsets[k + 1] = offsets[k]! + this.keyLength.values[order[k]!]!;
    const chars = new Uint16Array(offsets[order.length]!);
    for (let k = 0; k < order.length; k++) {
      const at = this.keyAt.values[order[k]!]!;
      chars.set(this.pool.subarray(at, at + this.keyLength.values[order[k]!]!), offsets[k]);
    }
    return { chars, offsets };
  }
}

/** A text's keys are packed as key id × KEY_PACK + space × WORD_SLOTS + word. */
export const KEY_PACK = 32;

/**
 * The key tables of every space from the entries' texts and each text's packed keys (textKeys[
 * keysAt[t] … keysAt[t + 1])): keys sorted, and each key's postings (entry id × wordSlots + word)
 * in entry order, counted in one pass over the entries and written in a second.
 */
export function writeKeyTables(
  section: SectionWriter,
  pools: readonly KeyPool[],
  textOf: Int32Array,
  keysAt: Int32Array,
  textKeys: Int32Array,
  wordSlots: number,
): void {
  const ranks = pools.map((pool) => {
    const order = pool.sorted();
    const rank = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) rank[order[k]!] = k;
    return { order, rank };
  });
  const starts = pools.map((pool) => new Int32Array(pool.count + 1));
  for (let e = 0; e < textOf.length; e++) {
    const t = textOf[e]!;
    for (let x = keysAt[t]!; x < keysAt[t + 1]!; x++) {
      const packed = textKeys[x]!;
      const space = (packed % KEY_PACK) / wordSlots;
      starts[space | 0]![ranks[space | 0]!.rank[Math.floor(packed / KEY_PACK)]! + 1]! += 1;
    }
  }
  const postings = starts.map((start) => {
    for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
    return new Int32Array(start[start.length - 1]!);
  });
  const cursors = starts.map((start) => start.slice(0, start.length - 1));
  for (let e = 0; e < textOf.length; e++) {
    const t = textOf[e]!;
    for (let x = keysAt[t]!; x < keysAt[t + 1]!; x++) {
      const packed = textKeys[x]!;
      const slot = packed % KEY_PACK;
      const space = (slot / wordSlots) | 0;
      const k = ranks[space]!.rank[Math.floor(packed / KEY_PACK)]!;
      postings[space]![cursors[space]![k]!++] = e * wordSlots + (slot % wordSlots);
    }
  }
  pools.forEach((pool, space) => {
    const { chars, offsets } = pool.table(ranks[space]!.order);
    writeCompactTable(section, chars, offsets);
    section.add(PackedInts.encode(starts[space]!)).add(PackedInts.encode(postings[space]!));
  });
}
