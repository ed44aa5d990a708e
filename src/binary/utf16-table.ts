/**
 * Strings as UTF-16 code units end to end in one Uint16Array, string i at
 * chars[offsets[i] … offsets[i + 1]). Comparing code units is exactly how JS compares strings, so a
 * table written in JS sort order can be binary searched with the same answers as a string array,
 * without a single string in the heap. Strings are decoded one at a time, when shown.
 */
export class Utf16Table {
  constructor(
    readonly chars: Uint16Array,
    readonly offsets: Int32Array,
  ) {}

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
    return this.chars[this.offsets[i]! + at]!;
  }

  string(i: number): string {
    const from = this.offsets[i]!;
    const to = this.offsets[i + 1]!;
    let s = '';
    // Chunks keep fromCharCode's argument count small for any length.
    for (let at = from; at < to; at += 4_096)
      s += String.fromCharCode.apply(null, this.chars.subarray(at, Math.min(to, at + 4_096)) as unknown as number[]);
    return s;
  }

  /** Negative, zero or positive as string i sorts before, equal to or after q (JS `<` order). */
  compare(i: number, q: string): number {
    const from = this.offsets[i]!;
    const length = this.offsets[i + 1]! - from;
    const n = Math.min(length, q.length);
    for (let c = 0; c < n; c++) {
      const d = this.chars[from + c]! - q.charCodeAt(c);
      if (d !== 0) return d;
    }
    return length - q.length;
  }

  startsWith(i: number, q: string): boolean {
    const from = this.offsets[i]!;
    if (this.offsets[i + 1]! - from < q.length) return false;
    for (let c = 0; c < q.length; c++) if (this.chars[from + c] !== q.charCodeAt(c)) return false;
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
      for (let c = 0; same && c < length; c++) same = this.chars[at + c] === this.chars[base + c];
      if (same) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
