import { ButtonStyle } from 'discord.js';
import { t } from '../i18n/index.ts';
import { button, plain, row, truncate, type Card, type Locale } from './message.ts';

export interface Suggestion {
  label: string;
  customId: string;
}

/**
 * The ephemeral answer when nothing matched for sure: what was searched, then up to three buttons
 * that open what the user probably meant.
 */
export function renderDidYouMean(
  notFound: string,
  suggestions: readonly Suggestion[],
  locale: Locale,
): { content: string; components: Card['components'] } {
  const shown = suggestions.slice(0, 3);
  const content = [notFound, shown.length ? t(locale, 'notFound.didYouMean') : t(locale, 'notFound.hint')].join('\n');
  return {
    content,
    components: shown.length
      ? [row(...shown.map((s) => button(s.customId, s.label, { style: ButtonStyle.Primary })))]
      : [],
  };
}

/** What the user typed, shown back safely: short, one line, no markdown. */
export function quoted(input: string): string {
  return plain(truncate(input.replace(/\s+/g, ' ').trim(), 80));
}
