import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person, Track } from '../data/schema.ts';
import { findEntries, type Entry, type EntryKind, type MatchKind, type SearchIndex } from './search-index.ts';

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

const via = (catalog: Catalog, entry: Entry): Via => ({
  kind: entry.kind,
  text: entry.text,
  ...(entry.ref.type === 'character' ? { personId: catalog.people[entry.ref.person]!.id } : {}),
});

/** A value that names one record exactly: d:<drama>, p:<person>, s:<drama>:<track> (autocomplete values too). */
export function resultKey(r: SearchResult): string {
  return r.type === 'drama'
    ? `d:${r.drama.id}`
    : r.type === 'person'
      ? `p:${r.person.id}`
      : `s:${r.drama.id}:${r.track.track}`;
}

function label(r: SearchResult): string {
  return r.type === 'drama' ? r.drama.title : r.type === 'person' ? r.person.name : r.track.title;
}

function rankAndDedupe<T extends SearchResult>(results: T[], popularity: (r: T) => number, limit: number): T[] {
  const best = new Map<string, T>();
  for (const r of results) {
    const key = resultKey(r);
    const current = best.get(key);
    if (!current || current.score < r.score) best.set(key, r);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        popularity(b) - popularity(a) ||
        label(a).localeCompare(label(b)) ||
        resultKey(a).localeCompare(resultKey(b)),
    )
    .slice(0, limit);
}

const recency = (drama: Drama) => Date.parse(drama.firstAirDate) / 86_400_000;

/** Dramas by title, or through a person or character in them. */
export function searchDramas(index: SearchIndex, catalog: Catalog, query: string, limit = 25): DramaResult[] {
  const results: DramaResult[] = [];
  for (const hit of findEntries(index, query, ['title', 'person', 'character'], ENTRY_HITS)) {
    const { ref } = hit.entry;
    if (ref.type === 'drama')
      results.push({
        type: 'drama',
        drama: catalog.dramas[ref.drama]!,
        score: hit.score,
        match: hit.match,
        via: via(catalog, hit.entry),
      });
    else if (ref.type === 'character') {
      results.push({
        type: 'drama',
        drama: catalog.dramas[ref.drama]!,
        score: hit.score - THROUGH_CHARACTER,
        match: hit.match,
        via: via(catalog, hit.entry),
      });
    } else if (ref.type === 'person') {
      const personId = catalog.people[ref.person]!.id;
      for (const credit of catalog.creditsOf(personId)) {
        const minor = credit.kind === 'cast' && credit.role !== 'main' ? 1 : 0;
        results.push({
          type: 'drama',
          drama: credit.drama,
          score: hit.score - THROUGH_PERSON - minor,
          match: hit.match,
          via: { kind: 'person', text: hit.entry.text, personId },
        });
      }
    }
  }
  return rankAndDedupe(results, (r) => recency(r.drama), limit);
}

/** People by name, or through a character they played. */
export function searchPeople(index: SearchIndex, catalog: Catalog, query: string, limit = 25): PersonResult[] {
  const results: PersonResult[] = [];
  for (const hit of findEntries(index, query, ['person', 'character'], ENTRY_HITS)) {
    const { ref } = hit.entry;
    const row = ref.type === 'person' || ref.type === 'character' ? ref.person : -1;
    const person = row >= 0 ? catalog.people[row] : undefined;
    if (!person) continue;
    results.push({
      type: 'person',
      person,
      score: hit.score - (ref.type === 'character' ? THROUGH_CHARACTER : 0),
      match: hit.match,
      via: via(catalog, hit.entry),
    });
  }
  return rankAndDedupe(results, (r) => catalog.creditsOf(r.person.id).length, limit);
}

/** Soundtrack search: a drama (its tracklist), a song, or an artist who sings on soundtracks. */
export function searchSoundtrack(index: SearchIndex, catalog: Catalog, query: string, limit = 25): SearchResult[] {
  const results: SearchResult[] = [];
  for (const hit of findEntries(index, query, ['title', 'song', 'person'], ENTRY_HITS)) {
    const { ref } = hit.entry;
    if (ref.type === 'drama') {
      const drama = catalog.dramas[ref.drama]!;
      // A drama with no recorded OST is still an answer ("no songs yet"), ranked after those with one.
      results.push({
        type: 'drama',
        drama,
        score: hit.score - (drama.soundtrack?.length ? 0 : 1),
        match: hit.match,
        via: via(catalog, hit.entry),
      });
    } else if (ref.type === 'song') {
      const drama = catalog.dramas[ref.drama]!;
      const track = drama.soundtrack!.find((t) => t.track === ref.track)!;
      results.push({ type: 'song', drama, track, score: hit.score, match: hit.match, via: via(catalog, hit.entry) });
    } else if (
      ref.type === 'person' &&
      catalog.creditsOf(catalog.people[ref.person]!.id).some((c) => c.kind === 'artist')
    ) {
      results.push({
        type: 'person',
        person: catalog.people[ref.person]!,
        score: hit.score,
        match: hit.match,
        via: via(catalog, hit.entry),
      });
    }
  }
  return rankAndDedupe(
    results,
    (r) => (r.type === 'person' ? catalog.creditsOf(r.person.id).length : recency(r.drama)),
    limit,
  );
}
