import { genreBit, type CatalogColumns } from './columns.ts';

/** What /drama search, /drama random and /recommend narrow the catalog by; an empty criterion is no criterion. */
export interface RowCriteria {
  genre?: string;
  year?: number;
  maxEpisodes?: number;
  /** Which network names count (a channel, or a broadcaster's whole family). */
  network?: (name: string) => boolean;
}

/** A test of one drama row against the criteria, reading only the columns. */
export function rowFilter(columns: CatalogColumns, criteria: RowCriteria): (row: number) => boolean {
  const { genreMask, year, episodeCount, networkStart, networkIds } = columns;
  // A genre that is not one has bit 0: nothing passes, as a record never lists it.
  const genre = criteria.genre ? genreBit(criteria.genre) : undefined;
  const wantedYear = criteria.year || undefined;
  const maxEpisodes = criteria.maxEpisodes || undefined;
  const networkOk = criteria.network
    ? Uint8Array.from(columns.networks, (n) => (criteria.network!(n) ? 1 : 0))
    : undefined;
  return (row) => {
    if (genre !== undefined && (genreMask[row]! & genre) === 0) return false;
    if (wantedYear !== undefined && year[row] !== wantedYear) return false;
    if (maxEpisodes !== undefined && episodeCount[row]! > maxEpisodes) return false;
    if (networkOk) {
      const end = networkStart[row + 1]!;
      let any = false;
      for (let k = networkStart[row]!; k < end && !any; k++) any = networkOk[networkIds[k]!] === 1;
      if (!any) return false;
    }
    return true;
  };
}
