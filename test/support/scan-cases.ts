import { random } from '../../src/bench/synthetic-catalog.ts';
import type { Catalog } from '../../src/catalog/catalog.ts';
import { GENRES, type Drama } from '../../src/data/schema.ts';
import type { SearchFilter } from '../../src/lookup/filter.ts';
import type { DramaRatings } from '../../src/ratings/keys.ts';
import type { RecommendOptions } from '../../src/recommend/recommend.ts';
import { chooseSeeds } from '../../src/recommend/seeds.ts';

/**
 * The cases whole-catalog scans are checked on (filters, random picks, recommendations), drawn
 * from fixed seeds so every run, and every engine, gets the same ones.
 */

/** Filters /drama search and /drama random are given: each criterion alone, then random mixes. */
export function filterCases(networks: readonly string[], years: readonly number[]): Array<Omit<SearchFilter, 'query'>> {
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

/** The first dozen distinct years of the catalog, in row order. */
export const someYears = (catalog: Catalog) => [...new Set(catalog.dramas.map((d) => d.year))].slice(0, 12);

export interface RandomCase {
  filter: Omit<SearchFilter, 'query'>;
  draw: number;
  exceptId?: string;
}

/** For each filter: the lowest and highest draw and three random ones, with no drama, one, or an unknown id to skip. */
export function randomCases(catalog: Catalog, filters: ReadonlyArray<Omit<SearchFilter, 'query'>>): RandomCase[] {
  const r = random(9);
  const cases: RandomCase[] = [];
  for (const filter of filters) {
    const draws = [0, 0.999_999, r(), r(), r()];
    const except = catalog.dramas[Math.floor(r() * catalog.dramas.length)]!.id;
    for (const draw of draws)
      for (const exceptId of [undefined, except, 'no-such-drama']) cases.push({ filter, draw, exceptId });
  }
  return cases;
}

const RECOMMEND_FILTERS: Array<RecommendOptions['filter']> = [
  undefined,
  {},
  { genre: 'romance' },
  { genre: 'thriller', maxEpisodes: 16 },
  { maxEpisodes: 12 },
  { genre: 'not-a-genre' },
];

/** /recommend's inputs, in four groups: a liked drama, weighted seeds, seeds from ratings, no seed at all. */
export function recommendCases(catalog: Catalog) {
  const r = random(23);
  const anyDrama = (): Drama => catalog.dramas[Math.floor(r() * catalog.dramas.length)]!;
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
  const likes = catalog.dramas.length < 500 ? catalog.dramas : Array.from({ length: 120 }, anyDrama);
  const liked = likes.map((like, i): RecommendOptions => {
    const serverRatings = i % 3 === 0 ? someRatings(30) : new Map<string, DramaRatings>();
    const { seeds, exclude } = chooseSeeds(catalog, serverRatings, 'me', like);
    return { seeds, serverRatings, exclude, filter: RECOMMEND_FILTERS[i % RECOMMEND_FILTERS.length] };
  });
  const weighted = Array.from({ length: 80 }, (_, round): RecommendOptions => {
    const serverRatings = someRatings(10 + Math.floor(r() * 40));
    const seeds = Array.from({ length: 1 + Math.floor(r() * 5) }, () => ({ drama: anyDrama(), weight: 0.5 + r() }));
    const exclude = new Set([...seeds.map((s) => s.drama.id), ...Array.from({ length: 5 }, () => anyDrama().id)]);
    const limit = [1, 5, 10, 25][round % 4]!;
    return { seeds, serverRatings, exclude, filter: RECOMMEND_FILTERS[round % RECOMMEND_FILTERS.length], limit };
  });
  const fromRatings = Array.from({ length: 30 }, (_, round): RecommendOptions => {
    const serverRatings = someRatings(40);
    const { seeds, exclude } = chooseSeeds(catalog, serverRatings, round % 2 ? 'me' : 'nobody');
    return { seeds, serverRatings, exclude, filter: RECOMMEND_FILTERS[round % RECOMMEND_FILTERS.length] };
  });
  const noSeed = Array.from({ length: 24 }, (_, round): RecommendOptions => {
    const serverRatings = round % 2 ? someRatings(60) : new Map<string, DramaRatings>();
    const exclude = new Set(Array.from({ length: round }, () => anyDrama().id));
    const filter =
      round % 3 ? { genre: GENRES[round % GENRES.length]! } : RECOMMEND_FILTERS[round % RECOMMEND_FILTERS.length];
    return { seeds: [], serverRatings, exclude, filter, limit: [5, 1, 10][round % 3]! };
  });
  return { liked, weighted, fromRatings, noSeed };
}
