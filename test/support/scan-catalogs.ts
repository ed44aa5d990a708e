import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';

/**
 * The catalogs the column tests run on: the shipped one, and a synthetic one big enough that
 * thousands of dramas share each genre, tag and year.
 */
export const scanCatalogs: ReadonlyArray<[name: string, catalog: () => Catalog]> = [
  ['the shipped catalog', () => loadCatalog('data')],
  [
    'a synthetic catalog of 3,000 dramas',
    () => {
      const { dramas, people } = generateCatalog(3_000);
      return buildCatalog(dramas, people);
    },
  ],
];
