import { alertStrings } from './alert-strings.ts';
import { commonStrings } from './common-strings.ts';
import { lookupStrings } from './lookup-strings.ts';
import { partyStrings } from './party-strings.ts';
import { ratingsStrings } from './ratings-strings.ts';
import { recommendStrings } from './recommend-strings.ts';

/**
 * Every sentence the bot says, in English and Korean, one table per feature. Commands never branch
 * on the locale themselves: they call t(locale, key, vars).
 */
export const strings = {
  en: {
    ...commonStrings.en,
    ...lookupStrings.en,
    ...ratingsStrings.en,
    ...recommendStrings.en,
    ...partyStrings.en,
    ...alertStrings.en,
  },
  ko: {
    ...commonStrings.ko,
    ...lookupStrings.ko,
    ...ratingsStrings.ko,
    ...recommendStrings.ko,
    ...partyStrings.ko,
    ...alertStrings.ko,
  },
} as const;

export type StringKey = keyof (typeof strings)['en'];
