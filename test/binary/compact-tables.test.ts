import { describe, expect, it } from 'vitest';
import { PackedInts } from '../../src/binary/packed-ints.ts';
import { SectionReader, SectionWriter } from '../../src/binary/section.ts';
import { readTextTable, TextTableWriter } from '../../src/binary/text-table.ts';
import { readCompactTable, Utf16Table, writeCompactTable } from '../../src/binary/utf16-table.ts';

const MAGIC = 0x5445_5354;

function roundTrip<T>(write: (section: SectionWriter) => void, read: (section: SectionReader) => T): T {
  const section = new SectionWriter(MAGIC);
  write(section);
  return read(new SectionReader(section.finish(), MAGIC, 'test'));
}

describe('packed ints', () => {
  it('keep every value, in the fewest whole bytes the largest needs', () => {
    for (const [max, width] of [
      [200, 1],
      [65_535, 2],
      [65_536, 3],
      [16_777_216, 4],
      [2 ** 31 - 1, 4],
    ] as const) {
      const values = Int32Array.from([0, 1, max, 7, max - 1]);
      const packed = new PackedInts(PackedInts.encode(values), values.length);
      expect(packed.width).toBe(width);
      expect(Array.from({ length: values.length }, (_, i) => packed.get(i))).toEqual([...values]);
    }
  });

  it('refuse a negative value, and bytes that do not hold the count', () => {
    expect(() => PackedInts.encode(Int32Array.of(1, -1))).toThrow(/negative/);
    expect(() => new PackedInts(new Uint8Array(5), 2)).toThrow(/do not hold/);
  });
});

/** Strings in JS sort order, as key tables are. */
function table(strings: string[]): { chars: Uint16Array; offsets: Int32Array } {
  return Utf16Table.encode([...strings].sort());
}

describe('a key table through an alphabet', () => {
  const strings = ['parkhyungsik', 'park', 'hyungsik', 'ㅂㅎㅅ', 'b', 'a1', ''];

  it('stores one byte per code unit and answers exactly as the UTF-16 table', () => {
    const { chars, offsets } = table(strings);
    const compact = roundTrip(
      (s) => writeCompactTable(s, chars, offsets),
      (s) => readCompactTable(s),
    );
    const plain = new Utf16Table(chars, offsets);
    expect(compact.chars).toBeInstanceOf(Uint8Array);
    expect(compact.alphabet.length).toBeLessThanOrEqual(256);
    for (let i = 0; i < plain.count; i++) expect(compact.string(i)).toBe(plain.string(i));
    for (const q of ['', 'p', 'park', 'parkh', 'z', 'ㅂ', 'ㅂㅎ', '\uffff', 'a', 'a2', 'hyungsik']) {
      expect(compact.lowerBound(q)).toBe(plain.lowerBound(q));
      const from = plain.lowerBound(q);
      expect(compact.prefixEnd(q, from)).toBe(plain.prefixEnd(q, from));
      for (let i = 0; i < plain.count; i++) {
        expect(Math.sign(compact.compare(i, q))).toBe(Math.sign(plain.compare(i, q)));
        expect(compact.startsWith(i, q)).toBe(plain.startsWith(i, q));
      }
    }
    for (let i = 0; i < plain.count; i++) expect(compact.runEnd(i, 1)).toBe(plain.runEnd(i, 1));
  });

  it('stays UTF-16 when more than 256 code units occur', () => {
    const many = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0xac00 + i));
    const { chars, offsets } = table(many);
    const kept = roundTrip(
      (s) => writeCompactTable(s, chars, offsets),
      (s) => readCompactTable(s),
    );
    expect(kept.chars).toBeInstanceOf(Uint16Array);
    expect(kept.alphabet.length).toBe(0);
    expect(kept.string(299)).toBe(many[299]);
  });
});

describe('a text table', () => {
  const texts = ['Vincenzo', '빈센조', 'Hyŏng-sik', 'Café 2 ♥', '', 'Mr. Sunshine 미스터 션샤인', 'x'.repeat(5_000)];

  it('gives every string back, narrow ones one byte per code unit', () => {
    const writer = new TextTableWriter(texts.length);
    for (const text of texts) writer.add(text);
    const read = roundTrip(
      (s) => writer.write(s),
      (s) => readTextTable(s),
    );
    expect(read.count).toBe(texts.length);
    texts.forEach((text, i) => {
      expect(read.string(i)).toBe(text);
      expect(read.length(i)).toBe(text.length);
      expect(read.equals(i, text)).toBe(true);
      expect(read.equals(i, `${text}.`)).toBe(false);
    });
    expect(texts.map((_, i) => read.isWide(i))).toEqual([false, true, true, true, false, true, false]);
    expect(read.bytes.length).toBe(texts.reduce((n, t, i) => n + (read.isWide(i) ? 2 : 1) * t.length, 0));
  });

  it('copies a string of another table as it is stored', () => {
    const first = new TextTableWriter(texts.length);
    for (const text of texts) first.add(text);
    const from = roundTrip(
      (s) => first.write(s),
      (s) => readTextTable(s),
    );
    const copied = new TextTableWriter(2);
    copied.copy(from, 1);
    copied.add('Vincenzo');
    const again = new TextTableWriter(2);
    again.add('빈센조');
    again.add('Vincenzo');
    const bytes = (w: TextTableWriter) => {
      const s = new SectionWriter(MAGIC);
      w.write(s);
      return Buffer.from(s.finish());
    };
    expect(bytes(copied).equals(bytes(again))).toBe(true);
  });
});
