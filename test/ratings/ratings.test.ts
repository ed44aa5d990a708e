import { join } from 'node:path';
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { latestReviews, leaderboard, summarize, MIN_RATINGS_TO_RANK } from '../../src/ratings/aggregate.ts';
import { cleanReview, parseScore } from '../../src/ratings/input.ts';
import { ratingKeys } from '../../src/ratings/keys.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { OutageLog } from '../../src/store/store-guard.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/harness.ts';
import { thrownText } from '../support/user-error.ts';

const open: Keyv[] = [];
async function sqliteRatings(file = join(tempDir(), 'ratings.sqlite')) {
  const store = await openStore(`sqlite://${file}`);
  store.on('error', () => {});
  open.push(store);
  const logs: string[] = [];
  return {
    ratings: new Ratings(store, createLogger({ level: 'debug', write: (l) => logs.push(l) })),
    store,
    logs,
    file,
  };
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.disconnect().catch(() => undefined)));
});

const at = 1_700_000_000_000;

describe('ratings in SQLite', () => {
  it('counts 1,000 concurrent ratings of one drama exactly, with the exact average', async () => {
    const { ratings, store } = await sqliteRatings();
    const scores = Array.from({ length: 1_000 }, (_, i) => (i % 10) + 1);
    const results = await Promise.all(
      scores.map((score, i) => ratings.rate('g1', 'soundtrack-1', `u${i}`, { score, at })),
    );
    expect(results.every((r) => r.previous === undefined)).toBe(true);
    const summary = summarize(await ratings.dramaRatings('g1', 'soundtrack-1'));
    expect(summary.count).toBe(1_000);
    expect(summary.average).toBe(5.5);
    expect(summary.histogram).toEqual(Array.from({ length: 10 }, () => 100));
    // Read back from a second connection to the file: it is on disk, not only in memory.
    const again = await openStore(
      `sqlite://${(store.opts.store as { opts: { uri: string } }).opts.uri.slice('sqlite://'.length)}`,
    );
    open.push(again);
    expect(
      Object.keys((await again.get<{ byMember: object }>(ratingKeys.drama('g1', 'soundtrack-1')))!.byMember),
    ).toHaveLength(1_000);
  });

  it('keeps one rating per member per drama per server: rating again replaces it and says what it was', async () => {
    const { ratings } = await sqliteRatings();
    await ratings.rate('g1', 'vincenzo', 'u1', { score: 6, review: 'slow start', at });
    const again = await ratings.rate('g1', 'vincenzo', 'u1', { score: 9, at: at + 1 });
    expect(again.previous).toMatchObject({ score: 6, review: 'slow start' });
    expect(again.summary).toMatchObject({ count: 1, average: 9 });
    await ratings.rate('g2', 'vincenzo', 'u1', { score: 2, at });
    expect(summarize(await ratings.dramaRatings('g1', 'vincenzo')).average).toBe(9);
    expect(summarize(await ratings.dramaRatings('g2', 'vincenzo')).average).toBe(2);
  });

  it('lists every rated drama of a server, removes a rating or only its review, and resets a drama', async () => {
    const { ratings } = await sqliteRatings();
    await ratings.rate('g1', 'a', 'u1', { score: 8, review: 'great', at });
    await ratings.rate('g1', 'a', 'u2', { score: 6, at });
    await ratings.rate('g1', 'b', 'u1', { score: 7, at });
    expect([...(await ratings.serverRatings('g1')).keys()].sort()).toEqual(['a', 'b']);
    expect(await ratings.remove('g1', 'a', 'u1', 'review')).toMatchObject({ review: 'great' });
    expect((await ratings.dramaRatings('g1', 'a'))!.byMember.u1).toEqual({ score: 8, at });
    await ratings.remove('g1', 'a', 'u2', 'rating');
    expect(summarize(await ratings.dramaRatings('g1', 'a')).count).toBe(1);
    expect(await ratings.remove('g1', 'a', 'nobody', 'rating')).toBeUndefined();
    expect(await ratings.reset('g1', 'b')).toBe(1);
    expect([...(await ratings.serverRatings('g1')).keys()]).toEqual(['a']);
  });

  it('keeps every rating after the store is closed and opened again on the same file', async () => {
    const first = await sqliteRatings();
    await first.ratings.rate('g1', 'goblin', 'u1', { score: 10, at });
    await first.store.disconnect();
    const second = await sqliteRatings(first.file);
    expect(summarize(await second.ratings.dramaRatings('g1', 'goblin'))).toMatchObject({ count: 1, average: 10 });
  });
});

describe('a store that fails', () => {
  function failingRatings(slow = false) {
    const logs: string[] = [];
    const fail = async () => {
      if (slow) await new Promise((r) => setTimeout(r, 5_000));
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const store = new Keyv({
      store: { get: fail, set: fail, delete: fail, clear: fail, getMany: fail } as never,
      throwOnErrors: true,
    });
    store.on('error', () => {});
    return { ratings: new Ratings(store, createLogger({ level: 'debug', write: (l) => logs.push(l) })), logs };
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
        ['a', doc({ u1: 9, u2: 9, u3: 6 })],
        ['b', doc({ u1: 10, u2: 10 })],
        ['c', doc({ u1: 7, u2: 8, u3: 9, u4: 7 })],
        ['empty', doc({})],
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
    expect(ratingKeys.drama('123', 'goblin')).toBe('g:123:drama:goblin');
    expect(ratingKeys.ratedIndex('123')).toBe('g:123:rated');
  });

  it('accepts whole scores from 1 to 10 and refuses the rest with an example', () => {
    expect(parseScore(' 7 ')).toBe(7);
    for (const bad of ['0', '11', '7.5', 'nine', ''])
      expect(() => parseScore(bad)).toThrow('A score is a whole number from 1 to 10, like `8`.');
    expect(cleanReview('  so\n\ngood  ')).toBe('so good');
    expect(cleanReview('   ')).toBeUndefined();
    expect(thrownText(() => cleanReview('x'.repeat(301)), 'ko')).toMatch(/최대 300자/);
  });
});
