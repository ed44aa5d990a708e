import type { Drama, Person } from '../data/schema.ts';
import type { Catalog } from './catalog.ts';

/**
 * Orderings of the whole catalog that commands and autocomplete need again and again. They are
 * compiled into the catalog's columns as rows; these decode only the first `limit` records.
 */
const records = <T>(rows: ArrayLike<number>, at: (row: number) => T, limit: number): T[] =>
  Array.from({ length: Math.min(limit, rows.length) }, (_, i) => at(rows[i]!));

/** Newest first, then by title. */
export const dramasNewestFirst = (catalog: Catalog, limit = Infinity): Drama[] =>
  records(catalog.columns.newestFirst, catalog.dramaAt, limit);

/** People with the most credits first, then by name. */
export const peopleMostCredited = (catalog: Catalog, limit = Infinity): Person[] =>
  records(catalog.columns.mostCredited, catalog.personAt, limit);

/** Dramas with a recorded soundtrack, the biggest first, then newest first. */
export const dramasBiggestSoundtrack = (catalog: Catalog, limit = Infinity): Drama[] =>
  records(catalog.columns.biggestSoundtrack, catalog.dramaAt, limit);

const networkLists = new WeakMap<Catalog, readonly string[]>();
/** Network names, the most common first (a few dozen names). */
export function networksByUse(catalog: Catalog): readonly string[] {
  let names = networkLists.get(catalog);
  if (!names) {
    const { networks, networksByUse: order } = catalog.columns;
    names = Array.from(order, (id) => networks[id]!);
    networkLists.set(catalog, names);
  }
  return names;
}
