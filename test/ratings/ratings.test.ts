import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { latestReviews, leaderboard, summarize, summaryOf, MIN_RATINGS_TO_RANK } from '../../src/ratings/aggregate.ts';
import { cleanReview, parseScore } from '../../src/ratings/input.ts';
import { ratingKeys } from '../../src/ratings/keys.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { OutageLog } from '../../src/store/store-guard.ts';
import { openRecords } from '../../src/store/open-store.ts';
import type { Records } from '../../src/store/records.ts';
import { onEveryBackend } from '../support/stores.ts';
import { thrownText } from '../support/user-error.ts';

const open: Records[] = [];
async function ratingsAt(url: string) {
  const records = await openRecords(url);
  open.push(records);
  const logs: string[] = [];
  return { ratings: new Ratings(records, createLogger({ level: 'debug', write: (l) => logs.push(l) })), records, logs };
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
});

const at = 1_700_000_000_000;

onEveryBackend('ratings', (fresh) => {
  it('counts 1,000 concurrent ratings of one drama exactly, with the exact average, read back after reopening', async () => {
    const url = fresh();
    const { ratings, records } = await ratingsAt(url);
    const scores = Array.from({ length: 1_000 }, (_, i) => (i % 10) + 1);
    const results = await Promise.all(
      scores.map((score, i) => ratings.rate('g1', 'soundtrack-1', `u${i}`, { score, at })),
    );
    expect(results.every((r) => r.previous === undefined)).toBe(true);
    const summary = summarize(await ratings.dramaRatings('g1', 'soundtrack-1'));
    expect(summary).toEqual({ count: 1_000, average: 5.5, histogram: Array.from({ length: 10 }, () => 100) });
    expect(await ratings.summary('g1', 'soundtrack-1')).toEqual(summary);
    await records.close();
    const again = await ratingsAt(url);
    expect(await again.ratings.summaries('g1')).toEqual(new Map([['soundtrack-1', summary]]));
    expect((await again.records.entries(ratingKeys.scores('g1', 'soundtrack-1'))).size).toBe(1_000);
  }, 60_000);

  it('keeps one rating per member per drama per server: rating again replaces it and says what it was', async () => {
    const { ratings } = await ratingsAt(fresh());
    await ratings.rate('g1', 'vincenzo', 'u1', { score: 6, review: 'slow start', at });
    const again = await ratings.rate('g1', 'vincenzo', 'u1', { score: 9, at: at + 1 });
    expect(again.previous).toMatchObject({ score: 6, review: 'slow start' });
    expect(again.keptReview).toBe(true);
    expect(again.summary).toMatchObject({ count: 1, average: 9 });
    expect((await ratings.dramaRatings('g1', 'vincenzo'))!.byMember.u1).toEqual({
      score: 9,
      at: at + 1,
      review: 'slow start',
    });
    await ratings.rate('g2', 'vincenzo', 'u1', { score: 2, at });
    expect(summarize(await ratings.dramaRatings('g1', 'vincenzo')).average).toBe(9);
    expect(summarize(await ratings.dramaRatings('g2', 'vincenzo')).average).toBe(2);
  });

  it('counts each member once when the same member rates again and again at the same time', async () => {
    const { ratings } = await ratingsAt(fresh());
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ratings.rate('g1', 'goblin', `u${i % 5}`, { score: (i % 10) + 1, at: at + i }),
      ),
    );
    const summary = await ratings.summary('g1', 'goblin');
    expect(summary.count).toBe(5);
    expect(summary).toEqual(summarize(await ratings.dramaRatings('g1', 'goblin')));
  });

  it('lists every rated drama of a server, removes a rating or only its review, and resets a drama', async () => {
    const { ratings } = await ratingsAt(fresh());
    await ratings.rate('g1', 'a', 'u1', { score: 8, review: 'great', at });
    await ratings.rate('g1', 'a', 'u2', { score: 6, at });
    await ratings.rate('g1', 'b', 'u1', { score: 7, review: 'fine', at });
    expect([...(await ratings.serverRatings('g1')).keys()].sort()).toEqual(['a', 'b']);
    expect(await ratings.remove('g1', 'a', 'u1', 'review')).toMatchObject({ review: 'great' });
    expect((await ratings.dramaRatings('g1', 'a'))!.byMember.u1).toEqual({ score: 8, at });
    await ratings.remove('g1', 'a', 'u2', 'rating');
    expect(summarize(await ratings.dramaRatings('g1', 'a')).count).toBe(1);
    expect((await ratings.summary('g1', 'a')).count).toBe(1);
    expect(await ratings.remove('g1', 'a', 'nobody', 'rating')).toBeUndefined();
    expect(await ratings.reset('g1', 'b')).toBe(1);
    expect([...(await ratings.serverRatings('g1')).keys()]).toEqual(['a']);
    expect([...(await ratings.summaries('g1')).keys()]).toEqual(['a']);
    await ratings.rate('g1', 'b', 'u1', { score: 5, at });
    expect((await ratings.dramaRatings('g1', 'b'))!.byMember.u1).toEqual({ score: 5, at });
  });

  it('skips a stored rating of the wrong shape, logs it, and keeps serving the others', async () => {
    const { ratings, records, logs } = await ratingsAt(fresh());
    await ratings.rate('g1', 'a', 'u1', { score: 8, review: 'great', at });
    await records.put(ratingKeys.scores('g1', 'a'), 'u2', '{"score":"eleven"}');
    await records.put(ratingKeys.reviews('g1', 'a'), 'u1', 'not json');
    const doc = await ratings.dramaRatings('g1', 'a');
    expect(doc!.byMember).toEqual({ u1: { score: 8, at } });
    expect(logs.filter((l) => l.includes('skipped a malformed ratings record'))).toHaveLength(2);
  });
});

