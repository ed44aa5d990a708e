import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person, Track } from '../data/schema.ts';
import { UserError, type MessageVars } from '../errors.ts';
import type { StringKey } from '../i18n/strings.ts';
import { resolveDrama, resolvePerson, resolveSoundtrack, type Certainty } from '../search/resolve.ts';
import type { SearchIndex } from '../search/search-index.ts';
import {
  resultKey,
  searchDramas,
  searchPeople,
  searchSoundtrack,
  type DramaResult,
  type SearchResult,
} from '../search/surfaces.ts';

/**
 * From what a user typed (or picked) to the record they meant. When there is no sure answer this
 * throws NotFound with the closest matches; the router shows them as "did you mean" buttons
 * (src/cards/did-you-mean.ts), privately, never a guess posted in the channel.
 */
/** What a lookup reads: the bot's context (BotContext) is one, so commands pass `ctx` as it is. */
export interface Lookup {
  search: SearchIndex;
  catalog: Catalog;
}

/** What pressing a suggestion does: open the record's card, a drama's episode list, its rating form, what /ost shows, or add it to the presser's watchlist. */
export type SuggestionOpens = 'card' | 'episodes' | 'rate' | 'soundtrack' | 'watchlist';

/** Nothing matched for sure: the answer names what was searched and offers what was probably meant. */
export class NotFound extends UserError {
  constructor(
    key: StringKey,
    vars: MessageVars,
    readonly suggestions: readonly SearchResult[],
    readonly opens: SuggestionOpens = 'card',
  ) {
    super(key, vars);
  }
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
  search: (text: string) => SearchResult[],
  opens?: SuggestionOpens,
): NotFound {
  const offered = suggestions.length ? suggestions : wordSuggestions(input, search);
  return new NotFound(key, { query: { typed: input } }, offered, opens);
}

/** Up to three dramas a query probably meant, for a "nothing matched" answer. */
export function suggestDramas(lookup: Lookup, query: string): DramaResult[] {
  return searchDramas(lookup.search, lookup.catalog, query, 3);
}

/**
 * The drama typed text names. `certainty: 'exact'` is for commands that write (a rating, a poll):
 * anything short of an exact, unambiguous title gets the did-you-mean buttons instead.
 */
export function findDrama(
  lookup: Lookup,
  input: string,
  opens?: SuggestionOpens,
  certainty: Certainty = 'guess',
): Drama {
  const { found, suggestions } = resolveDrama(lookup.search, lookup.catalog, input, certainty);
  if (found) return found.drama;
  throw notFound(
    certainty === 'exact' && suggestions.length ? 'notFound.dramaNotExact' : 'notFound.drama',
    input,
    suggestions,
    (w) => searchDramas(lookup.search, lookup.catalog, w, 3),
    opens,
  );
}

export function findPerson(lookup: Lookup, input: string): Person {
  const { found, suggestions } = resolvePerson(lookup.search, lookup.catalog, input);
  if (found) return found.person;
  throw notFound('notFound.person', input, suggestions, (w) => searchPeople(lookup.search, lookup.catalog, w, 3));
}

export type SoundtrackAnswer =
  | { type: 'drama'; drama: Drama }
  | { type: 'song'; drama: Drama; track: Track }
  | { type: 'artist'; person: Person };

export function findSoundtrack(lookup: Lookup, input: string): SoundtrackAnswer {
  const { found, suggestions } = resolveSoundtrack(lookup.search, lookup.catalog, input);
  if (found?.type === 'drama') return { type: 'drama', drama: found.drama };
  if (found?.type === 'song') return { type: 'song', drama: found.drama, track: found.track };
  if (found?.type === 'person') return { type: 'artist', person: found.person };
  throw notFound(
    'notFound.ost',
    input,
    suggestions,
    (w) => searchSoundtrack(lookup.search, lookup.catalog, w, 3),
    'soundtrack',
  );
}

/* Records named by a custom_id: they were there when the button was made, but data can change. */

const gone = () => new UserError('notFound.gone');

export function dramaById(catalog: Catalog, id: string | undefined): Drama {
  const drama = id ? catalog.drama(id) : undefined;
  if (!drama) throw gone();
  return drama;
}

export function personById(catalog: Catalog, id: string | undefined): Person {
  const person = id ? catalog.person(id) : undefined;
  if (!person) throw gone();
  return person;
}

export function songById(
  catalog: Catalog,
  dramaId: string | undefined,
  track: string | number | undefined,
): { drama: Drama; track: Track } {
  const drama = dramaById(catalog, dramaId);
  const found = drama.soundtrack?.find((s) => s.track === Number(track));
  if (!found) throw gone();
  return { drama, track: found };
}
