import { describe, expect, it } from 'vitest';
import { recommend, type RecommendOptions } from '../../src/recommend/recommend.ts';
import { legacyRecommend } from '../../src/recommend/recommend-legacy.ts';
import { recommendCases } from '../support/scan-cases.ts';
import { scanCatalogs } from '../support/scan-catalogs.ts';

describe.each(scanCatalogs)('recommendations on columns, over %s', (_, make) => {
  const catalog = make();
  const cases = recommendCases(catalog);
  const same = (options: RecommendOptions) =>
    expect(recommend(catalog, options)).toEqual(legacyRecommend(catalog, options));

  it('give the same dramas, scores and reasons for a drama someone liked, for every filter', () => {
    cases.liked.forEach(same);
  });

  it('give the same for several weighted seeds, any limit, and what the member rated excluded', () => {
    cases.weighted.forEach(same);
  });

  it('give the same when the seeds come from the member’s or the server’s ratings', () => {
    cases.fromRatings.forEach(same);
  });

  it('give the same with no seed at all: the server’s favourites, then star power', () => {
    cases.noSeed.forEach(same);
  });
});
