import type { Catalog } from '../catalog/catalog.ts';
import { legacyDramasNewestFirst } from '../catalog/scans-legacy.ts';
import type { Drama } from '../data/schema.ts';
import { networkMatches, type RandomFilter, type SearchFilter } from './filter.ts';

/**
 * TEMPORARY (issue 17): /drama search without a query and /drama random as they were before the
 * catalog columns (a pass over every drama object), kept only so test/lookup/columns-equivalence.test.ts
 * can check the column version gives the same answers. Delete with that test when the issue closes.
 */
function matchesFilter(drama: Drama, filter: RandomFilter & Omit<SearchFilter, 'query'>): boolean {
  if (filter.genre && !(drama.genres as string[]).includes(filter.genre)) return false;
  if (filter.year && drama.year !== filter.year) return false;
  if (filter.maxEpisodes && drama.episodeCount > filter.maxEpisodes) return false;
  if (filter.network && !drama.networks.some((n) => networkMatches(n, filter.network!))) return false;
  return true;
}

export function legacyFindDramasWithoutQuery(catalog: Catalog, filter: Omit<SearchFilter, 'query'>): Drama[] {
  const found: Drama[] = [];
  for (const drama of legacyDramasNewestFirst(catalog)) {
    if (matchesFilter(drama, filter)) found.push(drama);
    if (found.length >= 250) break;
  }
  return found;
}

export function legacyPickRandom(
  catalog: Catalog,
  filter: RandomFilter,
  random: () => number,
  exceptId?: string,
): Drama | undefined {
  const pool = catalog.dramas.filter((d) => d.id !== exceptId && matchesFilter(d, filter));
  return pool[Math.floor(random() * pool.length)];
}
