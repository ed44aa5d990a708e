import { getOrCreate } from '../get-or-create.ts';
import type { CastMember, Drama, Person, RoleType, Track } from '../data/schema.ts';
import { encodeArtifact, openArtifactBytes } from './artifact.ts';
import { compileCatalog } from './compile.ts';
import { openCatalog } from './compiled-catalog.ts';
import { encodeColumns, openColumns, type CatalogColumns } from './columns.ts';

export type CreditKind = 'cast' | 'director' | 'writer' | 'artist';

/** One line of a person's filmography or discography. */
export interface Credit {
  drama: Drama;
  kind: CreditKind;
  role?: RoleType;
  characters?: CastMember['characters'];
  /** For an artist credit: the song; absent when a page names the singer but not the song (otherOstArtists). */
  track?: Track;
}

export interface SongRef {
  drama: Drama;
  track: Track;
}

export interface Catalog {
  dramas: readonly Drama[];
  people: readonly Person[];
  songs: readonly SongRef[];
  /** What whole-catalog scans read, by row (columns.ts): filters, orderings, recommendations. */
  columns: CatalogColumns;
  drama(id: string): Drama | undefined;
  person(id: string): Person | undefined;
  /** Every credit of a person, newest drama first. */
  creditsOf(personId: string): readonly Credit[];
  /** Drama row of an id: its index in `dramas`, the unit of every compiled column. */
  row(id: string): number | undefined;
  /** Person row of an id: its index in `people`. */
  personRow(id: string): number | undefined;
  /** The drama at a row (decoded on demand in the compiled catalog). */
  dramaAt(row: number): Drama;
  personAt(row: number): Person;
}

/** ISO dates sort as plain strings, far faster than localeCompare (ICU). */
export const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = (a: Drama, b: Drama) => byDate(b.firstAirDate, a.firstAirDate) || a.title.localeCompare(b.title);

/**
 * A catalog of validated records, compiled in memory and opened like the artifact on disk, so
 * everything that builds a catalog (the tests first) runs on the compiled engine.
 */
export function buildCatalog(dramas: readonly Drama[], people: readonly Person[]): Catalog {
  return openCatalog(openArtifactBytes(encodeArtifact(compileCatalog(dramas, people))));
}

/**
 * Today's catalog of plain objects, kept while the compiled engine replaces it (issue 17): the
 * benchmark's old path and the test that renders every card both ways compare against it.
 */
export function buildPlainCatalog(dramas: readonly Drama[], people: readonly Person[]): Catalog {
  const dramaRows = new Map(dramas.map((d, i) => [d.id, i]));
  const personRows = new Map(people.map((p, i) => [p.id, i]));
  const credits = new Map<string, Credit[]>();
  const add = (personId: string, credit: Credit) => {
    getOrCreate(credits, personId, () => []).push(credit);
  };
  // Dramas newest first, so each filmography comes out in order: sorting a million credits one
  // person at a time took a second of loading at 100k dramas.
  for (const drama of [...dramas].sort(newestFirst)) {
    for (const c of drama.cast) add(c.person, { drama, kind: 'cast', role: c.role, characters: c.characters });
    for (const id of drama.directors ?? []) add(id, { drama, kind: 'director' });
    for (const id of drama.writers ?? []) add(id, { drama, kind: 'writer' });
    for (const track of drama.soundtrack ?? [])
      for (const id of track.artists) add(id, { drama, kind: 'artist', track });
    // Sang for the OST, title not recorded: an artist credit without a track.
    for (const id of drama.otherOstArtists ?? []) add(id, { drama, kind: 'artist' });
  }
  const songs = dramas.flatMap((drama) => (drama.soundtrack ?? []).map((track): SongRef => ({ drama, track })));
  return {
    dramas,
    people,
    songs,
    columns: openColumns(encodeColumns(dramas, people)),
    drama: (id) => dramas[dramaRows.get(id) ?? -1],
    person: (id) => people[personRows.get(id) ?? -1],
    creditsOf: (id) => credits.get(id) ?? [],
    row: (id) => dramaRows.get(id),
    personRow: (id) => personRows.get(id),
    dramaAt: (row) => dramas[row]!,
    personAt: (row) => people[row]!,
  };
}
