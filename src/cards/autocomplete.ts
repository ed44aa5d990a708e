import type { Catalog } from '../catalog/catalog.ts';
import { characterName, dramaTitle, isCharacterNamed, personName, trackTitle } from '../catalog/names.ts';
import { dramasBiggestSoundtrack, dramasNewestFirst, networksByUse, peopleMostCredited } from '../catalog/orderings.ts';
import type { Drama, Person } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { resultKey, searchDramas, searchPeople, searchSoundtrack, type SearchResult } from '../search/surfaces.ts';
import { truncate } from '../text.ts';
import { timeZoneSuggestions } from '../time/zones.ts';

/**
 * Autocomplete lists: search results as choices whose name says what each one is, with the
 * result's key as the value. Before anything is typed there is still something useful to offer:
 * the newest dramas, the people with the most credits, the biggest soundtracks.
 */
type Locale = string | null | undefined;

/** Discord's limits for autocomplete: 25 choices, names and values of at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export interface Choice {
  name: string;
  value: string;
}

/** What a person is best known for here: the kind of credit they have most of. */
function personKind(catalog: Catalog, person: Person): 'actor' | 'director' | 'writer' | 'artist' | 'group' {
  if (person.type === 'group') return 'group';
  const row = catalog.personRow(person.id);
  const { castCredits, directorCredits, writerCredits, artistCredits } = catalog.columns;
  // From the columns' counts: listing the credits would decode every drama the person is in.
  const at = (column: Int32Array) => (row === undefined ? 0 : column[row]!);
  const counts = {
    cast: at(castCredits),
    director: at(directorCredits),
    writer: at(writerCredits),
    artist: at(artistCredits),
  };
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
    if (r.via.kind === 'character') {
      const character = r.drama.cast.flatMap((c) => c.characters).find((ch) => isCharacterNamed(ch, r.via.text));
      parts.push(t(locale, 'via.as', { name: character ? characterName(character, locale) : r.via.text }));
    }
    if (r.via.kind === 'person' && r.via.personId) parts.push(personName(catalog.person(r.via.personId)!, locale));
  } else if (r.type === 'person') {
    parts.push(personName(r.person, locale), t(locale, `kind.${personKind(catalog, r.person)}`));
    // The matched character's drama only: walking the person's credits decodes their whole filmography.
    const drama = r.via.kind === 'character' && r.via.dramaId ? catalog.drama(r.via.dramaId) : undefined;
    const character = drama?.cast
      .find((c) => c.person === r.person.id)
      ?.characters.find((ch) => isCharacterNamed(ch, r.via.text));
    if (drama && character)
      parts.push(t(locale, 'via.in', { name: characterName(character, locale), drama: dramaTitle(drama, locale) }));
  } else {
    const artists = r.track.artists.map((id) => personName(catalog.person(id)!, locale)).join(', ');
    parts.push(
      `${trackTitle(r.track, locale)} — ${artists}`,
      t(locale, 'song.ost', { drama: dramaTitle(r.drama, locale) }),
    );
  }
  return truncate(parts.join(' · '), MAX_CHOICE_LENGTH);
}

export function toChoices(results: SearchResult[], catalog: Catalog, locale: string | null | undefined): Choice[] {
  return results.slice(0, MAX_CHOICES).map((r) => ({ name: choiceName(r, catalog, locale), value: resultKey(r) }));
}

const asDrama = (drama: Drama): SearchResult => ({
  type: 'drama',
  drama,
  score: 0,
  match: 'exact',
  via: { kind: 'title', text: drama.title },
});
const asPerson = (person: Person): SearchResult => ({
  type: 'person',
  person,
  score: 0,
  match: 'exact',
  via: { kind: 'person', text: person.name },
});

export function dramaChoices(index: SearchIndex, catalog: Catalog, typed: string, locale: Locale): Choice[] {
  const results = typed.trim()
    ? searchDramas(index, catalog, typed)
    : dramasNewestFirst(catalog, MAX_CHOICES).map(asDrama);
  return toChoices(results, catalog, locale);
}

export function personChoices(index: SearchIndex, catalog: Catalog, typed: string, locale: Locale): Choice[] {
  const results = typed.trim()
    ? searchPeople(index, catalog, typed)
    : peopleMostCredited(catalog, MAX_CHOICES).map(asPerson);
  return toChoices(results, catalog, locale);
}

export function soundtrackChoices(index: SearchIndex, catalog: Catalog, typed: string, locale: Locale): Choice[] {
  const results = typed.trim()
    ? searchSoundtrack(index, catalog, typed)
    : dramasBiggestSoundtrack(catalog, MAX_CHOICES).map(asDrama);
  return toChoices(results, catalog, locale);
}

export function networkChoices(catalog: Catalog, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  return networksByUse(catalog)
    .filter((n) => n.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((n) => ({ name: n, value: n }));
}

/** Choices for commands whose options are a drama title and a time zone (/watchlist, /alerts). */
export function titleOrZoneChoices(
  lookup: { search: SearchIndex; catalog: Catalog },
  focused: { name: string; value: string },
  locale: Locale,
): Choice[] {
  if (focused.name === 'timezone')
    return timeZoneSuggestions(focused.value).map((zone) => ({ name: zone, value: zone }));
  return dramaChoices(lookup.search, lookup.catalog, focused.value, locale);
}
