import type { Catalog } from '../catalog/catalog.ts';
import { networksByUse } from '../catalog/orderings.ts';
import { rowFilter } from '../catalog/row-filter.ts';
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

/** The filter as a test of drama rows (columns only, no record decoded). */
function matcher(catalog: Catalog, filter: RandomFilter & Omit<SearchFilter, 'query'>): (row: number) => boolean {
  const { network } = filter;
  return rowFilter(catalog.columns, { ...filter, network: network ? (n) => networkMatches(n, network) : undefined });
}

/** Best matches first when there is a query, newest first otherwise; at most SEARCH_MAX_RESULTS. */
export function findDramas(index: SearchIndex, catalog: Catalog, filter: SearchFilter): Drama[] {
  const matches = matcher(catalog, filter);
  if (filter.query) {
    const found: Drama[] = [];
    for (const { drama } of searchDramas(index, catalog, filter.query, 1_000)) {
      if (matches(catalog.row(drama.id)!)) found.push(drama);
      if (found.length >= SEARCH_MAX_RESULTS) break;
    }
    return found;
  }
  const rows: number[] = [];
  for (const row of catalog.columns.newestFirst) {
    if (matches(row)) rows.push(row);
    if (rows.length >= SEARCH_MAX_RESULTS) break;
  }
  return rows.map((row) => catalog.dramaAt(row));
}

/** Uniform over the dramas that pass the filter, other than `exceptId`; `random` is injectable for tests. */
export function pickRandom(
  catalog: Catalog,
  filter: RandomFilter,
  random: () => number = Math.random,
  exceptId?: string,
): Drama | undefined {
  const matches = matcher(catalog, filter);
  const except = exceptId === undefined ? -1 : (catalog.row(exceptId) ?? -1);
  // Count the pool, then walk to the chosen one: no list of 100k rows is made.
  const passes = (row: number) => row !== except && matches(row);
  let size = 0;
  for (let row = 0; row < catalog.columns.dramaCount; row++) if (passes(row)) size += 1;
  let left = Math.floor(random() * size);
  for (let row = 0; row < catalog.columns.dramaCount; row++)
    if (passes(row) && left-- === 0) return catalog.dramaAt(row);
  return undefined;
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
