import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/synthetic-catalog.ts';
import { networksByUse } from '../../src/catalog/orderings.ts';
import { GENRES } from '../../src/data/schema.ts';
import { findDramas, pickRandom, type SearchFilter } from '../../src/lookup/filter.ts';
import { legacyFindDramasWithoutQuery, legacyPickRandom } from '../../src/lookup/filter-legacy.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { scanCatalogs } from '../support/scan-catalogs.ts';

/** Filters /drama search and /drama random are given: each criterion alone, then random mixes. */
function filters(networks: readonly string[], years: readonly number[]): Array<Omit<SearchFilter, 'query'>> {
  const genres = [...GENRES, 'not-a-genre'];
  const networkInputs = [...networks, 'KBS', 'kbs2', 'Disney +', 'HBO'];
  const single = [
    {},
    ...genres.map((genre) => ({ genre })),
    ...years.map((year) => ({ year })),
    ...[1, 12, 16, 20, 50].map((maxEpisodes) => ({ maxEpisodes })),
    ...networkInputs.map((network) => ({ network })),
  ];
  const r = random(5);
  const mixed = Array.from({ length: 120 }, () => ({
    ...(r() < 0.6 ? { genre: genres[Math.floor(r() * genres.length)]! } : {}),
    ...(r() < 0.4 ? { year: years[Math.floor(r() * years.length)]! } : {}),
    ...(r() < 0.5 ? { maxEpisodes: [12, 16, 24][Math.floor(r() * 3)]! } : {}),
    ...(r() < 0.5 ? { network: networkInputs[Math.floor(r() * networkInputs.length)]! } : {}),
  }));
  return [...single, ...mixed];
}

describe.each(scanCatalogs)('/drama search and /drama random on columns, over %s', (_, make) => {
  const catalog = make();
  const index = buildSearchIndex(catalog);
  const years = [...new Set(catalog.dramas.map((d) => d.year))].slice(0, 12);
  const cases = filters(networksByUse(catalog), years);

  it('find the same dramas, newest first, as a pass over every drama', () => {
    for (const filter of cases)
      expect(findDramas(index, catalog, filter)).toEqual(legacyFindDramasWithoutQuery(catalog, filter));
  });

  it('pick the same drama for the same random numbers, with or without one to skip', () => {
    const r = random(9);
    for (const filter of cases) {
      const draws = [0, 0.999_999, r(), r(), r()];
      const except = catalog.dramas[Math.floor(r() * catalog.dramas.length)]!.id;
      for (const draw of draws)
        for (const exceptId of [undefined, except, 'no-such-drama'])
          expect(pickRandom(catalog, filter, () => draw, exceptId)).toBe(
            legacyPickRandom(catalog, filter, () => draw, exceptId),
          );
    }
  });
});
