import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person } from '../data/schema.ts';
import { MAX_CHOICES, toChoices, type Choice } from '../search/choices.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { searchDramas, searchPeople, searchSoundtrack, type SearchResult } from '../search/surfaces.ts';
import { dramasBiggestSoundtrack, dramasNewestFirst, networksByUse, peopleMostCredited } from '../catalog/orderings.ts';

/**
 * Autocomplete lists. Before anything is typed there is still something useful to offer: the
 * newest dramas, the people with the most credits, the biggest soundtracks.
 */
type Locale = string | null | undefined;

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
    : dramasNewestFirst(catalog).slice(0, MAX_CHOICES).map(asDrama);
  return toChoices(results, catalog, locale);
}

export function personChoices(index: SearchIndex, catalog: Catalog, typed: string, locale: Locale): Choice[] {
  const results = typed.trim()
    ? searchPeople(index, catalog, typed)
    : peopleMostCredited(catalog).slice(0, MAX_CHOICES).map(asPerson);
  return toChoices(results, catalog, locale);
}

export function soundtrackChoices(index: SearchIndex, catalog: Catalog, typed: string, locale: Locale): Choice[] {
  const results = typed.trim()
    ? searchSoundtrack(index, catalog, typed)
    : dramasBiggestSoundtrack(catalog).slice(0, MAX_CHOICES).map(asDrama);
  return toChoices(results, catalog, locale);
}

export function networkChoices(catalog: Catalog, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  return networksByUse(catalog)
    .filter((n) => n.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((n) => ({ name: n, value: n }));
}
