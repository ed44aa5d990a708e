import type { Catalog } from '../catalog/catalog.ts';
import type { SearchIndex } from './search-index.ts';
import {
  searchDramas,
  searchPeople,
  searchSoundtrack,
  type DramaResult,
  type PersonResult,
  type SearchResult,
} from './surfaces.ts';

/** An autocomplete value (see resultKey): "d:<drama>", "p:<person>", "s:<drama>:<track>". */
export type ParsedValue =
  | { type: 'drama'; id: string }
  | { type: 'person'; id: string }
  | { type: 'song'; id: string; track: number };

export function parseChoiceValue(value: string): ParsedValue | undefined {
  const m = /^([dps]):([a-z0-9-]+)(?::(\d+))?$/.exec(value.trim());
  if (!m) return undefined;
  if (m[1] === 's') return m[3] ? { type: 'song', id: m[2]!, track: Number(m[3]) } : undefined;
  return { type: m[1] === 'd' ? 'drama' : 'person', id: m[2]! };
}

export interface Resolved<T> {
  found?: T;
  /** Closest matches when nothing was found for sure ("did you mean"). */
  suggestions: T[];
}

/**
 * How sure a match must be. A lookup may guess: an exact match, or a clear winner. A command that
 * writes (a rating, a poll) acts only on an exact title that names one drama and nothing else.
 */
export type Certainty = 'guess' | 'exact';

/**
 * Picks the record a user meant: the exact one named by an autocomplete value, or, for text typed
 * by hand, the top search result when it is a clear answer (an exact match, or a clear winner).
 */
function resolveTop<T extends SearchResult>(
  results: T[],
  isOwnKind: (r: T) => boolean,
  certainty: Certainty = 'guess',
): Resolved<T> {
  const [top, second] = results;
  const unique = top?.match === 'exact' && second?.match !== 'exact';
  const sure =
    certainty === 'exact'
      ? top && isOwnKind(top) && unique
      : top && isOwnKind(top) && (top.match === 'exact' || !second || top.score - second.score >= 2);
  if (sure) return { found: top, suggestions: [] };
  return { suggestions: results.slice(0, 3) };
}

export function resolveDrama(
  index: SearchIndex,
  catalog: Catalog,
  input: string,
  certainty: Certainty = 'guess',
): Resolved<DramaResult> {
  const parsed = parseChoiceValue(input);
  const exact = parsed?.type === 'drama' ? catalog.drama(parsed.id) : undefined;
  if (exact)
    return {
      found: { type: 'drama', drama: exact, score: 100, match: 'exact', via: { kind: 'title', text: exact.title } },
      suggestions: [],
    };
  const results = searchDramas(index, catalog, input, 10);
  const resolved = resolveTop(results, (r) => r.via.kind === 'title', certainty);
  // A lookup of a character's full name ("Woo Young-woo") opens the one drama they are in.
  if (!resolved.found && certainty === 'guess') {
    const [top, second] = results;
    if (top?.via.kind === 'character' && top.match === 'exact' && second?.match !== 'exact')
      return { found: top, suggestions: [] };
  }
  return resolved;
}

export function resolvePerson(index: SearchIndex, catalog: Catalog, input: string): Resolved<PersonResult> {
  const parsed = parseChoiceValue(input);
  const exact = parsed?.type === 'person' ? catalog.person(parsed.id) : undefined;
  if (exact)
    return {
      found: { type: 'person', person: exact, score: 100, match: 'exact', via: { kind: 'person', text: exact.name } },
      suggestions: [],
    };
  return resolveTop(searchPeople(index, catalog, input, 10), (r) => r.via.kind === 'person');
}

export function resolveSoundtrack(index: SearchIndex, catalog: Catalog, input: string): Resolved<SearchResult> {
  const parsed = parseChoiceValue(input);
  if (parsed) {
    const drama = parsed.type !== 'person' ? catalog.drama(parsed.id) : undefined;
    const track = parsed.type === 'song' ? drama?.soundtrack?.find((s) => s.track === parsed.track) : undefined;
    const person = parsed.type === 'person' ? catalog.person(parsed.id) : undefined;
    if (parsed.type === 'drama' && drama)
      return {
        found: { type: 'drama', drama, score: 100, match: 'exact', via: { kind: 'title', text: drama.title } },
        suggestions: [],
      };
    if (drama && track)
      return {
        found: { type: 'song', drama, track, score: 100, match: 'exact', via: { kind: 'song', text: track.title } },
        suggestions: [],
      };
    if (person)
      return {
        found: { type: 'person', person, score: 100, match: 'exact', via: { kind: 'person', text: person.name } },
        suggestions: [],
      };
  }
  return resolveTop(searchSoundtrack(index, catalog, input, 10), (r) => r.via.kind !== 'character');
}
