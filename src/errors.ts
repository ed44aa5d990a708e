import { time, type TimestampStylesString } from 'discord.js';
import { t } from './i18n/index.ts';
import type { StringKey } from './i18n/strings.ts';
import { dramaTitle } from './catalog/names.ts';
import type { Drama } from './data/schema.ts';
import { plain, quoted } from './text.ts';

/** An instant shown as a Discord timestamp, so each reader sees it in their own zone and language. */
export interface Instant {
  at: number;
  style: TimestampStylesString;
}

export const instant = (at: number, style: TimestampStylesString = 'f'): Instant => ({ at, style });

/** What a user typed, quoted back: short, on one line, unable to break the markdown around it. */
interface Typed {
  typed: string;
}

/** A drama (or anything titled in both languages), named in the reader's language. */
type Titled = Pick<Drama, 'title' | 'nativeTitle'>;

export type MessageVars = Readonly<Record<string, string | number | Instant | Typed | Titled>>;

/**
 * An expected problem the user can fix (unknown title, bad duration...). It names a sentence and
 * its variables; the router translates it once, in the reader's language, and shows it as a short
 * ephemeral reply, without an error reference and without a stack in the log. Code that throws it
 * (parsers, lookups) needs no locale. `message` is the English sentence, for logs and tests.
 */
export class UserError extends Error {
  override name = 'UserError';

  constructor(
    readonly key: StringKey,
    readonly vars: MessageVars = {},
  ) {
    super(translate('en', key, vars));
  }

  /** The sentence in the reader's language. */
  text(locale: string | null | undefined): string {
    return translate(locale, this.key, this.vars);
  }
}

function translate(locale: string | null | undefined, key: StringKey, vars: MessageVars): string {
  return t(
    locale,
    key,
    Object.fromEntries(
      Object.entries(vars).map(([name, value]) => [
        name,
        typeof value !== 'object'
          ? value
          : 'typed' in value
            ? quoted(value.typed)
            : 'title' in value
              ? plain(dramaTitle(value, locale))
              : time(Math.floor(value.at / 1000), value.style),
      ]),
    ),
  );
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
export type StoreFeature = 'ratings' | 'watchparty' | 'watchlist' | 'alerts';

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
