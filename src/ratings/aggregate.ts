import type { DramaRatings, MemberRating } from './keys.ts';

/** Pure arithmetic over stored ratings: what the cards and recommendations show. */

export const MIN_SCORE = 1;
export const MAX_SCORE = 10;
/** A drama ranks on the server's leaderboard once this many members rated it. */
export const MIN_RATINGS_TO_RANK = 3;
export const MAX_REVIEW_LENGTH = 300;

export interface RatingSummary {
  count: number;
  /** Exact mean of the scores; 0 when there are none. */
  average: number;
  /** histogram[s - 1] = how many members gave score s. */
  histogram: number[];
}

export function summarize(doc: DramaRatings | undefined): RatingSummary {
  const histogram = emptyHistogram();
  for (const rating of Object.values(doc?.byMember ?? {})) histogram[rating.score - 1]! += 1;
  return summaryOf(histogram);
}

export const emptyHistogram = () => Array.from({ length: MAX_SCORE }, () => 0);

/** The summary of a distribution: histogram[s - 1] members gave score s. */
export function summaryOf(histogram: number[]): RatingSummary {
  let sum = 0;
  let count = 0;
  histogram.forEach((n, i) => {
    sum += n * (i + 1);
    count += n;
  });
  return { count, average: count ? sum / count : 0, histogram };
}

export interface LeaderboardEntry {
  dramaId: string;
  summary: RatingSummary;
}

/** Ranked (enough ratings) by average, then count, then id; the rest apart, by count. */
export function leaderboard(summaries: ReadonlyMap<string, RatingSummary>): {
  ranked: LeaderboardEntry[];
  unranked: LeaderboardEntry[];
} {
  const entries = [...summaries].map(([dramaId, summary]) => ({ dramaId, summary })).filter((e) => e.summary.count > 0);
  const byAverage = (a: LeaderboardEntry, b: LeaderboardEntry) =>
    b.summary.average - a.summary.average || b.summary.count - a.summary.count || a.dramaId.localeCompare(b.dramaId);
  return {
    ranked: entries.filter((e) => e.summary.count >= MIN_RATINGS_TO_RANK).sort(byAverage),
    unranked: entries
      .filter((e) => e.summary.count < MIN_RATINGS_TO_RANK)
      .sort((a, b) => b.summary.count - a.summary.count || byAverage(a, b)),
  };
}

export interface Review extends MemberRating {
  userId: string;
  review: string;
}

export function latestReviews(doc: DramaRatings | undefined, limit = 5): Review[] {
  return Object.entries(doc?.byMember ?? {})
    .flatMap(([userId, r]) => (r.review ? [{ ...r, userId, review: r.review }] : []))
    .sort((a, b) => b.at - a.at || a.userId.localeCompare(b.userId))
    .slice(0, limit);
}

/** "▇▇▇▇▁" style bar for one score of the distribution, scaled to the most common score. */
export function bar(count: number, max: number, width = 12): string {
  const filled = max === 0 ? 0 : Math.round((count / max) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Average to one decimal, as shown everywhere. */
export const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
