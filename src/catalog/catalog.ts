import type { CastMember, Drama, Person, RoleType, Track } from '../data/schema.ts';
import { encodeArtifact, openArtifactBytes } from './artifact.ts';
import { compileCatalog } from './compile.ts';
import { openCatalog } from './compiled-catalog.ts';
import type { CatalogColumns } from './columns.ts';

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

/**
 * A catalog of validated records, compiled in memory and opened like the artifact on disk, so
 * everything that builds a catalog (the tests first) runs on the compiled engine.
 */
export function buildCatalog(dramas: readonly Drama[], people: readonly Person[]): Catalog {
  return openCatalog(openArtifactBytes(encodeArtifact(compileCatalog(dramas, people))));
}
