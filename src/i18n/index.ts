import { languageOf } from '../locale.ts';
import { strings, type StringKey } from './strings.ts';

/**
 * The sentence for `key` in the user's language. `{name}` takes a variable; `{count|rating|ratings}`
 * takes a number and the word that agrees with it ("1 rating", "2 ratings").
 */
export function t(
  locale: string | null | undefined,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  const template: string = strings[languageOf(locale)][key] ?? strings.en[key];
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name]!;
    return one === undefined ? String(value) : `${value} ${Number(value) === 1 ? one : many}`;
  });
}
