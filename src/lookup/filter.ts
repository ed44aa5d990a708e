import type { Catalog } from '../catalog/catalog.ts';
import { dramasNewestFirst, networksByUse } from '../catalog/orderings.ts';
import type { Drama } from '../data/schema.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { searchDramas } from '../search/surfaces.ts';

/** `/drama search` and `/drama random`: the catalog narrowed by a query and filters. */

export interface RandomFilter {
  genre?: string;
  maxEpisodes?: number;
}

export interface SearchFilter extends RandomFilter {
  query?: string;
  year?: number;
  network?: string;
}

/** A search lists at most this many dramas (25 pages of 10). */
const SEARCH_MAX_RESULTS = 250;

const fold = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

function matchesFilter(drama: Drama, filter: RandomFilter & Omit<SearchFilter, 'query'>): boolean {
  if (filter.genre && !(drama.genres as string[]).includes(filter.genre)) return false;
  if (filter.year && drama.year !== filter.year) return false;
  if (filter.maxEpisodes && drama.episodeCount > filter.maxEpisodes) return false;
  if (filter.network && !drama.networks.some((n) => fold(n) === fold(filter.network!))) return false;
  return true;
}

/** Best matches first when there is a query, newest first otherwise; at most SEARCH_MAX_RESULTS. */
export function findDramas(index: SearchIndex, catalog: Catalog, filter: SearchFilter): Drama[] {
  const base = filter.query
    ? searchDramas(index, catalog, filter.query, 1_000).map((r) => r.drama)
    : dramasNewestFirst(catalog);
  const found: Drama[] = [];
  for (const drama of base) {
    if (matchesFilter(drama, filter)) found.push(drama);
    if (found.length >= SEARCH_MAX_RESULTS) break;
  }
  return found;
}

/** Uniform over the dramas that pass the filter; `random` is injectable for tests. */
export function pickRandom(
  catalog: Catalog,
  filter: RandomFilter,
  random: () => number = Math.random,
): Drama | undefined {
  const pool = catalog.dramas.filter((d) => matchesFilter(d, filter));
  return pool[Math.floor(random() * pool.length)];
}

/** "netflix", "Disney +", "kbs 2" → the catalog's spelling; undefined when no network matches. */
export function resolveNetwork(catalog: Catalog, input: string): string | undefined {
  const wanted = fold(input).replace(/\+/g, 'plus');
  return networksByUse(catalog).find((n) => fold(n).replace(/\+/g, 'plus') === wanted);
}
