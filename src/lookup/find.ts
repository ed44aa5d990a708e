import type { Catalog } from '../catalog/catalog.ts';
import { actions } from '../cards/actions.ts';
import { quoted, renderDidYouMean, type Suggestion } from '../cards/did-you-mean.ts';
import type { Drama, Person, Track } from '../data/schema.ts';
import { UserError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import type { StringKey } from '../i18n/strings.ts';
import { choiceName, resolveDrama, resolvePerson, resolveSoundtrack } from '../search/choices.ts';
import type { SearchIndex } from '../search/search-index.ts';
import {
  resultKey,
  searchDramas,
  searchPeople,
  searchSoundtrack,
  type DramaResult,
  type PersonResult,
  type SearchResult,
} from '../search/surfaces.ts';

/**
 * From what a user typed (or picked) to the record they meant. When there is no sure answer the
 * user gets an ephemeral "did you mean" with buttons (a UserError the router shows), never a
 * guess posted in the channel.
 */
type Locale = string | null | undefined;

export interface Lookup {
  index: SearchIndex;
  catalog: Catalog;
  locale: Locale;
}

/**
 * Suggestions for text that matched nothing as a whole ("vincenzo lawyer"): what its longest
 * words match, best word first.
 */
function wordSuggestions(input: string, search: (text: string) => SearchResult[]): SearchResult[] {
  const longestFirst = [...new Set(input.split(/\s+/).filter((w) => w.length >= 3))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 4);
  if (longestFirst.length < 2) return [];
  const seen = new Set<string>();
  return longestFirst
    .flatMap((word) => search(word).slice(0, 3))
    .filter((r) => !seen.has(resultKey(r)) && seen.add(resultKey(r)))
    .slice(0, 3);
}

function notFound(
  key: StringKey,
  input: string,
  suggestions: SearchResult[],
  { catalog, locale }: Lookup,
  actionFor: (r: SearchResult) => string,
  search: (text: string) => SearchResult[],
): UserError {
  const offered = suggestions.length ? suggestions : wordSuggestions(input, search);
  const buttons: Suggestion[] = offered.map((r) => ({ label: choiceName(r, catalog, locale), customId: actionFor(r) }));
  return new UserError(renderDidYouMean(t(locale, key, { query: quoted(input) }), buttons, locale));
}

/** Up to three dramas a query probably meant, as buttons, for a "nothing matched" answer. */
export function suggestDramas(
  lookup: Lookup,
  query: string,
  actionFor: (drama: Drama) => string = (d) => actions.dramaCard(d.id),
): Suggestion[] {
  return searchDramas(lookup.index, lookup.catalog, query, 3).map((r) => ({
    label: choiceName(r, lookup.catalog, lookup.locale),
    customId: actionFor(r.drama),
  }));
}

export function findDrama(
  lookup: Lookup,
  input: string,
  actionFor: (drama: Drama) => string = (d) => actions.dramaCard(d.id),
): Drama {
  const { found, suggestions } = resolveDrama(lookup.index, lookup.catalog, input);
  if (found) return found.drama;
  throw notFound(
    'notFound.drama',
    input,
    suggestions,
    lookup,
    (r) => actionFor((r as DramaResult).drama),
    (w) => searchDramas(lookup.index, lookup.catalog, w, 3),
  );
}

export function findPerson(lookup: Lookup, input: string): Person {
  const { found, suggestions } = resolvePerson(lookup.index, lookup.catalog, input);
  if (found) return found.person;
  throw notFound(
    'notFound.person',
    input,
    suggestions,
    lookup,
    (r) => actions.personCard((r as PersonResult).person.id),
    (w) => searchPeople(lookup.index, lookup.catalog, w, 3),
  );
}

export type SoundtrackAnswer =
  | { type: 'drama'; drama: Drama }
  | { type: 'song'; drama: Drama; track: Track }
  | { type: 'artist'; person: Person };

/** What `/ost` opens for a result: a drama's tracklist, a song card or a singer's songs. */
function soundtrackAction(r: SearchResult): string {
  return r.type === 'drama'
    ? actions.tracks(r.drama.id)
    : r.type === 'song'
      ? actions.song(r.drama.id, r.track.track)
      : actions.artist(r.person.id);
}

export function findSoundtrack(lookup: Lookup, input: string): SoundtrackAnswer {
  const { found, suggestions } = resolveSoundtrack(lookup.index, lookup.catalog, input);
  if (found?.type === 'drama') return { type: 'drama', drama: found.drama };
  if (found?.type === 'song') return { type: 'song', drama: found.drama, track: found.track };
  if (found?.type === 'person') return { type: 'artist', person: found.person };
  throw notFound('notFound.ost', input, suggestions, lookup, soundtrackAction, (w) =>
    searchSoundtrack(lookup.index, lookup.catalog, w, 3),
  );
}

/* Records named by a custom_id: they were there when the button was made, but data can change. */

const gone = (locale: Locale) => new UserError(t(locale, 'notFound.gone'));

export function dramaById(catalog: Catalog, id: string | undefined, locale: Locale): Drama {
  const drama = id ? catalog.drama(id) : undefined;
  if (!drama) throw gone(locale);
  return drama;
}

export function personById(catalog: Catalog, id: string | undefined, locale: Locale): Person {
  const person = id ? catalog.person(id) : undefined;
  if (!person) throw gone(locale);
  return person;
}

export function songById(
  catalog: Catalog,
  dramaId: string | undefined,
  track: string | number | undefined,
  locale: Locale,
): { drama: Drama; track: Track } {
  const drama = dramaById(catalog, dramaId, locale);
  const found = drama.soundtrack?.find((s) => s.track === Number(track));
  if (!found) throw gone(locale);
  return { drama, track: found };
}
