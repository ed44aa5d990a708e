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
 * a leading "#" must stay text. (discord.js's escapeMarkdown is quadratic on long lines.)
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
