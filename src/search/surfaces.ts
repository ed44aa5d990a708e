import type { Catalog } from '../catalog/catalog.ts';
import { CREDIT_KINDS, creditCount } from '../catalog/columns.ts';
import { ROLE_TYPES, type Drama, type Person, type Track } from '../data/schema.ts';
import { ENTRY_KINDS } from './indexed-texts.ts';
import { findHits, songTitleText, type EntryKind, type Hit, type MatchKind, type SearchIndex } from './search-index.ts';

const TITLE = ENTRY_KINDS.indexOf('title');
const CHARACTER = ENTRY_KINDS.indexOf('character');
const SONG = ENTRY_KINDS.indexOf('song');

/**
 * The three ways users search: for a drama, for a person, for soundtrack music. Each takes what
 * fits it from the one index and ranks by match score, then popularity/recency, then name, so the
 * same query always gives the same order.
 */

/** Why a result matched: the text that matched and what it is. */
interface Via {
  kind: EntryKind;
  text: string;
  /** For a character match, who plays them. */
  personId?: string;
  /** For a character match, the drama the character is in (so a label decodes that one drama, not a filmography). */
  dramaId?: string;
}

export type SearchResult =
  | { type: 'drama'; drama: Drama; score: number; match: MatchKind; via: Via }
  | { type: 'person'; person: Person; score: number; match: MatchKind; via: Via }
  | { type: 'song'; drama: Drama; track: Track; score: number; match: MatchKind; via: Via };

export type DramaResult = Extract<SearchResult, { type: 'drama' }>;
export type PersonResult = Extract<SearchResult, { type: 'person' }>;

/** Matching through a related record ranks just below matching the record itself. */
const THROUGH_CHARACTER = 4;
const THROUGH_PERSON = 6;
const ENTRY_HITS = 200;
const CAST = CREDIT_KINDS.indexOf('cast');
const MAIN = ROLE_TYPES.indexOf('main');

/**
 * A result before any record is decoded: rows, the entry that matched, and the numbers it is
 * ranked by. Up to 200 entry hits, and every credit of each person hit, become candidates; only
 * the few returned are decoded (the catalog reads records lazily, and a keystroke must not parse
 * hundreds of dramas).
 */
interface Candidate {
  type: SearchResult['type'];
  /** Drama row (a drama or a song), or person row. */
  row: number;
  track: number;
  score: number;
  match: MatchKind;
  /** The entry that matched: via.kind and via.text. */
  entry: number;
  /** via.personId's person row, or -1. */
  viaPerson: number;
  popularity: number;
  label?: string;
  key?: string;
}

/** A value that names one record exactly: d:<drama>, p:<person>, s:<drama>:<track> (autocomplete values too). */
export function resultKey(r: SearchResult): string {
  return r.type === 'drama'
    ? `d:${r.drama.id}`
    : r.type === 'person'
      ? `p:${r.person.id}`
      : `s:${r.drama.id}:${r.track.track}`;
}

/** The ranking data of one search: where labels come from, and how records are read when needed. */
class Ranking {
  readonly found: Candidate[] = [];

  constructor(
    readonly index: SearchIndex,
    readonly catalog: Catalog,
  ) {}

  add(type: Candidate['type'], row: number, hit: Hit, score: number, viaPerson = -1, track = 0): void {
    const { columns } = this.catalog;
    const popularity = type === 'person' ? creditCount(columns, row) : columns.firstAirDay[row]!;
    this.found.push({ type, row, track, score, match: hit.match, entry: hit.id, viaPerson, popularity });
  }

  /** What the result is called (title, name, song title), from the index's texts. */
  private label(c: Candidate): string {
    if (c.label === undefined) {
      const { index } = this;
      const text =
        c.type === 'drama'
          ? index.titleText[c.row]!
          : c.type === 'person'
            ? index.nameText[c.row]!
            : songTitleText(index, c.entry);
      c.label = text >= 0 ? index.texts.string(text) : '';
    }
    return c.label;
  }

  /** resultKey of the result; needs the record's id, so only asked for on a full tie. */
  private key(c: Candidate): string {
    c.key ??=
      c.type === 'person'
        ? `p:${this.catalog.personAt(c.row).id}`
        : c.type === 'drama'
          ? `d:${this.catalog.dramaAt(c.row).id}`
          : `s:${this.catalog.dramaAt(c.row).id}:${c.track}`;
    return c.key;
  }

