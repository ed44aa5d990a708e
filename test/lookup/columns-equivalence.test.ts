import { describe, expect, it } from 'vitest';
import { networksByUse } from '../../src/catalog/orderings.ts';
import { findDramas, pickRandom } from '../../src/lookup/filter.ts';
import { legacyFindDramasWithoutQuery, legacyPickRandom } from '../../src/lookup/filter-legacy.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { filterCases, randomCases, someYears } from '../support/scan-cases.ts';
import { scanCatalogs } from '../support/scan-catalogs.ts';

describe.each(scanCatalogs)('/drama search and /drama random on columns, over %s', (_, make) => {
  const catalog = make();
  const index = buildSearchIndex(catalog);
  const cases = filterCases(networksByUse(catalog), someYears(catalog));

  it('find the same dramas, newest first, as a pass over every drama', () => {
    for (const filter of cases)
      expect(findDramas(index, catalog, filter)).toEqual(legacyFindDramasWithoutQuery(catalog, filter));
  });

  it('pick the same drama for the same random numbers, with or without one to skip', () => {
    for (const { filter, draw, exceptId } of randomCases(catalog, cases))
      expect(pickRandom(catalog, filter, () => draw, exceptId)).toBe(
        legacyPickRandom(catalog, filter, () => draw, exceptId),
      );
  });
});
