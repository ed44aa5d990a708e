import { describe, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import { matchesGolden } from '../support/golden.ts';
import { scanOutputs } from '../support/golden-outputs.ts';

/**
 * Whole-catalog answers against the stored ones (test/fixtures/golden/): orderings, every person's
 * credits, group members, data:check's summary, /drama search filters, /drama random picks and
 * /recommend's dramas, scores and reasons. After an intended change: `npm run golden:update`, then
 * review the diff (see test/support/golden.ts).
 */
describe('whole-catalog scans', () => {
  it('give the stored answers on the shipped catalog', () => {
    const shipped = readDataset('data');
    matchesGolden('scans-shipped', scanOutputs(shipped.dramas, shipped.people));
  });

  it('give the stored answers on a synthetic 3k catalog', () => {
    const synthetic = generateCatalog(3_000);
    matchesGolden('scans-synthetic-3k', scanOutputs(synthetic.dramas, synthetic.people));
  });
});
