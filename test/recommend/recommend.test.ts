import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/cards/recommend-card.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import type { DramaRatings } from '../../src/ratings/keys.ts';
import { recommend, type Recommendation } from '../../src/recommend/recommend.ts';
import { chooseSeeds } from '../../src/recommend/seeds.ts';

const catalog = loadCatalog('data');
const drama = (id: string) => catalog.drama(id)!;
const ratingsOf = (entries: Record<string, Record<string, number>>): Map<string, DramaRatings> =>
  new Map(Object.entries(entries).map(([dramaId, scores]) => [dramaId, { byMember: Object.fromEntries(Object.entries(scores).map(([u, score]) => [u, { score, at: 1 }])) }]));
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
    expect(why(like('soundtrack-1').find((r) => r.drama.id === 'strong-woman-do-bong-soon'))).toContain('Park Hyung-sik leads, as in Soundtrack #1');
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
    const recs = recommend(catalog, { seeds, serverRatings: new Map(), exclude, filter: { genre: 'romance', maxEpisodes: 16 } });
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
