import type { SectionReader, SectionWriter } from './section.ts';

const NO_ALPHABET = new Uint16Array(0);
const NO_BYTES = new Uint8Array(0);

/**
 * Strings as UTF-16 code units end to end in one Uint16Array, string i at
 * chars[offsets[i] … offsets[i + 1]). Comparing code units is exactly how JS compares strings, so a
 * table written in JS sort order can be binary searched with the same answers as a string array,
 * without a single string in the heap. Strings are decoded one at a time, when shown.
 *
 * A table whose strings use at most 256 distinct code units (search keys: folded Latin, jamo) may
 * hold one byte per code unit instead, each an index into `alphabet` (its code units, ascending):
 * code units are read through it, so every comparison is still on UTF-16 code units.
 */
export class Utf16Table {
  private readonly mapped: boolean;
  // chars again, typed: each read site sees one kind of array, which keeps V8's loads monomorphic.
  private readonly units: Uint16Array;
  private readonly bytes: Uint8Array;

  constructor(
    readonly chars: Uint16Array | Uint8Array,
    readonly offsets: Int32Array,
    readonly alphabet: Uint16Array = NO_ALPHABET,
  ) {
    this.mapped = alphabet.length > 0;
    if (this.mapped !== chars instanceof Uint8Array) throw new Error('utf16 table: bytes go with an alphabet');
    this.units = this.mapped ? NO_ALPHABET : (chars as Uint16Array);
    this.bytes = this.mapped ? (chars as Uint8Array) : NO_BYTES;
  }

  /**
   * The most compact form of these code units: bytes through an alphabet when at most 256 distinct
   * ones occur, else the code units themselves (alphabet empty). Deterministic, so equal tables
   * encode to equal bytes.
   */
  static compact(chars: Uint16Array): { alphabet: Uint16Array; chars: Uint16Array | Uint8Array } {
    const seen = new Uint8Array(65_536);
    let distinct = 0;
    for (let i = 0; i < chars.length && distinct <= 256; i++) {
      if (seen[chars[i]!] === 0) distinct++;
      seen[chars[i]!] = 1;
    }
    if (distinct > 256 || chars.length === 0) return { alphabet: NO_ALPHABET, chars };
    const alphabet = new Uint16Array(distinct);
    const byteOf = new Uint8Array(65_536);
    for (let unit = 0, n = 0; unit < 65_536; unit++)
      if (seen[unit]) {
        byteOf[unit] = n;
        alphabet[n++] = unit;
      }
    const bytes = new Uint8Array(chars.length);
    for (let i = 0; i < chars.length; i++) bytes[i] = byteOf[chars[i]!]!;
    return { alphabet, chars: bytes };
  }

  /** The code unit at position `at` of chars. */
  private unit(at: number): number {
    return this.mapped ? this.alphabet[this.bytes[at]!]! : this.units[at]!;
  }

  /** String i's first n code units into `into`. */
  prefixUnits(i: number, into: Uint16Array, n: number): void {
    const from = this.offsets[i]!;
    if (this.mapped) for (let c = 0; c < n; c++) into[c] = this.alphabet[this.bytes[from + c]!]!;
    else for (let c = 0; c < n; c++) into[c] = this.units[from + c]!;
  }

  /** String i's code units into `into` from `at` on; returns where they end. */
  copyUnits(i: number, into: Uint16Array, at: number): number {
    for (let c = this.offsets[i]!; c < this.offsets[i + 1]!; c++) into[at++] = this.unit(c);
    return at;
  }

  static encode(strings: readonly string[]): { chars: Uint16Array; offsets: Int32Array } {
    const offsets = new Int32Array(strings.length + 1);
    let total = 0;
    for (let i = 0; i < strings.length; i++) {
      total += strings[i]!.length;
      offsets[i + 1] = total;
    }
    const chars = new Uint16Array(total);
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i]!;
      const at = offsets[i]!;
      for (let c = 0; c < s.length; c++) chars[at + c] = s.charCodeAt(c);
    }
    return { chars, offsets };
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  length(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  code(i: number, at: number): number {
    return this.unit(this.offsets[i]! + at);
  }

  string(i: number): string {
    const from = this.offsets[i]!;
    const to = this.offsets[i + 1]!;
    if (this.mapped) {
      let s = '';
      for (let at = from; at < to; at++) s += String.fromCharCode(this.unit(at));
      return s;
    }
    let s = '';
    // Chunks keep fromCharCode's argument count small for any length.
    for (let at = from; at < to; at += 4_096)
      s += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(to, at + 4_096)) as unknown as number[]);
    return s;
  }

  /** Negative, zero or positive as string i sorts before, equal to or after q (JS `<` order). */
  compare(i: number, q: string): number {
    const from = this.offsets[i]!;
    const length = this.offsets[i + 1]! - from;
    const n = Math.min(length, q.length);
    // The alphabet test once per string, not per code unit: binary searches run this most.
    if (this.mapped) {
      const { alphabet, bytes } = this;
      for (let c = 0; c < n; c++) {
        const d = alphabet[bytes[from + c]!]! - q.charCodeAt(c);
        if (d !== 0) return d;
      }
    } else
      for (let c = 0; c < n; c++) {
        const d = this.units[from + c]! - q.charCodeAt(c);
        if (d !== 0) return d;
      }
    return length - q.length;
  }

  startsWith(i: number, q: string): boolean {
    const from = this.offsets[i]!;
    if (this.offsets[i + 1]! - from < q.length) return false;
    for (let c = 0; c < q.length; c++) if (this.unit(from + c) !== q.charCodeAt(c)) return false;
    return true;
  }

  /** The first index in [lo, hi) whose string is not below q (the table sorted). */
  lowerBound(q: string, lo = 0, hi = this.count): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(mid, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The end of the run, from `from` on, of strings that start with q (from = lowerBound(q)). */
  prefixEnd(q: string, from: number, hi = this.count): number {
    let lo = from;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.startsWith(mid, q)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The end of the run of strings, from k on, that share string k's first `length` code units. */
  runEnd(k: number, length: number, hi = this.count): number {
    const base = this.offsets[k]!;
    let lo = k + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = this.offsets[mid]!;
      let same = this.offsets[mid + 1]! - at >= length;
      // Same bytes are the same code units, through an alphabet or not.
      if (this.mapped) for (let c = 0; same && c < length; c++) same = this.bytes[at + c] === this.bytes[base + c];
      else for (let c = 0; same && c < length; c++) same = this.units[at + c] === this.units[base + c];
      if (same) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A table into a section in its compact form (Utf16Table.compact): alphabet, chars, offsets.
 * `chars` must be the code units of exactly the strings `offsets` lists.
 */
export function writeCompactTable(section: SectionWriter, chars: Uint16Array, offsets: Int32Array): void {
  const compact = Utf16Table.compact(chars);
  section.add(compact.alphabet).add(compact.chars).add(offsets);
}

/** A table writeCompactTable wrote, as views over the section. */
export function readCompactTable(section: SectionReader): Utf16Table {
  const alphabet = section.uint16();
  const chars = alphabet.length > 0 ? section.uint8() : section.uint16();
  return new Utf16Table(chars, section.int32(), alphabet);
}
