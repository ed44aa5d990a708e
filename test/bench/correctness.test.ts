import { describe, expect, it } from 'vitest';
import { concurrentRatings, concurrentVotes, recallAt10 } from '../../src/bench/correctness.ts';
import { ourEngine } from '../../src/bench/engines.ts';
import { makeQueries, QUERY_CLASSES } from '../../src/bench/queries.ts';
import { runSynced } from '../../src/bench/run-synced.ts';
import { generateCatalog, writeCatalog } from '../../src/bench/synthetic-catalog.ts';
import { loadCatalog, loadDataset } from '../../src/data/load-catalog.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { tempDir } from '../support/harness.ts';

/** The correctness half of `npm run bench --quick` (the timings are the benchmark's, never a test's). */
describe('benchmark correctness on a synthetic 1k-drama catalog', () => {
  const dir = tempDir('dramabot-bench-test-');
  const synthetic = generateCatalog(1_000);
  writeCatalog(dir, synthetic);

  it('loads through the same loader as the real dataset, 8 cast members a drama', () => {
    const catalog = loadCatalog(dir);
    expect(catalog.dramas).toHaveLength(1_000);
    expect(catalog.dramas.every((d) => d.cast.length === 8)).toBe(true);
    expect(new Set(catalog.dramas.map((d) => d.title)).size).toBe(1_000);
  });

  it('finds the intended record in the top 10 for at least 99% of 2,000 queries, and 97% in every class', () => {
    const catalog = loadCatalog(dir);
    const queries = makeQueries(synthetic, 2_000);
    expect(queries).toHaveLength(2_000);
    expect(new Set(queries.map((q) => q.class))).toEqual(new Set(QUERY_CLASSES));
    const recall = recallAt10(ourEngine(buildSearchIndex(catalog), catalog), queries);
    expect(recall.overall).toBeGreaterThanOrEqual(0.99);
    for (const cls of QUERY_CLASSES) expect(recall.byClass[cls], cls).toBeGreaterThanOrEqual(0.97);
  });

  it('counts every one of 1,000 concurrent ratings and 1,000 concurrent votes on SQLite', async () => {
    const [ratings, votes] = [await concurrentRatings(dir), await concurrentVotes(dir)];
    expect(ratings).toMatchObject({ writers: 1_000, counted: 1_000 });
    expect(votes).toMatchObject({ writers: 1_000, counted: 1_000 });
  });
});

describe('the synced-shaped benchmark profile, small', () => {
  it('loads every synthetic TMDB series beside the curated files, with many more people than series', () => {
    const curated = loadDataset('data', { synced: false }).catalog;
    const result = runSynced(200);
    expect(result.credits).toBe(200 * 40);
    expect(result.dramas).toBe(curated.dramas.length + 200);
    expect(result.people - curated.people.length).toBeGreaterThan(2 * 200);
    expect(result.compiled.lookup.recall.overall).toBeGreaterThanOrEqual(0.99);
    expect(result.compiled.autocomplete.recall.overall).toBeGreaterThanOrEqual(0.99);
  });
});
