import type { Drama, Person } from '../data/schema.ts';
import { byDate, type Catalog } from './catalog.ts';

/**
 * Orderings of the whole catalog that commands and autocomplete need again and again. Each is
 * computed once per catalog, on first use: sorting 100k dramas on every keystroke is not free.
 */
function memo<T>(compute: (catalog: Catalog) => T): (catalog: Catalog) => T {
  const cache = new WeakMap<Catalog, T>();
  return (catalog) => {
    if (!cache.has(catalog)) cache.set(catalog, compute(catalog));
    return cache.get(catalog)!;
  };
}

/** Newest first, then by title. */
export const dramasNewestFirst = memo((catalog): readonly Drama[] =>
  [...catalog.dramas].sort((a, b) => byDate(b.firstAirDate, a.firstAirDate) || a.title.localeCompare(b.title)),
);

/** People with the most credits first. */
export const peopleMostCredited = memo((catalog): readonly Person[] =>
  [...catalog.people].sort(
    (a, b) => catalog.creditsOf(b.id).length - catalog.creditsOf(a.id).length || a.name.localeCompare(b.name),
  ),
);

/** Dramas with a recorded soundtrack, the biggest first. */
export const dramasBiggestSoundtrack = memo((catalog): readonly Drama[] =>
  dramasNewestFirst(catalog)
    .filter((d) => d.soundtrack?.length)
    .sort((a, b) => b.soundtrack!.length - a.soundtrack!.length),
);

/** Network names, the most common first. */
export const networksByUse = memo((catalog): readonly string[] => {
  const counts = new Map<string, number>();
  for (const drama of catalog.dramas) for (const n of drama.networks) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
});
