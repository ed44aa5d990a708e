import { ButtonStyle, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { t } from '../i18n/index.ts';
import { button, row, type Locale } from './message.ts';
import { truncate } from '../text.ts';

/**
 * Long lists (a cast, 50 episodes, a filmography) split into pages of whole items: an item is
 * never cut in two. Paging is a pure function of the list, so a button only has to carry the page
 * number and keeps working after a restart.
 */
export interface ListItem {
  /** Heading the item sits under ("Main cast"); repeated as "(continued)" on the next page. */
  section?: string;
  text: string;
}

export interface PageLimits {
  maxItems: number;
  /** Characters per page, headings included. Well under the 4096 of a description, for reading. */
  maxChars: number;
}

const LIST_PAGE: PageLimits = { maxItems: 15, maxChars: 1800 };

const heading = (section: string) => `**${section}**`;

/** Splits items into pages; the result always has at least one (possibly empty) page. */
export function paginate(items: readonly ListItem[], limits: PageLimits = LIST_PAGE, locale?: Locale): ListItem[][] {
  const pages: ListItem[][] = [[]];
  let used = 0;
  for (const raw of items) {
    // An item longer than a whole page (impossible with the schema's limits) is shortened, not split.
    const item = { ...raw, text: truncate(raw.text, limits.maxChars - 200) };
    let page = pages.at(-1)!;
    const cost = () =>
      item.text.length +
      1 +
      (item.section !== undefined && page.at(-1)?.section !== item.section
        ? sectionCost(item.section, page.length === 0, locale)
        : 0);
    if (page.length > 0 && (page.length >= limits.maxItems || used + cost() > limits.maxChars)) {
      page = [];
      pages.push(page);
      used = 0;
    }
    used += cost();
    page.push(item);
  }
  return pages;
}

function sectionCost(section: string, firstOnPage: boolean, locale: Locale): number {
  return heading(firstOnPage ? t(locale, 'section.continued', { section }) : section).length + 2;
}

/** The text of one page, with a heading wherever a section starts (or continues from the page before). */
export function renderPage(pages: ListItem[][], index: number, locale: Locale): string {
  const page = pages[index] ?? [];
  const previous = pages[index - 1]?.at(-1);
  const lines: string[] = [];
  page.forEach((item, i) => {
    const before = i === 0 ? previous : page[i - 1];
    if (item.section !== undefined && (i === 0 || before?.section !== item.section)) {
      const continued = i === 0 && previous?.section === item.section;
      if (lines.length) lines.push('');
      lines.push(heading(continued ? t(locale, 'section.continued', { section: item.section }) : item.section));
    }
    lines.push(item.text);
  });
  return lines.join('\n');
}

/** A page number from a custom_id, kept within the list (which may have shrunk since). */
export function clampPage(page: number | string | undefined, pages: number): number {
  const n = Math.trunc(Number(page));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), Math.max(pages - 1, 0)) : 0;
}

/**
 * Previous / Next, or nothing when everything fits on one page. `idFor(page)` gives the custom_id
 * that shows that page; the disabled Previous on page 1 points at -1 so the two ids stay distinct.
 */
export function pagerRow(
  idFor: (page: number) => string,
  page: number,
  pages: number,
  locale: Locale,
): Array<APIActionRowComponent<APIComponentInMessageActionRow>> {
  if (pages <= 1) return [];
  return [
    row(
      button(idFor(page - 1), `◀ ${t(locale, 'button.previous')}`, { disabled: page <= 0 }),
      button(idFor(page + 1), `${t(locale, 'button.next')} ▶`, {
        disabled: page >= pages - 1,
        style: ButtonStyle.Primary,
      }),
    ),
  ];
}
