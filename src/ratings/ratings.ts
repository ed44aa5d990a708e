import type Keyv from 'keyv';
import type { Logger } from '../logger.ts';
import { GuardedDocuments } from '../store/store-guard.ts';
import { ratingKeys, type DramaRatings, type MemberRating, type RatedIndex } from './keys.ts';
import { summarize, type RatingSummary } from './aggregate.ts';
import { getOrCreate } from '../get-or-create.ts';

/**
 * The server's ratings, kept in Keyv. Every method either succeeds or throws StoreUnavailable;
 * a rating is acknowledged (the promise resolves) only once it is written.
 */
export interface RateResult {
  previous?: MemberRating;
  /** A new score without a review keeps the member's earlier review. */
  keptReview?: boolean;
  summary: RatingSummary;
}

export class Ratings extends GuardedDocuments {
  constructor(store: Keyv, logger: Logger) {
    super(store, logger, 'ratings');
  }

  private guarded<T>(writing: boolean, work: () => Promise<T>): Promise<T> {
    return this.guard.run(writing, work);
  }

  /** Records (or replaces) one member's rating; resolves once it is stored. */
  rate(guildId: string, dramaId: string, userId: string, rating: MemberRating): Promise<RateResult> {
    return this.guarded(true, async () => {
      await this.addToIndex(guildId, dramaId);
      let previous: MemberRating | undefined;
      const doc = await this.docs.update<DramaRatings>(ratingKeys.drama(guildId, dramaId), (current) => {
        const next = current ?? { byMember: {} };
        previous = next.byMember[userId];
        next.byMember[userId] =
          rating.review === undefined && previous?.review ? { ...rating, review: previous.review } : rating;
        return next;
      });
      const keptReview = rating.review === undefined && Boolean(previous?.review);
      return {
        ...(previous ? { previous } : {}),
        ...(keptReview ? { keptReview } : {}),
        summary: this.summaryOf(doc!),
      };
    });
  }

  /** Every caller of one batch gets the same written document: summarize it once, not once each. */
  private readonly summaries = new WeakMap<DramaRatings, RatingSummary>();
  private summaryOf(doc: DramaRatings): RatingSummary {
    return getOrCreate(this.summaries, doc, () => summarize(doc));
  }

  /** Removes a member's rating, or only its review. Resolves to what was there. */
  remove(
    guildId: string,
    dramaId: string,
    userId: string,
    what: 'rating' | 'review',
  ): Promise<MemberRating | undefined> {
    return this.guarded(true, async () => {
      let removed: MemberRating | undefined;
      await this.docs.update<DramaRatings>(ratingKeys.drama(guildId, dramaId), (current) => {
        const existing = current?.byMember[userId];
        removed = existing ? { ...existing } : undefined;
        if (!current || !existing) return current;
        if (what === 'rating') delete current.byMember[userId];
        else delete current.byMember[userId]!.review;
        return current;
      });
      return removed;
    });
  }

  /** Deletes every rating of one drama in this server; resolves to how many there were. */
  reset(guildId: string, dramaId: string): Promise<number> {
    return this.guarded(true, async () => {
      let count = 0;
      await this.docs.update<DramaRatings>(ratingKeys.drama(guildId, dramaId), (current) => {
        count = Object.keys(current?.byMember ?? {}).length;
        return undefined;
      });
      return count;
    });
  }

  dramaRatings(guildId: string, dramaId: string): Promise<DramaRatings | undefined> {
    return this.guarded(
      false,
      async () => (await this.store.get<DramaRatings>(ratingKeys.drama(guildId, dramaId))) ?? undefined,
    );
  }

  /** Every rated drama of the server with its ratings. */
  serverRatings(guildId: string): Promise<Map<string, DramaRatings>> {
    return this.guarded(false, async () => {
      const index = await this.store.get<RatedIndex>(ratingKeys.ratedIndex(guildId));
      const ids = index?.dramaIds ?? [];
      const docs = ids.length
        ? await this.store.getMany<DramaRatings>(ids.map((id) => ratingKeys.drama(guildId, id)))
        : [];
      const result = new Map<string, DramaRatings>();
      ids.forEach((id, i) => {
        const doc = docs[i];
        if (doc && Object.keys(doc.byMember).length) result.set(id, doc);
      });
      return result;
    });
  }

  private async addToIndex(guildId: string, dramaId: string): Promise<void> {
    await this.docs.update<RatedIndex>(ratingKeys.ratedIndex(guildId), (current) => {
      const index = current ?? { dramaIds: [] };
      if (!index.dramaIds.includes(dramaId)) index.dramaIds.push(dramaId);
      return index;
    });
  }
}
