import { z } from 'zod';
import type { Logger } from '../logger.ts';
import type { Records } from '../store/records.ts';
import { getOrCreate } from '../get-or-create.ts';
import { GuardedRecords } from '../store/store-guard.ts';
import { emptyHistogram, MAX_SCORE, MIN_SCORE, summaryOf, type RatingSummary } from './aggregate.ts';
import { ratingKeys, type DramaRatings, type MemberRating } from './keys.ts';

/**
 * The server's ratings, one record per member and drama (src/ratings/keys.ts). Every method
 * either succeeds or throws StoreUnavailable; a rating is acknowledged (the promise resolves) only
 * once it is written. Nothing here relies on being the only process writing: each change is one
 * atomic operation of the store.
 */
export interface RateResult {
  previous?: MemberRating;
  /** A new score without a review keeps the member's earlier review. */
  keptReview?: boolean;
  summary: RatingSummary;
}

const storedScore = z.object({ score: z.number().int().min(MIN_SCORE).max(MAX_SCORE), at: z.number() });
const storedReview = z.object({ review: z.string().min(1), at: z.number() });
type StoredScore = z.infer<typeof storedScore>;
type StoredReview = z.infer<typeof storedReview>;

export class Ratings extends GuardedRecords {
  constructor(records: Records, logger: Logger) {
    super(records, logger, 'ratings');
  }

  /** Records (or replaces) one member's rating; resolves once it is stored. */
  rate(guildId: string, dramaId: string, userId: string, rating: MemberRating): Promise<RateResult> {
    return this.guard.run(true, async () => {
      const scored: StoredScore = { score: rating.score, at: rating.at };
      const put = await this.records.put(ratingKeys.scores(guildId, dramaId), userId, JSON.stringify(scored), {
        tally: { key: ratingKeys.counts(guildId), bucket: ratingKeys.countBucket(dramaId, rating.score) },
      });
      const reviews = ratingKeys.reviews(guildId, dramaId);
      let previousReview: string | undefined;
      if (rating.review === undefined) previousReview = await this.records.get(reviews, userId);
      else {
        const review: StoredReview = { review: rating.review, at: rating.at };
        const replaced = await this.records.put(reviews, userId, JSON.stringify(review));
        if (!replaced.refused) previousReview = replaced.previous;
      }
      const where = `${guildId}/${dramaId}/${userId}`;
      const before = put.refused ? undefined : this.parse(storedScore, put.previous, where);
      const oldReview = this.parse(storedReview, previousReview, where)?.review;
      const keptReview = rating.review === undefined && Boolean(oldReview);
      return {
        ...(before ? { previous: { ...before, ...(oldReview ? { review: oldReview } : {}) } } : {}),
        ...(keptReview ? { keptReview } : {}),
        summary: await this.readSummary(guildId, dramaId),
      };
    });
  }

  /** Removes a member's rating (and review), or only the review. Resolves to what was there. */
  remove(
    guildId: string,
    dramaId: string,
    userId: string,
    what: 'rating' | 'review',
  ): Promise<MemberRating | undefined> {
    return this.guard.run(true, async () => {
      const scores = ratingKeys.scores(guildId, dramaId);
      const removedReview = await this.records.remove(ratingKeys.reviews(guildId, dramaId), userId);
      const scoreText =
        what === 'rating'
          ? await this.records.remove(scores, userId, { tallyKey: ratingKeys.counts(guildId) })
          : { refused: false as const, removed: await this.records.get(scores, userId) };
      const where = `${guildId}/${dramaId}/${userId}`;
      const score = scoreText.refused ? undefined : this.parse(storedScore, scoreText.removed, where);
      const review = removedReview.refused ? undefined : this.parse(storedReview, removedReview.removed, where);
      if (!score) return undefined;
      return { ...score, ...(review ? { review: review.review } : {}) };
    });
  }

  /** Deletes every rating and review of one drama in this server; resolves to how many ratings there were. */
  reset(guildId: string, dramaId: string): Promise<number> {
    return this.guard.run(true, async () => {
      const count = await this.records.clear(ratingKeys.scores(guildId, dramaId), ratingKeys.counts(guildId));
      await this.records.clear(ratingKeys.reviews(guildId, dramaId));
      return count;
    });
  }

  /** One drama's ratings with their reviews (a bad record is skipped and logged). */
  dramaRatings(guildId: string, dramaId: string): Promise<DramaRatings | undefined> {
    return this.guard.run(false, async () => {
      const [doc] = await this.readDramas(guildId, [dramaId]);
      return doc && Object.keys(doc.byMember).length ? doc : undefined;
    });
  }

  /** One drama's count, average and distribution, from the tally alone. */
  summary(guildId: string, dramaId: string): Promise<RatingSummary> {
    return this.guard.run(false, () => this.readSummary(guildId, dramaId));
  }

  /** Every rated drama's summary: what the leaderboard shows, from one small tally. */
  summaries(guildId: string): Promise<Map<string, RatingSummary>> {
    return this.guard.run(false, () => this.readSummaries(guildId));
  }

  /** Every rated drama of the server with its ratings (recommendations, export, a member's own list). */
  serverRatings(guildId: string): Promise<Map<string, DramaRatings>> {
    return this.guard.run(false, async () => {
      const ids = [...(await this.readSummaries(guildId)).keys()];
      const docs = await this.readDramas(guildId, ids);
      const result = new Map<string, DramaRatings>();
      ids.forEach((id, i) => {
        if (Object.keys(docs[i]!.byMember).length) result.set(id, docs[i]!);
      });
      return result;
    });
  }

  private async readSummary(guildId: string, dramaId: string): Promise<RatingSummary> {
    const scores = Array.from({ length: MAX_SCORE }, (_, i) => ratingKeys.countBucket(dramaId, i + 1));
    return (await this.readSummaries(guildId, scores)).get(dramaId) ?? summaryOf(emptyHistogram());
  }

  private async readSummaries(guildId: string, buckets?: readonly string[]): Promise<Map<string, RatingSummary>> {
    const histograms = new Map<string, number[]>();
    for (const [bucket, n] of await this.records.tallies(ratingKeys.counts(guildId), buckets)) {
      const cut = bucket.lastIndexOf(':');
      const dramaId = bucket.slice(0, cut);
      const score = Number(bucket.slice(cut + 1));
      if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) continue;
      getOrCreate(histograms, dramaId, emptyHistogram)[score - 1] = n;
    }
    return new Map([...histograms].map(([id, h]) => [id, summaryOf(h)]));
  }

  private async readDramas(guildId: string, dramaIds: readonly string[]): Promise<DramaRatings[]> {
    const maps = await this.records.entriesOfMany(
      dramaIds.flatMap((id) => [ratingKeys.scores(guildId, id), ratingKeys.reviews(guildId, id)]),
    );
    return dramaIds.map((dramaId, i) => {
      const byMember: Record<string, MemberRating> = {};
      const reviews = maps[2 * i + 1]!;
      for (const [userId, text] of maps[2 * i]!) {
        const where = `${guildId}/${dramaId}/${userId}`;
        const score = this.parse(storedScore, text, where);
        if (!score) continue;
        const review = this.parse(storedReview, reviews.get(userId), where)?.review;
        byMember[userId] = { ...score, ...(review ? { review } : {}) };
      }
      return { byMember };
    });
  }
}