  /** Each record once, at its best score; best first, then popularity/recency, then name. */
  best(limit: number): Candidate[] {
    const best = new Map<string, Candidate>();
    for (const c of this.found) {
      const key = `${c.type} ${c.row} ${c.track}`;
      const current = best.get(key);
      if (!current || current.score < c.score) best.set(key, c);
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.popularity - a.popularity ||
          this.label(a).localeCompare(this.label(b)) ||
          this.key(a).localeCompare(this.key(b)),
      )
      .slice(0, limit);
  }

  /** Decodes a ranked candidate into its result. */
  result(c: Candidate): SearchResult {
    const { index, catalog } = this;
    const entryKind = ENTRY_KINDS[index.kinds[c.entry]!]!;
    const via: Via = {
      kind: entryKind,
      text: index.texts.string(index.textOf(c.entry)),
      ...(c.viaPerson >= 0 ? { personId: catalog.personAt(c.viaPerson).id } : {}),
      ...(entryKind === 'character' ? { dramaId: catalog.dramaAt(index.dramaRow(c.entry)).id } : {}),
    };
    const { score, match } = c;
    if (c.type === 'person') return { type: 'person', person: catalog.personAt(c.row), score, match, via };
    const drama = catalog.dramaAt(c.row);
    if (c.type === 'drama') return { type: 'drama', drama, score, match, via };
    const track = drama.soundtrack!.find((t) => t.track === c.track)!;
    return { type: 'song', drama, track, score, match, via };
  }
}

/** Dramas by title, or through a person or character in them. */
export function searchDramas(index: SearchIndex, catalog: Catalog, query: string, limit = 25): DramaResult[] {
  const ranking = new Ranking(index, catalog);
  const { creditStart, creditDrama, creditKind, creditItem, castStart, castRole } = catalog.columns;
  for (const hit of findHits(index, query, ['title', 'person', 'character'], ENTRY_HITS)) {
    const kind = index.kinds[hit.id]!;
    const person = index.personRow(hit.id);
    if (kind === TITLE) ranking.add('drama', index.dramaRow(hit.id), hit, hit.score);
    else if (kind === CHARACTER)
      ranking.add('drama', index.dramaRow(hit.id), hit, hit.score - THROUGH_CHARACTER, person);
    else if (person >= 0) {
      for (let k = creditStart[person]!; k < creditStart[person + 1]!; k++) {
        const row = creditDrama[k]!;
        const minor = creditKind[k] === CAST && castRole[castStart[row]! + creditItem[k]!] !== MAIN ? 1 : 0;
        ranking.add('drama', row, hit, hit.score - THROUGH_PERSON - minor, person);
      }
    }
  }
  return ranking.best(limit).map((c) => ranking.result(c) as DramaResult);
}

/** People by name, or through a character they played. */
export function searchPeople(index: SearchIndex, catalog: Catalog, query: string, limit = 25): PersonResult[] {
  const ranking = new Ranking(index, catalog);
  for (const hit of findHits(index, query, ['person', 'character'], ENTRY_HITS)) {
    const person = index.personRow(hit.id);
    if (person < 0) continue;
    const character = index.kinds[hit.id] === CHARACTER;
    ranking.add('person', person, hit, hit.score - (character ? THROUGH_CHARACTER : 0), character ? person : -1);
  }
  return ranking.best(limit).map((c) => ranking.result(c) as PersonResult);
}

/** Soundtrack search: a drama (its tracklist), a song, or an artist who sings on soundtracks. */
export function searchSoundtrack(index: SearchIndex, catalog: Catalog, query: string, limit = 25): SearchResult[] {
  const ranking = new Ranking(index, catalog);
  const { soundtrackCount, artistCredits } = catalog.columns;
  for (const hit of findHits(index, query, ['title', 'song', 'person'], ENTRY_HITS)) {
    const kind = index.kinds[hit.id]!;
    const row = index.dramaRow(hit.id);
    const person = index.personRow(hit.id);
    // A drama with no recorded OST is still an answer ("no songs yet"), ranked after those with one.
    if (kind === TITLE) ranking.add('drama', row, hit, hit.score - (soundtrackCount[row] ? 0 : 1));
    else if (kind === SONG) ranking.add('song', row, hit, hit.score, -1, index.track(hit.id));
    else if (person >= 0 && artistCredits[person]! > 0) ranking.add('person', person, hit, hit.score);
  }
  return ranking.best(limit).map((c) => ranking.result(c));
}
