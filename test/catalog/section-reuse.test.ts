import { describe, expect, it } from 'vitest';
import { encodeColumns } from '../../src/catalog/columns.ts';
import { compileCatalog, DRAMA_FACTS_READ_BY } from '../../src/catalog/compile.ts';
import { MODULE_SECTIONS } from '../../src/data/compile-dataset.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import type { Drama } from '../../src/data/schema.ts';

/**
 * An incremental compile keeps a section when no edited drama differs in the facts the section
 * reads (DRAMA_FACTS_READ_BY, MODULE_SECTIONS[name].reads). These tests change every other fact of
 * every shipped drama and expect the same section bytes: an encoder that starts reading one more
 * fact fails here until its list says so.
 */
const { dramas, people } = readDataset('data');

/** Every fact but the titles, names and credits: dates of episodes, synopsis, sources, runtimes... */
const outsideTheCatalogFacts = (d: Drama): Drama => ({
  ...d,
  country: 'JP',
  synopsis: 'Changed.',
  runtimeMinutes: 77,
  ...(d.lastAirDate ? { lastAirDate: '2099-12-31' } : {}),
  episodes: d.episodes.map((e) => ({ ...e, title: 'Changed', airDate: '2099-01-01', runtimeMinutes: 11 })),
  soundtrack: d.soundtrack?.map((t) => ({ ...t, part: 9, releaseDate: '2099-01-01', episode: 1 })),
  ...(d.tmdbId ? { tmdbId: d.tmdbId + 1 } : {}),
});

/** …and also the texts search reads but the columns do not: other titles, characters, song titles. */
const outsideTheColumns = (d: Drama): Drama => ({
  ...outsideTheCatalogFacts(d),
  altTitles: ['Changed'],
  nativeTitle: '바뀜',
  cast: d.cast.map((c) => ({ ...c, characters: [{ name: 'Changed' }] })),
  soundtrack: outsideTheCatalogFacts(d).soundtrack?.map((t) => ({ ...t, title: 'Changed', nativeTitle: '바뀜' })),
});

/** …and the opposite: what the columns read but search does not. */
const outsideSearch = (d: Drama): Drama => ({
  ...outsideTheCatalogFacts(d),
  firstAirDate: '1999-01-01',
  year: 1999,
  episodeCount: 3,
  genres: ['horror'],
  networks: ['Changed'],
  tags: ['changed'],
  cast: d.cast.map((c) => ({ ...c, role: 'cameo' })),
  directors: ['changed'],
  writers: ['changed'],
  otherOstArtists: ['changed'],
  sources: ['https://example.org/changed'],
});

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('the facts each section reads', () => {
  it('columns and songs: the same bytes whatever else changes, and their listed facts unchanged', () => {
    const changed = dramas.map(outsideTheColumns);
    expect(sameBytes(encodeColumns(dramas, people), encodeColumns(changed, people))).toBe(true);
    const before = compileCatalog(dramas, people).hot;
    const after = compileCatalog(changed, people).hot;
    expect(sameBytes(before.songs!, after.songs!)).toBe(true);
    dramas.forEach((d, i) => {
      expect(DRAMA_FACTS_READ_BY.columns(changed[i]!)).toEqual(DRAMA_FACTS_READ_BY.columns(d));
    });
    // The test can fail: a fact the columns read changes their bytes.
    const renamed = dramas.map((d) => ({ ...d, genres: ['horror' as const] }));
    expect(sameBytes(encodeColumns(dramas, people), encodeColumns(renamed, people))).toBe(false);
  });

  it('search: the same bytes whatever else changes, and its listed facts unchanged', () => {
    const { encode, reads } = MODULE_SECTIONS.search!;
    const changed = dramas.map(outsideSearch);
    expect(sameBytes(encode(dramas, people), encode(changed, people))).toBe(true);
    dramas.forEach((d, i) => {
      expect(reads(changed[i]!)).toEqual(reads(d));
    });
    const retitled = dramas.map((d) => ({ ...d, title: `${d.title} II` }));
    expect(sameBytes(encode(dramas, people), encode(retitled, people))).toBe(false);
  });
});
