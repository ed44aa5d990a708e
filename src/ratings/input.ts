import { UserError } from '../errors.ts';
import { visibleText } from '../text.ts';
import { MAX_REVIEW_LENGTH, MAX_SCORE, MIN_SCORE } from './aggregate.ts';

/** What members type, checked once for /rate and the rating form alike. */
export function parseScore(text: string): number {
  const trimmed = text.trim();
  const score = Number(trimmed);
  if (!/^\d{1,2}$/.test(trimmed) || score < MIN_SCORE || score > MAX_SCORE) throw new UserError('rate.badScore');
  return score;
}

/** A review on one line of visible text (no bidi overrides, no zero-width tricks), or nothing; too long is refused, not cut. */
export function cleanReview(text: string | null | undefined): string | undefined {
  const review = text === null || text === undefined ? undefined : visibleText(text);
  if (!review) return undefined;
  if (review.length > MAX_REVIEW_LENGTH)
    throw new UserError('rate.reviewTooLong', { max: MAX_REVIEW_LENGTH, length: review.length });
  return review;
}
