import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { summarize } from '../../src/ratings/aggregate.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { migrateV1 } from '../../src/store/migrate-v1.ts';
import { openLegacyKeyv, openRecords } from '../../src/store/open-store.ts';
import { PollStore } from '../../src/watchparty/poll-store.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT } from '../support/spawn.ts';

/**
 * test/fixtures/store/v1.sqlite was written by the version before per-member records (commit
 * f736a1e: one Keyv document per drama and per poll): 46 ratings with 8 reviews in two servers,
 * a drama whose only rating was removed, an open poll with 12 votes, an overdue one with 3, and a
 * closed one with its result and event.
 */
const G1 = '1199999999996329984';
const G2 = '1199999999996329985';

async function migratedCopy() {
  const file = join(tempDir(), 'v1.sqlite');
  copyFileSync(join(ROOT, 'test/fixtures/store/v1.sqlite'), file);
  const url = `sqlite://${file}`;
  const records = await openRecords(url);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => logs.push(l) });
  const report = await migrateV1(records, () => openLegacyKeyv(url), logger);
  return { url, records, logger, logs, report };
}

describe('the first start on a store written by version 1', () => {
  it('copies every rating, review, poll and vote into per-member records, losing nothing', async () => {
    const { records, logger, report, logs } = await migratedCopy();
    try {
      expect(report).toEqual({ ratings: 46, reviews: 8, polls: 3, votes: 20 });
      expect(logs.some((l) => l.includes('store migrated to per-member records'))).toBe(true);
      const ratings = new Ratings(records, logger);
      const soundtrack = (await ratings.dramaRatings(G1, 'soundtrack-1'))!;
      expect(Object.keys(soundtrack.byMember)).toHaveLength(40);
      expect(soundtrack.byMember['300000000000001007']).toEqual({
        score: 8,
        at: Date.UTC(2026, 10, 20, 12) + 7_000,
        review: 'review 7 of Soundtrack #1',
      });
      expect(summarize(soundtrack)).toMatchObject({ count: 40, average: 5.5 });
      expect((await ratings.dramaRatings(G1, 'vincenzo'))!.byMember['300000000000001002']!.review).toBe('빈센조 최고');
      const board = await ratings.summaries(G1);
      expect([...board.keys()].sort()).toEqual(['soundtrack-1', 'vincenzo']);
      expect(board.get('soundtrack-1')).toEqual(summarize(soundtrack));
      expect((await ratings.summaries(G2)).get('the-glory')).toMatchObject({ count: 1, average: 9 });

      const polls = new PollStore(records, logger);
      const { open, closed } = await polls.list(G1);
      // Both made at the same time: listed by id.
      expect(open.map((p) => [p.id, Object.keys(p.votes).length])).toEqual([
        ['due1', 3],
        ['open1', 12],
      ]);
      expect(open[1]).toMatchObject({ question: 'Which episode tonight?', messageId: '1573690204793995284' });
      expect(closed).toHaveLength(1);
      expect(closed[0]!.closed).toMatchObject({
        by: 'timer',
        result: { counts: [0, 0, 2, 3], total: 5, winner: 3 },
        eventId: '1573690208099106846',
      });
      // Already announced by version 1: not announced again.
      expect(closed[0]!.closed!.announcedAt).toBeDefined();
      // Votes keep counting on the migrated poll.
      expect((await polls.vote(G1, 'open1', '300000000000002000', 3, Date.now())).kind).toBe('changed');
      expect((await polls.get(G1, 'open1'))!.votes['300000000000002000']).toBe(3);
    } finally {
      await records.close();
    }
  });

  it('runs once: a second start changes nothing and counts nothing twice', async () => {
    const { url, records, logger } = await migratedCopy();
    try {
      expect(await migrateV1(records, () => openLegacyKeyv(url), logger)).toBeUndefined();
      expect((await new Ratings(records, logger).summary(G1, 'soundtrack-1')).count).toBe(40);
    } finally {
      await records.close();
    }
  });
});
