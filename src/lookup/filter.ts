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

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/\+/g, 'plus');

/**
 * A broadcaster and its channels: "KBS" is KBS1 and KBS2, "KBS 2TV" is KBS2. A network's family is
 * its name without the channel number; full names people type map to the short one.
 */
const familyOf = (network: string) => fold(network).replace(/(?:\d+)(?:tv)?$/, '');
const NETWORK_ALIASES: Record<string, string> = {
  koreanbroadcastingsystem: 'kbs',
  kbs2tv: 'kbs2',
  kbs1tv: 'kbs1',
  munhwabroadcastingcorporation: 'mbc',
  seoulbroadcastingsystem: 'sbs',
};

/** Does a drama shown on `network` count for the filter `wanted` (a channel, or a whole family)? */
function networkMatches(network: string, wanted: string): boolean {
  const folded = fold(wanted);
  return fold(network) === folded || familyOf(network) === folded;
}

function matchesFilter(drama: Drama, filter: RandomFilter & Omit<SearchFilter, 'query'>): boolean {
  if (filter.genre && !(drama.genres as string[]).includes(filter.genre)) return false;
  if (filter.year && drama.year !== filter.year) return false;
  if (filter.maxEpisodes && drama.episodeCount > filter.maxEpisodes) return false;
  if (filter.network && !drama.networks.some((n) => networkMatches(n, filter.network!))) return false;
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

/** Uniform over the dramas that pass the filter, other than `exceptId`; `random` is injectable for tests. */
export function pickRandom(
  catalog: Catalog,
  filter: RandomFilter,
  random: () => number = Math.random,
  exceptId?: string,
): Drama | undefined {
  const pool = catalog.dramas.filter((d) => d.id !== exceptId && matchesFilter(d, filter));
  return pool[Math.floor(random() * pool.length)];
}

/**
 * "netflix", "Disney +", "kbs 2" → the catalog's spelling; "KBS" → "KBS", the family of KBS1 and
 * KBS2; undefined when no network matches.
 */
export function resolveNetwork(catalog: Catalog, input: string): string | undefined {
  const wanted = NETWORK_ALIASES[fold(input)] ?? fold(input);
  const networks = networksByUse(catalog);
  const channel = networks.find((n) => fold(n) === wanted);
  if (channel) return channel;
  const family = networks.find((n) => familyOf(n) === wanted);
  return family?.replace(/\s*\d+(?:\s*tv)?$/i, '');
}
