import { describe, expect, it } from 'vitest';
import { generateCatalog, random } from '../../src/bench/synthetic-catalog.ts';
import { encodeColumns, openColumns } from '../../src/catalog/columns.ts';
import { patchColumns } from '../../src/catalog/patch-columns.ts';
import { GENRES, ROLE_TYPES, type Drama, type Person } from '../../src/data/schema.ts';

const { dramas, people } = generateCatalog(3000);
const previous = openColumns(encodeColumns(dramas, people));

type Edit = (d: Drama, rnd: () => number) => Drama;
const personId = (rnd: () => number) => people[Math.floor(rnd() * people.length)]!.id;
const some = <T>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

/** One kind of edit per fact the columns read; each sometimes lands on a value others share (ties). */
const EDITS: Record<string, Edit> = {
  title: (d, rnd) => ({ ...d, title: rnd() < 0.5 ? `${d.title} Returns` : some(rnd, dramas).title }),
  date: (d, rnd) => {
    const other = some(rnd, dramas);
    return { ...d, firstAirDate: other.firstAirDate, year: other.year };
  },
  'title and date': (d, rnd) => ({ ...EDITS.date!(d, rnd), title: some(rnd, dramas).title }),
  cast: (d, rnd) => ({
    ...d,
    cast: [
      ...d.cast.slice(1).reverse(),
      { person: personId(rnd), role: some(rnd, ROLE_TYPES), characters: [{ name: 'New' }] },
      ...(rnd() < 0.3 ? [{ person: 'not-in-the-people-list', role: 'main' as const, characters: [] }] : []),
    ],
  }),
  roles: (d, rnd) => ({ ...d, cast: d.cast.map((c) => ({ ...c, role: some(rnd, ROLE_TYPES) })) }),
  'no cast': (d) => ({ ...d, cast: [] }),
  genres: (d, rnd) => ({ ...d, genres: [some(rnd, GENRES)] }),
  networks: (d, rnd) => ({ ...d, networks: rnd() < 0.3 ? ['A New Network', ...d.networks] : [] }),
  tags: (d, rnd) => ({ ...d, tags: rnd() < 0.5 ? ['a-new-tag', ...(d.tags ?? [])] : [] }),
  status: (d, rnd) => ({ ...d, tmdb: { ...d.tmdb, status: some(rnd, ['ended', 'returning', 'upcoming'] as const) } }),
  episodes: (d) => ({ ...d, episodeCount: d.episodeCount + 1 }),
  soundtrack: (d, rnd) => ({
    ...d,
    soundtrack: rnd() < 0.3 ? undefined : [{ track: 1, title: 'New', artists: [personId(rnd), personId(rnd)] }],
    otherOstArtists: rnd() < 0.5 ? [personId(rnd)] : undefined,
  }),
  crew: (d, rnd) => ({ ...d, directors: [personId(rnd), personId(rnd)], writers: rnd() < 0.5 ? [personId(rnd)] : [] }),
  sources: (d, rnd) => ({ ...d, sources: rnd() < 0.5 ? [...d.sources, 'https://example.org/new'] : [] }),
};

const distinctSources = (ds: readonly Drama[], ps: readonly Person[]) =>
  new Set([...ds, ...ps].flatMap((r) => r.sources)).size;

/** The columns patched from `previous` for `after`, where row r was previous row previousRow[r] when unchanged. */
function patched(after: readonly Drama[], previousRow: ReadonlyArray<number | undefined>): Uint8Array {
  return patchColumns({
    previous,
    previousRow,
    changed: (row) => {
      if (previousRow[row] !== undefined) throw new Error(`row ${row} is unchanged: its record must not be read`);
      return after[row]!;
    },
    personRow: (id) => {
      const row = people.findIndex((p) => p.id === id);
      return row < 0 ? undefined : row;
    },
    title: (row) => dramas[previousRow[row]!]!.title,
    dramaId: (row) => dramas[previousRow[row]!]!.id,
    personId: (row) => people[row]!.id,
    personName: (row) => people[row]!.name,
    sourcePages: distinctSources(after, people),
  });
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('patchColumns', () => {
  it('with nothing changed, gives the previous bytes', () => {
    expect(
      same(
        patched(
          dramas,
          dramas.map((_, i) => i),
        ),
        encodeColumns(dramas, people),
      ),
    ).toBe(true);
  });

  it.each(Object.keys(EDITS))('after %s edits, gives the bytes encodeColumns gives', (name) => {
    const rnd = random(name.length * 31);
    for (let round = 0; round < 4; round++) {
      const edited = new Set(Array.from({ length: 1 + round * 3 }, () => Math.floor(rnd() * dramas.length)));
      const after = dramas.map((d, i) => (edited.has(i) ? EDITS[name]!(d, rnd) : d));
      const previousRow = dramas.map((_, i) => (edited.has(i) ? undefined : i));
      expect(same(patched(after, previousRow), encodeColumns(after, people))).toBe(true);
    }
  });

  it('after every kind of edit at once, with dramas added and removed, gives the bytes encodeColumns gives', () => {
    const extra = generateCatalog(40, 99).dramas.map((d) => ({
      ...d,
      id: `added-${d.id}`,
      cast: d.cast.map((c, k) => ({ ...c, person: people[k * 7]!.id })),
      directors: [people[3]!.id],
      soundtrack: d.soundtrack?.map((t) => ({ ...t, artists: [people[5]!.id] })),
    }));
    const rnd = random(5);
    for (let round = 0; round < 3; round++) {
      const after: Drama[] = [];
      const previousRow: Array<number | undefined> = [];
      dramas.forEach((d, i) => {
        const roll = rnd();
        if (roll < 0.01) return; // removed
        if (roll < 0.02) {
          after.push(some(rnd, extra)); // added before it
          previousRow.push(undefined);
        }
        const edit = roll < 0.04 ? EDITS[some(rnd, Object.keys(EDITS))]! : undefined;
        after.push(edit ? edit(d, rnd) : d);
        previousRow.push(edit ? undefined : i);
      });
      expect(same(patched(after, previousRow), encodeColumns(after, people))).toBe(true);
    }
  });
});
