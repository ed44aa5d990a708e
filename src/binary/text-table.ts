import { PackedInts } from './packed-ints.ts';
import type { SectionReader, SectionWriter } from './section.ts';

/**
 * Display strings (titles, names) in about half the bytes of UTF-16: a string whose code units all
 * fit a byte (English titles and names) is stored one byte per code unit, any other (Hangul) as
 * UTF-16 code units, two bytes each (little endian), with one bit per string saying which. String
 * i is bytes[offsets[i] … offsets[i + 1]); code units can be read one by one, so comparing or
 * hashing a string needs no decoding.
 */
export class TextTable {
  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: PackedInts,
    readonly wide: Uint8Array,
  ) {}

  get count(): number {
    return this.offsets.count - 1;
  }

  isWide(i: number): boolean {
    return ((this.wide[i >> 3]! >> (i & 7)) & 1) === 1;
  }

  length(i: number): number {
    const bytes = this.offsets.get(i + 1) - this.offsets.get(i);
    return this.isWide(i) ? bytes >> 1 : bytes;
  }

  code(i: number, at: number): number {
    const from = this.offsets.get(i);
    return this.isWide(i) ? this.bytes[from + 2 * at]! | (this.bytes[from + 2 * at + 1]! << 8) : this.bytes[from + at]!;
  }

  string(i: number): string {
    const from = this.offsets.get(i);
    const to = this.offsets.get(i + 1);
    let units: Uint8Array | Uint16Array = this.bytes.subarray(from, to);
    if (this.isWide(i)) {
      // Wide strings may start at an odd byte: their code units are gathered, not viewed.
      const n = (to - from) >> 1;
      if (scratch.length < n) scratch = new Uint16Array(2 * n);
      for (let c = 0; c < n; c++) scratch[c] = this.bytes[from + 2 * c]! | (this.bytes[from + 2 * c + 1]! << 8);
      units = scratch.subarray(0, n);
    }
    let s = '';
    // Chunks keep fromCharCode's argument count small for any length.
    for (let at = 0; at < units.length; at += 4_096)
      s += String.fromCharCode.apply(null, units.subarray(at, at + 4_096) as unknown as number[]);
    return s;
  }

  /** Whether string i is exactly s. */
  equals(i: number, s: string): boolean {
    if (this.length(i) !== s.length) return false;
    for (let c = 0; c < s.length; c++) if (this.code(i, c) !== s.charCodeAt(c)) return false;
    return true;
  }
}

let scratch = new Uint16Array(256);

/** A TextTable made string by string: from strings, or by copying a string of another table as it is. */
export class TextTableWriter {
  private bytes: Uint8Array;
  private length = 0;
  private readonly offsets: Int32Array;
  private readonly wide: Uint8Array;
  private count = 0;

  constructor(capacity: number, bytesGuess = 16 * capacity) {
    this.bytes = new Uint8Array(Math.max(16, bytesGuess));
    this.offsets = new Int32Array(capacity + 1);
    this.wide = new Uint8Array((capacity + 7) >> 3);
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  private end(wide: boolean): void {
    if (wide) this.wide[this.count >> 3]! |= 1 << (this.count & 7);
    this.offsets[++this.count] = this.length;
  }

  add(s: string): void {
    let wide = false;
    for (let c = 0; c < s.length && !wide; c++) wide = s.charCodeAt(c) > 0xff;
    this.room(wide ? 2 * s.length : s.length);
    for (let c = 0; c < s.length; c++) {
      const unit = s.charCodeAt(c);
      this.bytes[this.length++] = unit & 0xff;
      if (wide) this.bytes[this.length++] = unit >> 8;
    }
    this.end(wide);
  }

  /** String i of `table`, as it is stored there. */
  copy(table: TextTable, i: number): void {
    const from = table.offsets.get(i);
    const n = table.offsets.get(i + 1) - from;
    this.room(n);
    this.bytes.set(table.bytes.subarray(from, from + n), this.length);
    this.length += n;
    this.end(table.isWide(i));
  }

  write(section: SectionWriter): void {
    section
      .add(Int32Array.of(this.count))
      .add(this.bytes.subarray(0, this.length))
      .add(PackedInts.encode(this.offsets, this.count + 1))
      .add(this.wide.subarray(0, (this.count + 7) >> 3));
  }
}

/** A table TextTableWriter wrote, as views over the section. */
export function readTextTable(section: SectionReader): TextTable {
  const count = section.int32()[0]!;
  const bytes = section.uint8();
  return new TextTable(bytes, new PackedInts(section.uint8(), count + 1), section.uint8());
}
