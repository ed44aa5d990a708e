import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/synthetic-catalog.ts';
import { keysWithinEdits, lowerBound, prefixDistance } from '../../src/search/fuzzy-walk.ts';

function within(keys: string[], q: string, max: number, from = 0, to = keys.length): Map<string, number> {
  const found = new Map<string, number>();
  keysWithinEdits(keys, from, to, q, max, (k, d) => found.set(keys[k]!, d));
  return found;
}

describe('keysWithinEdits', () => {
  it('finds exactly the keys prefixDistance accepts, with the same distances, on random keys', () => {
    const rnd = random(7);
    const letter = () => 'abcde'[Math.floor(rnd() * 5)]!;
    const word = (min: number, spread: number) =>
      Array.from({ length: min + Math.floor(rnd() * spread) }, letter).join('');
    const keys = [...new Set(Array.from({ length: 3_000 }, () => word(1, 10)))].sort();
    for (let round = 0; round < 200; round++) {
      const q = word(2, 8);
      const max = 1 + (round % 2);
      const expected = new Map(
        keys.map((key) => [key, prefixDistance(q, key, max)] as const).filter(([, d]) => d <= max),
      );
      expect(within(keys, q, max), `query "${q}", ${max} edits`).toEqual(expected);
    }
  });

  it('counts a swap of neighbouring letters as one typo and reads only the range it is given', () => {
    const keys = ['hospital', 'hospitalplaylist', 'hostel', 'hotel', 'soundtrack1'].sort();
    expect(within(keys, 'hopsital', 1)).toEqual(
      new Map([
        ['hospital', 1],
        ['hospitalplaylist', 1],
      ]),
    );
    const from = lowerBound(keys, 'hot');
    expect(within(keys, 'hopsital', 1, from, keys.length)).toEqual(new Map());
    expect(within(keys, 'sountrack', 1)).toEqual(new Map([['soundtrack1', 1]]));
  });
});
