import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/synthetic-catalog.ts';
import { GENRES } from '../../src/data/schema.ts';
import type { DramaRatings } from '../../src/ratings/keys.ts';
import { recommend, type RecommendOptions } from '../../src/recommend/recommend.ts';
import { legacyRecommend } from '../../src/recommend/recommend-legacy.ts';
import { chooseSeeds } from '../../src/recommend/seeds.ts';
import { scanCatalogs } from '../support/scan-catalogs.ts';

const FILTERS: Array<RecommendOptions['filter']> = [
  undefined,
  {},
  { genre: 'romance' },
  { genre: 'thriller', maxEpisodes: 16 },
  { maxEpisodes: 12 },
  { genre: 'not-a-genre' },
];

describe.each(scanCatalogs)('recommendations on columns, over %s', (_, make) => {
  const catalog = make();
  const r = random(23);
  const anyDrama = () => catalog.dramas[Math.floor(r() * catalog.dramas.length)]!;
  /** Ratings by a handful of members over a few dozen dramas, many of them loved. */
  const someRatings = (count: number) => {
    const ratings = new Map<string, DramaRatings>();
    for (let i = 0; i < count; i++) {
      const byMember: DramaRatings['byMember'] = {};
      for (const member of ['a', 'b', 'c', 'd', 'e', 'me'])
        if (r() < 0.6) byMember[member] = { score: 4 + Math.floor(r() * 7), at: i };
      ratings.set(anyDrama().id, { byMember });
    }
    return ratings;
  };
  const same = (options: RecommendOptions) =>
    expect(recommend(catalog, options)).toEqual(legacyRecommend(catalog, options));

  it('give the same dramas, scores and reasons for a drama someone liked, for every filter', () => {
    const likes = catalog.dramas.length < 500 ? catalog.dramas : Array.from({ length: 120 }, anyDrama);
    likes.forEach((like, i) => {
      const serverRatings = i % 3 === 0 ? someRatings(30) : new Map<string, DramaRatings>();
      const { seeds, exclude } = chooseSeeds(catalog, serverRatings, 'me', like);
      same({ seeds, serverRatings, exclude, filter: FILTERS[i % FILTERS.length] });
    });
  });

  it('give the same for several weighted seeds, any limit, and what the member rated excluded', () => {
    for (let round = 0; round < 80; round++) {
      const serverRatings = someRatings(10 + Math.floor(r() * 40));
      const seeds = Array.from({ length: 1 + Math.floor(r() * 5) }, () => ({ drama: anyDrama(), weight: 0.5 + r() }));
      const exclude = new Set([...seeds.map((s) => s.drama.id), ...Array.from({ length: 5 }, () => anyDrama().id)]);
      const limit = [1, 5, 10, 25][round % 4]!;
      same({ seeds, serverRatings, exclude, filter: FILTERS[round % FILTERS.length], limit });
    }
  });

  it('give the same when the seeds come from the member’s or the server’s ratings', () => {
    for (let round = 0; round < 30; round++) {
      const serverRatings = someRatings(40);
      const { seeds, exclude } = chooseSeeds(catalog, serverRatings, round % 2 ? 'me' : 'nobody');
      same({ seeds, serverRatings, exclude, filter: FILTERS[round % FILTERS.length] });
    }
  });

  it('give the same with no seed at all: the server’s favourites, then star power', () => {
    for (let round = 0; round < 24; round++) {
      const serverRatings = round % 2 ? someRatings(60) : new Map<string, DramaRatings>();
      const exclude = new Set(Array.from({ length: round }, () => anyDrama().id));
      const filter = round % 3 ? { genre: GENRES[round % GENRES.length]! } : FILTERS[round % FILTERS.length];
      same({ seeds: [], serverRatings, exclude, filter, limit: [5, 1, 10][round % 3]! });
    }
  });
});
