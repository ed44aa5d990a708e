import { describe, expect, it } from 'vitest';
import { makeQueries } from '../../src/bench/queries.ts';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import type { Drama } from '../../src/data/schema.ts';
import { encodeSearchIndex, findHits, openSearchIndex } from '../../src/search/search-index.ts';
import { searchDramas, searchPeople, searchSoundtrack, resultKey } from '../../src/search/surfaces.ts';
import { updateSearchIndex } from '../../src/search/update-search-index.ts';

const synthetic = generateCatalog(2_000);
const { people } = synthetic;
const personRows = new Map(people.map((p, row) => [p.id, row]));
const before = synthetic.dramas;
const previous = encodeSearchIndex(before, people);

/** Drama 10 edited (new title, a character renamed, a song added), drama 500 removed, one drama added after row 1200. */
const edited: Drama = {
  ...before[10]!,
  title: 'Moonlit Hospital Symphony',
  cast: before[10]!.cast.map((c, i) =>
    i === 0 ? { ...c, characters: [{ name: 'Seo Dal-mi', nativeName: '서달미' }] } : c,
  ),
  soundtrack: [{ track: 1, part: 1, title: 'Start Over', artists: [people[3]!.id] }],
};
const addedDrama: Drama = {
  ...before[7]!,
  id: 'brand-new-drama',
  title: 'Start-Up Hospital',
  nativeTitle: '스타트업 병원',
  altTitles: ['Hospital of Beginnings'],
};
const after: Drama[] = [];
const previousRow: Array<number | undefined> = [];
before.forEach((drama, row) => {
  if (row === 500) return;
  after.push(row === 10 ? edited : drama);
  previousRow.push(row === 10 ? undefined : row);
  if (row === 1200) {
    after.push(addedDrama);
    previousRow.push(undefined);
  }
});

const queries = [
  ...makeQueries({ dramas: after, people }, 200).map((q) => q.text),
  'moonlit',
  'moonlit hospital symphony',
  'moonlti hospital',
  'seo dal-mi',
  '서달미',
  'ㅅㄷㅁ',
  'start over',
  'start-up',
  'hospital of beginnings',
  '스타트업',
  before[10]!.title,
  before[500]!.title,
  before[500]!.cast[0]!.characters[0]!.name!,
  'a',
  'kim',
];

describe('updating the search section after some dramas changed', () => {
  const updatedBytes = updateSearchIndex(
    previous,
    previousRow,
    (r) => after[r]!,
    (id) => personRows.get(id),
  );
  const fullBytes = encodeSearchIndex(after, people);
  const updated = openSearchIndex(updatedBytes);
  const full = openSearchIndex(fullBytes);

  it('makes exactly the bytes a full build of the new records makes', () => {
    expect(Buffer.from(updatedBytes).equals(Buffer.from(fullBytes))).toBe(true);
  });

  it('gives the same hits as a full build of the new records, entry for entry', () => {
    expect(updated.entryCount).toBe(full.entryCount);
    const shown = (index: typeof full, q: string) =>
      findHits(index, q, ['title', 'person', 'character', 'song'], 200).map((h) => {
        const e = index.entry(h.id);
        return `${h.id} ${e.kind} ${JSON.stringify(e.ref)} ${e.text} ${h.score} ${h.match}`;
      });
    for (const q of queries) expect(shown(updated, q), q).toEqual(shown(full, q));
  });

  it('gives the same search results on the new catalog, the edited drama found by its new title only', () => {
    const catalog = buildCatalog(after, people);
    for (const q of queries)
      for (const search of [searchDramas, searchPeople, searchSoundtrack]) {
        const keys = (index: typeof full) => search(index, catalog, q).map((r) => `${resultKey(r)} ${r.score}`);
        expect(keys(updated), `${search.name} ${q}`).toEqual(keys(full));
      }
    expect(searchDramas(updated, catalog, 'moonlit hospital symphony')[0]!.drama.id).toBe(before[10]!.id);
    expect(searchDramas(updated, catalog, before[500]!.title).map((r) => r.drama.id)).not.toContain(before[500]!.id);
  });

  it('refuses unchanged dramas out of their previous order', () => {
    expect(() =>
      updateSearchIndex(
        previous,
        [1, 0],
        (r) => before[r]!,
        (id) => personRows.get(id),
      ),
    ).toThrow(/order/);
  });
});
