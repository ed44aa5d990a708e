import { languageOf } from '../locale.ts';
import { isParticle, particleAfter } from './josa.ts';
import { strings, type StringKey } from './strings.ts';

/**
 * `{name}` takes a variable; `{count|rating|ratings}` takes a number and the word that agrees with
 * it ("1 rating", "2 ratings"); `{을/를}` is a Korean particle, chosen by how the text just before
 * it ends ("도깨비를", "응답하라 1988을", "“KBS”와").
 */
const PLACEHOLDER = /\{(\w+|[가-힣]+\/[가-힣]+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** The sentence for `key` in the user's language, with `vars` put in. */
export function t(
  locale: string | null | undefined,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  const template: string = strings[languageOf(locale)][key] ?? strings.en[key];
  // One pass from left to right: a particle looks at what is written so far, and text that came
  // from a variable (a user's query, say) is never read again as a placeholder.
  let written = '';
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name, one, many] = match as unknown as [string, string, string?, string?];
    written += template.slice(from, match.index);
    from = match.index + whole.length;
    if (isParticle(name)) written += particleAfter(written, name);
    else if (!(name in vars)) written += whole;
    else {
      const value = vars[name]!;
      written += one === undefined ? String(value) : `${value} ${Number(value) === 1 ? one : many}`;
    }
  }
  return written + template.slice(from);
}
