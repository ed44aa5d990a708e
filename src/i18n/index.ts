import { strings, type StringKey } from './strings.ts';

export type Language = keyof typeof strings;

/** Discord locales are 'ko', 'en-US', 'en-GB'...: Korean gets Korean, everything else English. */
export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function t(locale: string | null | undefined, key: StringKey, vars: Record<string, string | number> = {}): string {
  const template: string = strings[languageOf(locale)][key] ?? strings.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
