/**
 * A section of the compiled catalog: typed arrays laid end to end in one byte buffer, each 8-byte
 * aligned, behind a small table of where each starts and how long it is. Reading makes views over
 * the bytes (no copy), so a section in a SharedArrayBuffer is shared by every worker thread; the
 * views are never written to.
 *
 * Layout: u32 magic, u32 array count, then (u32 byte offset, u32 element count) per array, then the
 * arrays. Offsets are from the start of the section. Arrays are read back in the order written.
 */
type Column = Uint8Array | Uint16Array | Int32Array | Float64Array;

const align8 = (n: number) => (n + 7) & ~7;

export class SectionWriter {
  private readonly columns: Column[] = [];

  constructor(private readonly magic: number) {}

  add(column: Column): this {
    this.columns.push(column);
    return this;
  }

  finish(): Uint8Array {
    let at = align8(8 + 8 * this.columns.length);
    const places = this.columns.map((column) => {
      const place = at;
      at = align8(at + column.byteLength);
      return place;
    });
    const bytes = new Uint8Array(at);
    const head = new DataView(bytes.buffer);
    head.setUint32(0, this.magic, true);
    head.setUint32(4, this.columns.length, true);
    this.columns.forEach((column, i) => {
      head.setUint32(8 + 8 * i, places[i]!, true);
      head.setUint32(12 + 8 * i, column.length, true);
      bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), places[i]);
    });
    return bytes;
  }
}

export class SectionReader {
  private next = 0;
  private readonly count: number;
  private readonly head: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    magic: number,
    what: string,
  ) {
    if (bytes.byteOffset % 8 !== 0) throw new Error(`${what}: the section must start 8-byte aligned`);
    this.head = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || this.head.getUint32(0, true) !== magic)
      throw new Error(`${what}: not a section of this kind or version (rebuild the catalog)`);
    this.count = this.head.getUint32(4, true);
  }

  private place(): [number, number] {
    if (this.next >= this.count) throw new Error('section: read past its last array');
    const i = this.next++;
    return [this.bytes.byteOffset + this.head.getUint32(8 + 8 * i, true), this.head.getUint32(12 + 8 * i, true)];
  }

  uint8(): Uint8Array {
    const [at, n] = this.place();
    return new Uint8Array(this.bytes.buffer, at, n);
  }

  uint16(): Uint16Array {
    const [at, n] = this.place();
    return new Uint16Array(this.bytes.buffer, at, n);
  }

  int32(): Int32Array {
    const [at, n] = this.place();
    return new Int32Array(this.bytes.buffer, at, n);
  }

  float64(): Float64Array {
    const [at, n] = this.place();
    return new Float64Array(this.bytes.buffer, at, n);
  }
}
