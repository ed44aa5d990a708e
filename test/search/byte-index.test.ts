import { getChoseong } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { makeQueries } from '../../src/bench/queries.ts';
import { generateCatalog, random } from '../../src/bench/synthetic-catalog.ts';
import { buildCatalog, buildPlainCatalog, type Catalog } from '../../src/catalog/catalog.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { buildPlainSearchIndex, findPlainEntries, type PlainEntry } from '../../src/search/plain-search-index.ts';
import {
  encodeSearchIndex,
  findEntries,
  openSearchIndex,
  type Entry,
  type EntryKind,
  type SearchIndex,
} from '../../src/search/search-index.ts';
import {
  resultKey,
  searchDramas,
  searchPeople,
  searchSoundtrack,
  type SearchResult,
} from '../../src/search/surfaces.ts';
import { plainSearchDramas, plainSearchPeople, plainSearchSoundtrack } from '../support/plain-surfaces.ts';

/** A hit in one form for both indexes: the plain one names records by id, the byte one by row. */
function plainHit(hit: { entry: PlainEntry; score: number; match: string }) {
  const { entry } = hit;
  const r = entry.ref;
  const ref =
    r.type === 'drama'
      ? `d:${r.dramaId}`
      : r.type === 'person'
        ? `p:${r.personId}`
        : r.type === 'character'
          ? `c:${r.dramaId}:${r.personId}`
          : `s:${r.dramaId}:${r.track}`;
  return `${entry.id} ${entry.kind} ${ref} ${JSON.stringify(entry.text)} ${hit.score} ${hit.match}`;
}

function byteHit(catalog: Catalog, hit: { entry: Entry; score: number; match: string }) {
  const { entry } = hit;
  const r = entry.ref;
  const drama = (row: number) => catalog.dramas[row]!.id;
  const person = (row: number) => catalog.people[row]!.id;
  const ref =
    r.type === 'drama'
      ? `d:${drama(r.drama)}`
      : r.type === 'person'
        ? `p:${person(r.person)}`
        : r.type === 'character'
          ? `c:${drama(r.drama)}:${person(r.person)}`
          : `s:${drama(r.drama)}:${r.track}`;
  return `${entry.id} ${entry.kind} ${ref} ${JSON.stringify(entry.text)} ${hit.score} ${hit.match}`;
}

/** What the search surfaces ask for, and everything. */
const FILTERS: EntryKind[][] = [
  ['title', 'person', 'character'],
  ['person', 'character'],
  ['title', 'song', 'person'],
  ['title', 'person', 'character', 'song'],
];

function expectSameHits(catalog: Catalog, queries: readonly string[]) {
  const plain = buildPlainSearchIndex(catalog);
  const bytes = openSearchIndex(encodeSearchIndex(catalog.dramas, catalog.people));
  expect(bytes.entryCount).toBe(plain.entries.length);
  let compared = 0;
  for (const q of queries) {
    for (const kinds of FILTERS) {
      const want = findPlainEntries(plain, q, (e) => kinds.includes(e.kind), 200).map(plainHit);
      const got = findEntries(bytes, q, kinds, 200).map((h) => byteHit(catalog, h));
      expect(got, `${JSON.stringify(q)} for ${kinds.join('/')}`).toEqual(want);
      compared += want.length;
    }
    // The function form of the filter, and a small limit.
    const want = findPlainEntries(plain, q, (e) => e.text.length % 2 === 0, 7).map(plainHit);
    const got = findEntries(bytes, q, (e) => e.text.length % 2 === 0, 7).map((h) => byteHit(catalog, h));
    expect(got, JSON.stringify(q)).toEqual(want);
  }
  return compared;
}

/** Queries from the records themselves: prefixes, whole texts, a typo, Hangul, initials, odd input. */
function queriesFrom(catalog: Catalog, count: number): string[] {
  const rnd = random(3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const texts = [
    ...catalog.dramas.flatMap((d) => [d.title, d.nativeTitle ?? d.title, ...(d.altTitles ?? [])]),
    ...catalog.people.flatMap((p) => [p.name, p.nativeName ?? p.name]),
    ...catalog.dramas.flatMap((d) => d.cast.flatMap((c) => c.characters.flatMap((ch) => (ch.name ? [ch.name] : [])))),
    ...catalog.dramas.flatMap((d) => (d.soundtrack ?? []).map((t) => t.title)),
  ];
  const queries = ['a', 's', 'kim', 'lee ', 'park hyung', '사', 'ㅅ', 'ㄱㅁ', '', '   ', '#1', 'zzzzzzzzz', 'hopsital'];
  while (queries.length < count) {
    const text = pick(texts);
    const form = Math.floor(rnd() * 5);
    if (form === 0) queries.push(text.slice(0, 1 + Math.floor(rnd() * text.length)));
    else if (form === 1) queries.push(text);
    else if (form === 2 && text.length > 5) {
      const i = 1 + Math.floor(rnd() * (text.length - 2));
      queries.push(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
    } else if (form === 3) queries.push(getChoseong(text.replace(/\s+/g, '')) || text.toUpperCase());
    else queries.push(text.replace(/[ -]/g, ''));
  }
  return queries;
}

describe('the byte search index gives the same hits as the object index it replaces', () => {
  it('on the shipped catalog, for a few hundred queries of every kind', () => {
    const catalog = loadCatalog('data');
    expect(expectSameHits(catalog, queriesFrom(catalog, 400))).toBeGreaterThan(1_000);
  });

  it('on a synthetic 2k catalog, for the benchmark’s 7 query classes and more', () => {
    const synthetic = generateCatalog(2_000);
    const catalog = buildCatalog(synthetic.dramas, synthetic.people);
    const queries = [...makeQueries(synthetic, 280).map((q) => q.text), ...queriesFrom(catalog, 150)];
    expect(expectSameHits(catalog, queries)).toBeGreaterThan(1_000);
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

/** A search result in a form both paths give alike: the record's key, score, match and why. */
const shown = (r: SearchResult) => `${resultKey(r)} ${r.score} ${r.match} ${JSON.stringify(r.via)}`;

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
      const want = reference(plain, plainCatalog, q, 25).map(shown);
      expect(ours(index, catalog, q, 25).map(shown), `${ours.name} ${JSON.stringify(q)}`).toEqual(want);
      compared += want.length;
    }
  return compared;
}

describe('the search surfaces rank on rows and give the results they gave over objects', () => {
  it('on the shipped catalog', () => {
    const { dramas, people } = loadCatalog('data');
    const queries = queriesFrom(buildPlainCatalog([...dramas], [...people]), 250);
    expect(expectSameResults([...dramas], [...people], queries)).toBeGreaterThan(1_000);
  });

  it('on a synthetic 2k catalog', () => {
    const synthetic = generateCatalog(2_000);
    const queries = [
      ...makeQueries(synthetic, 140).map((q) => q.text),
      ...queriesFrom(buildPlainCatalog(synthetic.dramas, synthetic.people), 100),
    ];
    expect(expectSameResults(synthetic.dramas, synthetic.people, queries)).toBeGreaterThan(1_000);
  });
});
