import { describe, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import { matchesGolden } from '../support/golden.ts';
import { searchOutputs } from '../support/golden-outputs.ts';
import { shippedQueries, syntheticQueries } from '../support/search-queries.ts';

/**
 * The search index's hits (entry, score, match) and the /drama, /cast and /ost surfaces' ranked
 * results against the stored ones (test/fixtures/golden/). After an intended change of scores or
 * ranking: `npm run golden:update`, then review the diff (see test/support/golden.ts).
 */
describe('search', () => {
  it('gives the stored index hits and surface results on the shipped catalog', () => {
    const shipped = readDataset('data');
    matchesGolden('search-shipped', searchOutputs(shipped.dramas, shipped.people, shippedQueries(shipped)));
  });

  it('gives the stored index hits and surface results on a synthetic 2k catalog, the benchmark’s 7 query classes and more', () => {
    const synthetic = generateCatalog(2_000);
    const golden = searchOutputs(synthetic.dramas, synthetic.people, syntheticQueries(synthetic));
    matchesGolden('search-synthetic-2k', golden);
  });
});
