/** Text as Discord shows it: cut to a limit, and safe inside markdown. */

/** Cuts at a word boundary when it can, and says it cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`.trimEnd();
}

/**
 * Data text shown in markdown: a title like "Love*Sick" must not turn into italics, and "<@…>" or
 * a leading "#" must stay text. Not discord.js's escapeMarkdown, for two reasons measured on
 * Node 20 (one line of "Love*Sick_ " repeated): it is quadratic on long lines, 7.2 ms at 4,000
 * characters and 28 ms at 8,000 against 0.05 and 0.09 ms here; and it leaves "<@123>" and "<#1>"
 * as they are, so a mention in the data would render as one.
 */
export function plain(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, '\\$&')
    .replace(/^(\s*)([#-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** What the user typed, shown back safely: short, one line, no markdown. */
export function quoted(input: string): string {
  return plain(truncate(input.replace(/\s+/g, ' ').trim(), 80));
}

/**
 * Characters that change how text around them looks without showing themselves: control and
 * format characters (bidi overrides and isolates, so RLO turns "gpj.exe" around; zero-width
 * spaces, word joiners, soft hyphens, BOM), invisible fillers (Hangul fillers, combining grapheme
 * joiner) and text variation selectors. Used to spoof a name or hide a word.
 */
// Combining marks (the grapheme joiner, variation selectors) are an alternation: a character class
// may not mix them with other characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u17B4\u17B5\u3164\uFFA0]|\u034F|[\u180B-\u180D]|[\uFE00-\uFE0E]/gu;
const ZERO_WIDTH_JOINER = '\u200D';
/** A zero-width joiner is kept only inside an emoji sequence (👩‍💻), where it is what draws the emoji. */
const STRAY_JOINER = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** What a member typed, made safe to store and show: one line, invisible characters out, trimmed. */
export function visibleText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, (c) => (c === ZERO_WIDTH_JOINER ? c : ''))
    .replace(STRAY_JOINER, '')
    .trim();
}
