import { dramaTitle } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import type { SearchFilter } from '../lookup/filter.ts';
import * as actions from './actions.ts';
import { quoted } from '../text.ts';
import { genreLabels } from '../i18n/tags.ts';
import { COLOURS, LIMITS, selectMenu, sourcesFooter, type Card, type Locale } from './message.ts';
import { plain, truncate } from '../text.ts';
import { clampPage, pagerRow, paginate, renderPage } from './pages.ts';

const RESULTS_PER_PAGE = 10;

/** "genre Romance, year 2022, at most 16 episodes" (the query is said in the title). */
export function describeFilter(filter: SearchFilter, locale: Locale): string {
  return [
    filter.genre ? t(locale, 'search.filterGenre', { value: genreLabels([filter.genre], locale) }) : undefined,
    filter.year ? t(locale, 'search.filterYear', { value: filter.year }) : undefined,
    filter.network ? t(locale, 'search.filterNetwork', { value: plain(filter.network) }) : undefined,
    filter.maxEpisodes ? t(locale, 'search.filterMaxEpisodes', { value: filter.maxEpisodes }) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What a search that found nothing was looking for, for the not-found message. */
export function describeSearch(filter: SearchFilter, locale: Locale): string {
  const parts = [
    filter.query ? `“${quoted(filter.query)}”` : undefined,
    describeFilter(filter, locale) || undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : t(locale, 'search.everything');
}

/** `/drama search`: ten dramas a page, numbered, with a menu to open any of them. */
export function renderSearchResults(
  dramas: readonly Drama[],
  filter: SearchFilter,
  locale: Locale,
  requestedPage = 0,
): Card {
  const items = dramas.map((drama, i) => ({
    drama,
    text: `**${i + 1}.** ${plain(dramaTitle(drama, locale))} (${drama.year}) · ${plain(drama.networks.join(', '))} · ${t(locale, 'search.line', { episodes: drama.episodeCount })} · ${genreLabels(drama.genres, locale)}`,
  }));
  const pages = paginate(items, { maxItems: RESULTS_PER_PAGE, maxChars: 3000 }, locale) as Array<typeof items>;
  const page = clampPage(requestedPage, pages.length);
  const shown = pages[page]!;
  const filters = describeFilter(filter, locale);
  const header = [
    filters ? t(locale, 'search.filters', { filters }) : undefined,
    t(locale, 'search.count', { count: dramas.length }),
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    embeds: [
      {
        color: COLOURS.list,
        title: truncate(
          filter.query
            ? t(locale, 'search.titleFor', { query: filter.query.replace(/\s+/g, ' ') })
            : t(locale, 'search.title'),
          LIMITS.title,
        ),
        description: `${header}\n\n${renderPage(pages, page, locale)}`,
        footer: sourcesFooter('on-cards', locale, { page, pages: pages.length }),
      },
    ],
    components: [
      selectMenu(
        actions.drama.openDrama(),
        t(locale, 'menu.openDrama'),
        shown.map(({ drama }) => ({
          label: `${dramaTitle(drama, locale)} (${drama.year})`,
          value: drama.id,
          description: drama.networks.join(', '),
        })),
      ),
      ...pagerRow((p) => actions.drama.search(filter, p), page, pages.length, locale),
    ],
  };
}
