/** The languages the bot speaks. */
export type Language = 'en' | 'ko';

/** Discord locales are 'ko', 'en-US', 'en-GB'...: Korean gets Korean, everything else English. */
export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
