import type { Catalog } from '../catalog/catalog.ts';
import { dramaTitle, personName } from '../catalog/names.ts';
import type { Person } from '../data/schema.ts';
import { languageOf, t } from '../i18n/index.ts';
import type { SearchIndex } from './search-index.ts';
import {
  resultKey,
  searchDramas,
  searchPeople,
  searchSoundtrack,
  type DramaResult,
  type PersonResult,
  type SearchResult,
} from './surfaces.ts';

/** Discord's limits for autocomplete: 25 choices, names and values of at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export interface Choice {
  name: string;
  value: string;
}

const choiceValue = resultKey;

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

function truncate(text: string, max = MAX_CHOICE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What a person is best known for here: the kind of credit they have most of. */
function personKind(catalog: Catalog, person: Person): 'actor' | 'director' | 'writer' | 'artist' | 'group' {
  if (person.type === 'group') return 'group';
  const counts = { cast: 0, director: 0, writer: 0, artist: 0 };
  for (const credit of catalog.creditsOf(person.id)) counts[credit.kind] += 1;
  const top = (Object.entries(counts) as Array<[keyof typeof counts, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return top[0] === 'cast' ? 'actor' : top[0];
}

/** "Soundtrack #1 (2022) · drama", "Han So-hee · actor", "Love Beyond Words — Kyuhyun · Soundtrack #1 OST". */
export function choiceName(r: SearchResult, catalog: Catalog, locale: string | null | undefined): string {
  const parts: string[] = [];
  if (r.type === 'drama') {
    parts.push(`${dramaTitle(r.drama, locale)} (${r.drama.year})`, t(locale, 'kind.drama'));
    if (r.via.kind === 'title' && r.via.text !== r.drama.title && r.via.text !== r.drama.nativeTitle)
      parts.push(t(locale, 'via.aka', { name: r.via.text }));
    if (r.via.kind === 'character') parts.push(t(locale, 'via.as', { name: r.via.text }));
    if (r.via.kind === 'person' && r.via.personId) parts.push(personName(catalog.person(r.via.personId)!, locale));
  } else if (r.type === 'person') {
    parts.push(personName(r.person, locale), t(locale, `kind.${personKind(catalog, r.person)}`));
    if (r.via.kind === 'character') {
      const credit = catalog
        .creditsOf(r.person.id)
        .find((c) => c.characters?.some((ch) => [ch.name, ch.nativeName, ...(ch.altNames ?? [])].includes(r.via.text)));
      if (credit) parts.push(t(locale, 'via.in', { name: r.via.text, drama: dramaTitle(credit.drama, locale) }));
    }
  } else {
    const korean = languageOf(locale) === 'ko';
    const artists = r.track.artists.map((id) => personName(catalog.person(id)!, locale)).join(', ');
    parts.push(
      `${korean && r.track.nativeTitle ? r.track.nativeTitle : r.track.title} — ${artists}`,
      t(locale, 'song.ost', { drama: dramaTitle(r.drama, locale) }),
    );
  }
  return truncate(parts.join(' · '));
}

export function toChoices(results: SearchResult[], catalog: Catalog, locale: string | null | undefined): Choice[] {
  return results.slice(0, MAX_CHOICES).map((r) => ({ name: choiceName(r, catalog, locale), value: choiceValue(r) }));
}

export interface Resolved<T> {
  found?: T;
  /** Closest matches when nothing was found for sure ("did you mean"). */
  suggestions: T[];
}

/**
 * Picks the record a user meant: the exact one named by an autocomplete value, or, for text typed
 * by hand, the top search result when it is a clear answer (an exact match, or a clear winner).
 */
function resolveTop<T extends SearchResult>(results: T[], isOwnKind: (r: T) => boolean): Resolved<T> {
  const [top, second] = results;
  const clearWinner = top && (!second || top.score - second.score >= 2);
  if (top && isOwnKind(top) && (top.match === 'exact' || clearWinner)) return { found: top, suggestions: [] };
  return { suggestions: results.slice(0, 3) };
}

export function resolveDrama(index: SearchIndex, catalog: Catalog, input: string): Resolved<DramaResult> {
  const parsed = parseChoiceValue(input);
  const exact = parsed?.type === 'drama' ? catalog.drama(parsed.id) : undefined;
  if (exact)
    return {
      found: { type: 'drama', drama: exact, score: 100, match: 'exact', via: { kind: 'title', text: exact.title } },
      suggestions: [],
    };
  return resolveTop(searchDramas(index, catalog, input, 10), (r) => r.via.kind === 'title');
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
