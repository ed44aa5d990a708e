/**
 * An expected problem the user can fix (unknown title, bad duration...). The router shows its
 * message as a short ephemeral reply, without an error reference and without a stack in the log.
 * The message is already in the user's language.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** Buttons offered with the message ("did you mean"), as API JSON. */
  readonly components: unknown[];

  constructor(answer: string | { content: string; components?: unknown[] }) {
    super(typeof answer === 'string' ? answer : answer.content);
    this.components = typeof answer === 'string' ? [] : (answer.components ?? []);
  }
}

/** A short reference the user can quote, also printed beside the stack in the log. */
export function errorReference(): string {
  return `E${Date.now().toString(36).slice(-4).toUpperCase()}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .toUpperCase()
    .padStart(3, '0')}`;
}

/**
 * The store (SQLite, Redis, Postgres) failed or did not answer in time. The router tells the user
 * in one short private line; `writing` says whether something they tried to save was not saved.
 */
export type StoreFeature = 'ratings' | 'watchparty';

export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
  constructor(
    message: string,
    readonly writing: boolean,
    readonly feature: StoreFeature = 'ratings',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
