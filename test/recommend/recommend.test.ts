import { describe, expect, it } from 'vitest';
import { random, generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { reasonText } from '../../src/cards/recommend-card.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import type { DramaRatings } from '../../src/ratings/keys.ts';
import { recommend, type Recommendation } from '../../src/recommend/recommend.ts';
import { chooseSeeds } from '../../src/recommend/seeds.ts';

const catalog = loadCatalog('data');
const drama = (id: string) => catalog.drama(id)!;
const ratingsOf = (entries: Record<string, Record<string, number>>): Map<string, DramaRatings> =>
  new Map(
    Object.entries(entries).map(([dramaId, scores]) => [
      dramaId,
      { byMember: Object.fromEntries(Object.entries(scores).map(([u, score]) => [u, { score, at: 1 }])) },
    ]),
  );
const ids = (recs: Recommendation[]) => recs.map((r) => r.drama.id);
const why = (rec: Recommendation | undefined) => rec?.reasons.map((r) => reasonText(r, catalog, 'en-US')) ?? [];

describe('recommend from a drama someone liked', () => {
  const like = (id: string, serverRatings = new Map<string, DramaRatings>(), user = 'u1') => {
    const { seeds, exclude } = chooseSeeds(catalog, serverRatings, user, drama(id));
    return recommend(catalog, { seeds, serverRatings, exclude });
  };

  it('gives five dramas, never the one asked about, each with a reason in words', () => {
    const recs = like('vincenzo');
    expect(recs).toHaveLength(5);
    expect(ids(recs)).not.toContain('vincenzo');
    for (const rec of recs) expect(why(rec).length).toBeGreaterThan(0);
  });

  it('explains shared directors and leads by name', () => {
    const recs = like('vincenzo');
    expect(why(recs.find((r) => r.drama.id === 'queen-of-tears'))).toContain('same director as Vincenzo (Kim Hee-won)');
    // Which of Park Hyung-sik's dramas makes the five moves as the catalog grows; that one is named for him.
    expect(like('soundtrack-1').flatMap(why)).toContain('Park Hyung-sik leads, as in Soundtrack #1');
  });

  it('never recommends what the member already rated', () => {
    const rated = ratingsOf({ 'queen-of-tears': { u1: 4 } });
    expect(ids(like('vincenzo', rated))).not.toContain('queen-of-tears');
    expect(ids(like('vincenzo', rated, 'u2'))).toContain('queen-of-tears');
  });

  it('blends in this server’s taste: members who loved both', () => {
    const server = ratingsOf({ vincenzo: { a: 9, b: 10, c: 9, d: 8 }, 'sky-castle': { a: 9, b: 8, c: 10, d: 9 } });
    const recs = like('vincenzo', server, 'me');
    expect(ids(recs)[0]).toBe('sky-castle');
    expect(why(recs[0])[0]).toBe('loved by 4 members who rated Vincenzo 8+');
  });

  it('applies genre and length filters', () => {
    const { seeds, exclude } = chooseSeeds(catalog, new Map(), 'u1', drama('vincenzo'));
    const recs = recommend(catalog, {
      seeds,
      serverRatings: new Map(),
      exclude,
      filter: { genre: 'romance', maxEpisodes: 16 },
    });
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs) {
      expect(rec.drama.genres).toContain('romance');
      expect(rec.drama.episodeCount).toBeLessThanOrEqual(16);
    }
  });

  it('is deterministic', () => {
    expect(like('goblin').map((r) => [r.drama.id, r.score])).toEqual(like('goblin').map((r) => [r.drama.id, r.score]));
  });
});

describe('recommend without a drama named', () => {
  it('starts from the member’s own high ratings', () => {
    const server = ratingsOf({ 'soundtrack-1': { me: 10 }, vincenzo: { me: 3 } });
    const chosen = chooseSeeds(catalog, server, 'me');
    expect(chosen.basis).toBe('mine');
    expect(chosen.seeds.map((s) => s.drama.id)).toEqual(['soundtrack-1']);
    expect([...chosen.exclude].sort()).toEqual(['soundtrack-1', 'vincenzo']);
  });

  it('then from the server’s favourites, then from the catalog', () => {
    const server = ratingsOf({ goblin: { a: 9, b: 9, c: 8 }, vincenzo: { a: 10 } });
    expect(chooseSeeds(catalog, server, 'me')).toMatchObject({ basis: 'server', seeds: [{ drama: { id: 'goblin' } }] });
    const nothing = chooseSeeds(catalog, new Map(), 'me');
    expect(nothing).toMatchObject({ basis: 'catalog', seeds: [] });
    const recs = recommend(catalog, { seeds: [], serverRatings: new Map(), exclude: nothing.exclude });
    expect(recs).toHaveLength(5);
    expect(why(recs[0])[0]).toMatch(/^.+ leads \(in \d+ dramas here\)$/);
  });
});

describe('recommend on a big catalog', () => {
  // Synthetic: many dramas share each genre and tag, so the shortcut that scores first and explains
  // only the finalists is really exercised.
  const synthetic = generateCatalog(600);
  const big = buildCatalog(synthetic.dramas, synthetic.people);
  const everything = { limit: Number.POSITIVE_INFINITY };

  it('gives the same five, with the same scores and reasons, as ranking every drama', () => {
    const r = random(11);
    for (let round = 0; round < 60; round++) {
      const seeds = Array.from({ length: 1 + (round % 3) }, () => ({
        drama: big.dramas[Math.floor(r() * big.dramas.length)]!,
        weight: 1 + Math.floor(r() * 3),
      }));
      const serverRatings = ratingsOf(
        Object.fromEntries(seeds.map((s, i) => [s.drama.id, { u1: 9, u2: 8 + (i % 3) }])),
      );
      const filter = round % 4 === 0 ? { maxEpisodes: 16 } : {};
      const options = { seeds, serverRatings, exclude: new Set(seeds.map((s) => s.drama.id)), filter };
      const top = recommend(big, options);
      expect(top).toHaveLength(5);
      expect(top).toEqual(recommend(big, { ...options, ...everything }).slice(0, 5));
    }
  });

  it('gives the same five as ranking every drama when nobody has rated anything, or only the server has', () => {
    const favourites = ratingsOf(
      Object.fromEntries(big.dramas.slice(0, 3).map((d) => [d.id, { u1: 9, u2: 10, u3: 9 }])),
    );
    for (const serverRatings of [new Map<string, DramaRatings>(), favourites]) {
      for (const filter of [{}, { maxEpisodes: 12 }, { genre: 'thriller' }]) {
        const options = { seeds: [], serverRatings, exclude: new Set([big.dramas[5]!.id]), filter };
        const top = recommend(big, options);
        expect(top).toHaveLength(5);
        expect(top).toEqual(recommend(big, { ...options, ...everything }).slice(0, 5));
      }
    }
  });
});
