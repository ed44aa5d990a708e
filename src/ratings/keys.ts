/**
 * The whole key layout of the ratings, in one place: no other module builds these keys.
 *
 *   g:<guild>:ratings:<drama>   map: <user id> → { score, at }            (one record per member)
 *   g:<guild>:reviews:<drama>   map: <user id> → { review, at }           (one record per member)
 *   g:<guild>:rating-counts     tally: "<drama>:<score>" → how many members gave that score
 *
 * Each member's rating is its own record, so two processes rating one drama at once never
 * overwrite each other; the counts move in the same atomic operation as the rating they count
 * (src/store/records.ts), so the leaderboard reads one small tally instead of every rating.
 */
export const ratingKeys = {
  scores: (guildId: string, dramaId: string) => `g:${guildId}:ratings:${dramaId}`,
  reviews: (guildId: string, dramaId: string) => `g:${guildId}:reviews:${dramaId}`,
  counts: (guildId: string) => `g:${guildId}:rating-counts`,
  countBucket: (dramaId: string, score: number) => `${dramaId}:${score}`,
};

export interface MemberRating {
  score: number;
  review?: string;
  /** When it was given, ms since the epoch. */
  at: number;
}

export interface DramaRatings {
  /** By Discord user id. */
  byMember: Record<string, MemberRating>;
}
