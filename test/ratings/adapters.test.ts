import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { summarize } from '../../src/ratings/aggregate.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { openStore } from '../../src/store/open-store.ts';

/**
 * The same guarantees on Redis and Postgres, run when a server is at hand:
 *   TEST_REDIS_URL=redis://localhost:6379 TEST_POSTGRES_URL=postgresql://user:pass@localhost/db npm test
 * (after `npm install @keyv/redis` or `npm install @keyv/postgres`).
 */
const servers = [
  ['Redis', process.env.TEST_REDIS_URL],
  ['Postgres', process.env.TEST_POSTGRES_URL],
] as const;

for (const [name, url] of servers) {
  describe.runIf(Boolean(url))(`ratings on ${name}`, () => {
    it('counts 1,000 concurrent ratings of one drama exactly and reads them back after reconnecting', async () => {
      const guild = `test-${Date.now()}`;
      const store = await openStore(url!);
      const ratings = new Ratings(store, createLogger({ level: 'error' }));
      await Promise.all(
        Array.from({ length: 1_000 }, (_, i) =>
          ratings.rate(guild, 'soundtrack-1', `u${i}`, { score: (i % 10) + 1, at: Date.now() }),
        ),
      );
      await store.disconnect();
      const again = await openStore(url!);
      const summary = summarize(
        await new Ratings(again, createLogger({ level: 'error' })).dramaRatings(guild, 'soundtrack-1'),
      );
      await again.disconnect();
      expect(summary).toMatchObject({ count: 1_000, average: 5.5 });
    }, 60_000);
  });
}
