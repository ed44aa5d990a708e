import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { buildCatalog, type Catalog, type Credit } from '../../src/catalog/catalog.ts';
import { CREDIT_KINDS, encodeColumns, genreBit, openColumns, roleAt, STATUSES } from '../../src/catalog/columns.ts';
import { groupMembers } from '../../src/catalog/groups.ts';
import { networksByUse } from '../../src/catalog/orderings.ts';
import { GENRES, type Drama, type Person } from '../../src/data/schema.ts';
import { scanCatalogs } from '../support/scan-catalogs.ts';

const slice = (start: ArrayLike<number>, items: ArrayLike<number>, row: number) =>
  Array.from({ length: start[row + 1]! - start[row]! }, (_, k) => items[start[row]! + k]!);

describe('catalog columns', () => {
  const { dramas, people } = generateCatalog(300);
  const bytes = encodeColumns(dramas, people);

  it('open as views over the bytes, also inside a SharedArrayBuffer, without copying', () => {
    const shared = new SharedArrayBuffer(bytes.byteLength + 16);
    const inside = new Uint8Array(shared, 8, bytes.byteLength);
    inside.set(bytes);
    const columns = openColumns(inside);
    expect(columns.year.buffer).toBe(shared);
    expect(columns.starWeight.byteOffset % 8).toBe(0);
    expect(Array.from(columns.year)).toEqual(dramas.map((d) => d.year));
    expect(Array.from(columns.newestFirst)).toEqual(Array.from(openColumns(bytes).newestFirst));
  });

  it('refuse bytes that are not 8-byte aligned or not columns at all', () => {
    const copy = new Uint8Array(bytes.byteLength + 4);
    copy.set(bytes, 4);
    expect(() => openColumns(copy.subarray(4))).toThrow(/aligned/);
    expect(() => openColumns(new Uint8Array(64))).toThrow(/not a section/);
  });
});

describe.each(scanCatalogs)('the columns of %s', (_, make) => {
  const catalog: Catalog = make();
  const { columns } = catalog;
  const personRow = (id: string) => catalog.personRow(id) ?? -1;

  it('hold each drama’s facts', () => {
    catalog.dramas.forEach((d: Drama, row) => {
      expect(columns.firstAirDay[row]).toBe(Date.parse(d.firstAirDate) / 86_400_000);
      expect(columns.year[row]).toBe(d.year);
      expect(columns.episodeCount[row]).toBe(d.episodeCount);
      expect(columns.soundtrackCount[row]).toBe(d.soundtrack?.length ?? 0);
      expect(columns.status[row] ? STATUSES[columns.status[row]! - 1] : undefined).toBe(d.tmdb?.status);
      expect(GENRES.filter((g) => columns.genreMask[row]! & genreBit(g))).toEqual(
        GENRES.filter((g) => d.genres.includes(g)),
      );
      expect(slice(columns.networkStart, columns.networkIds, row).map((id) => columns.networks[id])).toEqual(
        d.networks,
      );
      expect(slice(columns.tagStart, columns.tagIds, row).map((id) => columns.tags[id])).toEqual(d.tags ?? []);
      expect(slice(columns.castStart, columns.castPerson, row)).toEqual(d.cast.map((c) => personRow(c.person)));
      expect(Array.from({ length: d.cast.length }, (_, k) => roleAt(columns, columns.castStart[row]! + k))).toEqual(
        d.cast.map((c) => c.role),
      );
      expect(slice(columns.directorStart, columns.directorPerson, row)).toEqual((d.directors ?? []).map(personRow));
      expect(slice(columns.writerStart, columns.writerPerson, row)).toEqual((d.writers ?? []).map(personRow));
    });
  });

  it('hold each person’s credits, newest first, each named by its drama’s record, counted by kind', () => {
    // The exact lists, old engine against new, are in the golden files (test/golden/scans.test.ts).
    const names = (person: string, drama: Drama, c: Credit) =>
      c.kind === 'cast'
        ? drama.cast.some((m) => m.person === person && m.role === c.role && m.characters === c.characters)
        : c.kind === 'director'
          ? (drama.directors ?? []).includes(person)
          : c.kind === 'writer'
            ? (drama.writers ?? []).includes(person)
            : c.track
              ? c.track.artists.includes(person)
              : (drama.otherOstArtists ?? []).includes(person);
    catalog.people.forEach((p: Person, row) => {
      const credits = catalog.creditsOf(p.id);
      for (const c of credits) expect(names(p.id, c.drama, c), `${p.id} in ${c.drama.id}`).toBe(true);
      const days = credits.map((c) => Date.parse(c.drama.firstAirDate));
      expect(days).toEqual([...days].sort((a, b) => b - a));
      const counts = [columns.castCredits, columns.directorCredits, columns.writerCredits, columns.artistCredits];
      expect(counts.map((count) => count[row])).toEqual(
        CREDIT_KINDS.map((kind) => credits.filter((c) => c.kind === kind).length),
      );
      expect(columns.isGroup[row]).toBe(p.type === 'group' ? 1 : 0);
      expect(columns.group[row]).toBe(p.group ? personRow(p.group) : -1);
    });
  });
});

describe('columns of a hand-made catalog with odd corners', () => {
  const person = (id: string, extra: Partial<Person> = {}): Person => ({
    id,
    name: id,
    sources: [`https://example.org/${id}`],
    ...extra,
  });
  const drama = (id: string, extra: Partial<Drama>): Drama => ({
    id,
    title: id,
    nativeTitle: id,
    country: 'KR',
    year: 2020,
    firstAirDate: '2020-01-01',
    networks: ['tvN'],
    episodeCount: 16,
    episodes: [],
    genres: ['romance'],
    cast: [],
    sources: ['https://example.org/shared'],
    ...extra,
  });
  const people = [person('band', { type: 'group' }), person('singer', { group: 'band' }), person('actor')];
  const dramas = [
    drama('a', {
      cast: [{ person: 'actor', role: 'main', characters: [{ name: 'X' }] }],
      tags: ['revenge', 'revenge'],
      soundtrack: [{ track: 1, title: 'Song', artists: ['band', 'singer'] }],
      otherOstArtists: ['singer'],
      tmdb: { status: 'returning' },
    }),
    drama('b', {
      firstAirDate: '2020-01-01',
      cast: [{ person: 'not-in-people', role: 'main', characters: [{ name: 'Y' }] }],
      networks: ['KBS2', 'tvN'],
    }),
  ];
  const catalog = buildCatalog(dramas, people);

  it('credit a song to each artist and an untitled OST part without a track', () => {
    expect(catalog.creditsOf('singer').map((c) => [c.drama.id, c.kind, c.track?.title])).toEqual([
      ['a', 'artist', 'Song'],
      ['a', 'artist', undefined],
    ]);
    expect(catalog.columns.artistCredits[catalog.personRow('singer')!]).toBe(2);
  });

  it('give a person missing from the people list row -1 (no counts, no place in the orderings)', () => {
    expect(catalog.columns.castPerson[catalog.columns.castStart[1]!]).toBe(-1);
    expect(Array.from(catalog.columns.mostCredited).sort()).toEqual([0, 1, 2]);
  });

  it('list a group’s members and count source pages once', () => {
    expect(groupMembers(catalog, people[0]!).map((p) => p.id)).toEqual(['singer']);
    expect(catalog.columns.sourcePages).toBe(4);
    expect(catalog.columns.status[0]).toBe(STATUSES.indexOf('returning') + 1);
    expect(networksByUse(catalog)).toEqual(['tvN', 'KBS2']);
  });
});
