import { UserError } from '../../src/errors.ts';

/** The UserError that `fn` throws, as a reader with this locale sees it; fails when it throws none. */
export function thrownText(fn: () => unknown, locale = 'en-US'): string {
  return thrownUserError(fn).text(locale);
}

export function thrownUserError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
