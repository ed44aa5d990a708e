import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { buildCatalog, buildPlainCatalog, type Catalog } from '../../src/catalog/catalog.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { buildPlainSearchIndex, findPlainEntries } from '../../src/search/plain-search-index.ts';
import { encodeSearchIndex, findEntries, openSearchIndex, type SearchIndex } from '../../src/search/search-index.ts';
import { searchDramas, searchPeople, searchSoundtrack } from '../../src/search/surfaces.ts';
import { hitLine } from '../support/golden-engine.ts';
import { plainHitLine } from '../support/golden-old-engine.ts';
import { shownResult } from '../support/golden-outputs.ts';
import { plainSearchDramas, plainSearchPeople, plainSearchSoundtrack } from '../support/plain-surfaces.ts';
import { evenTextFilter, HIT_KINDS, shippedQueries, syntheticQueries } from '../support/search-queries.ts';

function expectSameHits(catalog: Catalog, queries: readonly string[]) {
  const plain = buildPlainSearchIndex(catalog);
  const bytes = openSearchIndex(encodeSearchIndex(catalog.dramas, catalog.people));
  expect(bytes.entryCount).toBe(plain.entries.length);
  let compared = 0;
  for (const q of queries) {
    for (const kinds of HIT_KINDS) {
      const want = findPlainEntries(plain, q, (e) => kinds.includes(e.kind), 200).map(plainHitLine);
      const got = findEntries(bytes, q, kinds, 200).map((h) => hitLine(catalog, h));
      expect(got, `${JSON.stringify(q)} for ${kinds.join('/')}`).toEqual(want);
      compared += want.length;
    }
    // The function form of the filter, and a small limit.
    const want = findPlainEntries(plain, q, evenTextFilter, 7).map(plainHitLine);
    const got = findEntries(bytes, q, evenTextFilter, 7).map((h) => hitLine(catalog, h));
    expect(got, JSON.stringify(q)).toEqual(want);
  }
  return compared;
}

describe('the byte search index gives the same hits as the object index it replaces', () => {
  it('on the shipped catalog, for a few hundred queries of every kind', () => {
    const catalog = loadCatalog('data');
    expect(expectSameHits(catalog, shippedQueries(catalog).hits)).toBeGreaterThan(1_000);
  });

  it('on a synthetic 2k catalog, for the benchmark’s 7 query classes and more', () => {
    const synthetic = generateCatalog(2_000);
    const catalog = buildCatalog(synthetic.dramas, synthetic.people);
    expect(expectSameHits(catalog, syntheticQueries(synthetic).hits)).toBeGreaterThan(1_000);
  });
});

describe('opening a search section', () => {
  const synthetic = generateCatalog(200);
  const bytes = encodeSearchIndex(synthetic.dramas, synthetic.people);

  it('reads a copy in a SharedArrayBuffer at any 8-aligned offset, viewing it rather than copying', () => {
    const shared = new SharedArrayBuffer(bytes.byteLength + 16);
    const view = new Uint8Array(shared, 16, bytes.byteLength);
    view.set(bytes);
    const index: SearchIndex = openSearchIndex(view);
    expect(index.kinds.buffer).toBe(shared);
    expect(index.tables[0]!.keys.chars.buffer).toBe(shared);
    const name = synthetic.people[5]!.name;
    const top = findEntries(index, name, ['person'], 1)[0]!;
    expect(top.entry).toMatchObject({ kind: 'person', text: name, ref: { type: 'person', person: 5 } });
    expect(top.match).toBe('exact');
  });

  it('refuses bytes that are not a search section, or not 8-byte aligned', () => {
    expect(() => openSearchIndex(new Uint8Array(64))).toThrow(/not a section/);
    const shifted = new Uint8Array(new ArrayBuffer(bytes.byteLength + 4), 4);
    shifted.set(bytes);
    expect(() => openSearchIndex(shifted)).toThrow(/aligned/);
  });
});

function expectSameResults(dramas: readonly Drama[], people: readonly Person[], queries: readonly string[]) {
  const plainCatalog = buildPlainCatalog(dramas, people);
  const plain = buildPlainSearchIndex(plainCatalog);
  const catalog = buildCatalog(dramas, people);
  const index = openSearchIndex(encodeSearchIndex(catalog.dramas, catalog.people));
  const surfaces = [
    [searchDramas, plainSearchDramas],
    [searchPeople, plainSearchPeople],
    [searchSoundtrack, plainSearchSoundtrack],
  ] as const;
  let compared = 0;
  for (const q of queries)
    for (const [ours, reference] of surfaces) {
      const want = reference(plain, plainCatalog, q, 25).map(shownResult);
      expect(ours(index, catalog, q, 25).map(shownResult), `${ours.name} ${JSON.stringify(q)}`).toEqual(want);
      compared += want.length;
    }
  return compared;
}

describe('the search surfaces rank on rows and give the results they gave over objects', () => {
  it('on the shipped catalog', () => {
    const { dramas, people } = loadCatalog('data');
    expect(expectSameResults([...dramas], [...people], shippedQueries({ dramas, people }).surfaces)).toBeGreaterThan(
      1_000,
    );
  });

  it('on a synthetic 2k catalog', () => {
    const synthetic = generateCatalog(2_000);
    expect(expectSameResults(synthetic.dramas, synthetic.people, syntheticQueries(synthetic).surfaces)).toBeGreaterThan(
      1_000,
    );
  });
});
