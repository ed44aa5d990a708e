/**
 * Non-negative integers stored in as few whole bytes each as the largest needs (1 to 4, little
 * endian), in one Uint8Array: a 2-million-value column of numbers below 2^16 costs 4 MB instead
 * of 8. The width is not stored: it is the byte length over the count, which the reader knows.
 */
export class PackedInts {
  readonly width: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly count: number,
  ) {
    this.width = count === 0 ? 1 : bytes.length / count;
    if (!Number.isInteger(this.width) || this.width < 1 || this.width > 4)
      throw new Error(`packed ints: ${bytes.length} bytes do not hold ${count} values`);
  }

  /** values[0 … count) packed; every value must be in [0, 2^31). */
  static encode(values: Int32Array, count = values.length): Uint8Array {
    let max = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      if (v < 0) throw new RangeError('packed ints: a negative value');
      if (v > max) max = v;
    }
    const width = max < 0x100 ? 1 : max < 0x1_0000 ? 2 : max < 0x100_0000 ? 3 : 4;
    const bytes = new Uint8Array(count * width);
    for (let i = 0, at = 0; i < count; i++) {
      let v = values[i]!;
      for (let b = 0; b < width; b++, v >>>= 8) bytes[at++] = v & 0xff;
    }
    return bytes;
  }

  get(i: number): number {
    const b = this.bytes;
    switch (this.width) {
      case 1:
        return b[i]!;
      case 2:
        return b[2 * i]! | (b[2 * i + 1]! << 8);
      case 3:
        return b[3 * i]! | (b[3 * i + 1]! << 8) | (b[3 * i + 2]! << 16);
      default:
        return (b[4 * i]! | (b[4 * i + 1]! << 8) | (b[4 * i + 2]! << 16) | (b[4 * i + 3]! << 24)) >>> 0;
    }
  }

  /** Values [from, to) into `into` at `at` (to rebuild a column). */
  copyTo(from: number, to: number, into: Int32Array, at: number): void {
    for (let i = from; i < to; i++) into[at + i - from] = this.get(i);
  }
}
