import type Keyv from 'keyv';
import type { Logger } from '../logger.ts';
import { ratingKeys, type DramaRatings } from '../ratings/keys.ts';
import { tally, type Poll } from '../watchparty/poll.ts';
import { pollKeys } from '../watchparty/poll-store.ts';
import { getOrCreate } from '../get-or-create.ts';
import { Claims } from './claims.ts';
import type { Records } from './records.ts';

/**
 * Version 1 kept one Keyv document per drama (`g:<guild>:drama:<drama>` with every member's
 * rating) and per poll (`g:<guild>:poll:<poll>` with every vote), safe only while one process
 * wrote each. On first start this copies them into per-member records, once (a claim keeps a
 * second process from doing it at the same time), and records that it did. The version-1
 * documents are left where they were, untouched: nothing is lost, and they can be read again.
 * Running it twice writes the same records again (counts are recomputed, not added to).
 */
const META = 'meta';
const LAYOUT = 'layout';
const CURRENT_LAYOUT = '2';
const DRAMA_DOC = /^g:([^:]+):drama:(.+)$/;
const POLL_DOC = /^g:([^:]+):poll:(.+)$/;

export interface MigrationReport {
  ratings: number;
  reviews: number;
  polls: number;
  votes: number;
}

export async function migrateV1(
  records: Records,
  openLegacy: () => Keyv,
  logger: Logger,
  waitMs = 500,
): Promise<MigrationReport | undefined> {
  if ((await records.get(META, LAYOUT)) === CURRENT_LAYOUT) return undefined;
  const claims = new Claims(records);
  // Another process migrating now: wait for it to finish, then there is nothing left to do.
  while (!(await claims.take('migrate-v1', 120_000))) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    if ((await records.get(META, LAYOUT)) === CURRENT_LAYOUT) return undefined;
  }
  const legacy = openLegacy();
  try {
    const report = await copyAll(records, legacy);
    await records.put(META, LAYOUT, CURRENT_LAYOUT);
    await claims.finish('migrate-v1', 60_000);
    if (report.ratings || report.polls) logger.info('store migrated to per-member records', { ...report });
    return report;
  } catch (error) {
    await claims.release('migrate-v1').catch(() => {});
    throw error;
  } finally {
    await legacy.disconnect().catch(() => {});
  }
}

async function copyAll(records: Records, legacy: Keyv): Promise<MigrationReport> {
  const report: MigrationReport = { ratings: 0, reviews: 0, polls: 0, votes: 0 };
  if (!legacy.iterator) return report;
  const counts = new Map<string, Map<string, number>>();
  const count = (key: string, bucket: string) => {
    const buckets = getOrCreate(counts, key, () => new Map<string, number>());
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  };
  for await (const [rawKey, value] of legacy.iterator(undefined) as AsyncIterable<[string, unknown]>) {
    const key = rawKey.replace(/^dramabot:/, '');
    const drama = DRAMA_DOC.exec(key);
    if (drama) {
      const [, guildId, dramaId] = drama as unknown as [string, string, string];
      for (const [userId, rating] of Object.entries((value as DramaRatings | undefined)?.byMember ?? {})) {
        await records.put(
          ratingKeys.scores(guildId, dramaId),
          userId,
          JSON.stringify({ score: rating.score, at: rating.at }),
          {
            tally: { key: ratingKeys.counts(guildId), bucket: ratingKeys.countBucket(dramaId, rating.score) },
          },
        );
        count(ratingKeys.counts(guildId), ratingKeys.countBucket(dramaId, rating.score));
        report.ratings += 1;
        if (rating.review) {
          await records.put(
            ratingKeys.reviews(guildId, dramaId),
            userId,
            JSON.stringify({ review: rating.review, at: rating.at }),
          );
          report.reviews += 1;
        }
      }
      continue;
    }
    const pollDoc = POLL_DOC.exec(key);
    if (pollDoc && value && typeof value === 'object') {
      const poll = value as Poll;
      const [, guildId] = pollDoc as unknown as [string, string];
      const { votes = {}, closed, ...definition } = poll;
      await records.put(pollKeys.polls(guildId), poll.id, JSON.stringify(definition));
      const tallyKey = pollKeys.voteCounts(guildId, poll.id);
      for (const [userId, option] of Object.entries(votes)) {
        await records.put(pollKeys.votes(guildId, poll.id), userId, String(option), {
          tally: { key: tallyKey, bucket: String(option) },
        });
        count(tallyKey, String(option));
        report.votes += 1;
      }
      // Version 1 announced a poll as it closed it.
      if (closed)
        await records.put(
          pollKeys.closed(guildId),
          poll.id,
          JSON.stringify({
            ...closed,
            result: closed.result ?? tally(poll),
            announcedAt: closed.announcedAt ?? closed.at,
          }),
        );
      else await records.put(pollKeys.open(guildId), poll.id, String(poll.closesAt));
      report.polls += 1;
    }
  }
  // Counts from what was copied, set outright: a second run does not count twice.
  for (const [key, buckets] of counts) await records.setTallies(key, buckets);
  return report;
}