describe('a store that fails', () => {
  function failingRatings(slow = false) {
    const logs: string[] = [];
    const fail = async () => {
      if (slow) await new Promise((r) => setTimeout(r, 5_000));
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const records = new Proxy({} as Records, { get: () => fail });
    return { ratings: new Ratings(records, createLogger({ level: 'debug', write: (l) => logs.push(l) })), logs };
  }

  it('says a write was not saved, and logs a burst of failures once', async () => {
    const { ratings, logs } = failingRatings();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => ratings.rate('g1', 'x', `u${i}`, { score: 5, at })),
    );
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
      expect((r as PromiseRejectedResult).reason.writing).toBe(true);
    }
    expect(logs.filter((l) => l.includes('ERROR ratings store unavailable'))).toHaveLength(1);
  });

  it('gives up on a read that hangs, in time to answer within Discord’s 3 seconds', async () => {
    const { ratings } = failingRatings(true);
    const started = Date.now();
    await expect(ratings.dramaRatings('g1', 'x')).rejects.toMatchObject({ name: 'StoreUnavailable', writing: false });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('logs again after a quiet minute, with how many failures it did not log, and says when the store is back', () => {
    let now = 0;
    const lines: string[] = [];
    const outage = new OutageLog(
      createLogger({ level: 'debug', write: (l) => lines.push(l) }),
      'ratings',
      60_000,
      () => now,
    );
    for (let i = 0; i < 5; i++) outage.failed(new Error('down'));
    now = 61_000;
    outage.failed(new Error('down'));
    outage.succeeded();
    expect(lines.filter((l) => l.includes('ERROR'))).toHaveLength(2);
    expect(lines.find((l) => l.includes('ERROR') && l.includes('repeated=4'))).toBeDefined();
    expect(lines.at(-1)).toMatch(/INFO ratings store is back down_ms=61000/);
  });
});

describe('aggregation and input', () => {
  const doc = (scores: Record<string, number>, reviews: Record<string, string> = {}) => ({
    byMember: Object.fromEntries(
      Object.entries(scores).map(([u, score], i) => [
        u,
        { score, at: at + i, ...(reviews[u] ? { review: reviews[u] } : {}) },
      ]),
    ),
  });

  it('ranks dramas with enough ratings by average and lists the rest apart', () => {
    const board = leaderboard(
      new Map([
        ['a', summarize(doc({ u1: 9, u2: 9, u3: 6 }))],
        ['b', summarize(doc({ u1: 10, u2: 10 }))],
        ['c', summarize(doc({ u1: 7, u2: 8, u3: 9, u4: 7 }))],
        ['empty', summaryOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
      ]),
    );
    expect(MIN_RATINGS_TO_RANK).toBe(3);
    expect(board.ranked.map((e) => e.dramaId)).toEqual(['a', 'c']);
    expect(board.unranked.map((e) => e.dramaId)).toEqual(['b']);
  });

  it('shows the latest reviews first', () => {
    expect(latestReviews(doc({ u1: 9, u2: 5, u3: 7 }, { u1: 'first', u3: 'third' })).map((r) => r.review)).toEqual([
      'third',
      'first',
    ]);
  });

  it('keeps each server’s keys under its own prefix', () => {
    expect(ratingKeys.scores('123', 'goblin')).toBe('g:123:ratings:goblin');
    expect(ratingKeys.reviews('123', 'goblin')).toBe('g:123:reviews:goblin');
    expect(ratingKeys.counts('123')).toBe('g:123:rating-counts');
  });

  it('accepts whole scores from 1 to 10 and refuses the rest with an example', () => {
    expect(parseScore(' 7 ')).toBe(7);
    for (const bad of ['0', '11', '7.5', 'nine', ''])
      expect(() => parseScore(bad)).toThrow('A score is a whole number from 1 to 10, like `8`.');
    expect(cleanReview('  so\n\ngood  ')).toBe('so good');
    expect(cleanReview('   ')).toBeUndefined();
    expect(thrownText(() => cleanReview('x'.repeat(301)), 'ko')).toMatch(/최대 300자/);
  });

  it('strips bidi overrides and invisible characters from a review before it is stored', () => {
    // RLO makes "Great show ‮txt.exe" read backwards; zero-width characters hide words from search and moderation.
    expect(cleanReview('Great show \u202Eexe.txt\u202C')).toBe('Great show exe.txt');
    expect(cleanReview('fr\u200Bee ni\u200Ctro\u2060 \u2066here\u2069\uFEFF')).toBe('free nitro here');
    expect(cleanReview('a\u0007b\u00ADc\u3164d')).toBe('abcd');
    // Emoji drawn with a joiner stay whole; a joiner between letters goes.
    expect(cleanReview('👩\u200D💻 coded it, wo\u200Dw')).toBe('👩\u200D💻 coded it, wow');
    expect(cleanReview('\u200B\u200E')).toBeUndefined();
  });
});
