/**
 * The whole key layout of the ratings store, in one place: no other module builds keys.
 *
 *   g:<guild>:rated               → RatedIndex: ids of every drama this server has rated (a superset)
 *   g:<guild>:drama:<drama>       → DramaRatings: every member's rating and review of one drama
 *
 * Each server's data sits under its own `g:<guild>:` prefix (inside Keyv's 'dramabot' namespace),
 * so a server can be exported or wiped without touching another. One document per drama holds
 * all its ratings: a rating is saved by one atomic write of that document, so a count can never
 * disagree with the ratings it counts. The index is written before the document and only ever
 * grows, so a crash between the two leaves an index entry with no ratings, never a lost rating.
 */
export const ratingKeys = {
  ratedIndex: (guildId: string) => `g:${guildId}:rated`,
  drama: (guildId: string, dramaId: string) => `g:${guildId}:drama:${dramaId}`,
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

export interface RatedIndex {
  dramaIds: string[];
}
