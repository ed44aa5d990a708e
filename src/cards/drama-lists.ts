import type { Catalog } from '../catalog/catalog.ts';
import { characterNames, dramaHeading, personName } from '../catalog/names.ts';
import { ROLE_TYPES, type Drama, type Episode } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import * as actions from './actions.ts';
import { airedSummary, episodesSummary } from './drama-card.ts';
import { COLOURS, LIMITS, discordDate, field, selectMenu, sourcesFooter, type Card, type Locale } from './message.ts';
import { plain, truncate } from '../text.ts';
import { clampPage, pagerRow, paginate, renderPage, type ListItem } from './pages.ts';
import { bestPage } from '../catalog/title-link.ts';

/** A page of a list about one drama, in the shared look. */
export function dramaListPage(
  drama: Drama,
  locale: Locale,
  titleKey: 'list.cast' | 'list.episodes' | 'list.tracks',
  description: string,
  page: number,
  pages: number,
): Card['embeds'][number] {
  return {
    color: COLOURS.drama,
    title: truncate(t(locale, titleKey, { drama: dramaHeading(drama, locale) }), LIMITS.title),
    url: bestPage(drama, 'tv'),
    description,
    footer: sourcesFooter(drama.sources, locale, { page, pages }),
  };
}

/** The full cast, main then supporting then cameo, with a menu to open anyone's card. */
export function renderCastList(drama: Drama, catalog: Catalog, locale: Locale, requestedPage = 0): Card {
  const cast = ROLE_TYPES.flatMap((role) => drama.cast.filter((c) => c.role === role));
  const items: Array<ListItem & { personId: string }> = cast.map((c) => ({
    section: t(locale, `section.${c.role}`),
    personId: c.person,
    text: t(locale, 'card.asCharacter', {
      actor: plain(personName(catalog.person(c.person)!, locale)),
      character: plain(characterNames(c.characters, locale)),
    }),
  }));
  const pages = paginate(items, undefined, locale) as Array<typeof items>;
  const page = clampPage(requestedPage, pages.length);
  return {
    embeds: [dramaListPage(drama, locale, 'list.cast', renderPage(pages, page, locale), page, pages.length)],
    components: [
      selectMenu(
        actions.cast.openPerson(),
        t(locale, 'menu.openPerson'),
        pages[page]!.map((item) => {
          const person = catalog.person(item.personId)!;
          return { label: personName(person, locale), value: person.id, description: item.section };
        }),
      ),
      ...pagerRow((p) => actions.drama.cast(drama.id, p), page, pages.length, locale),
    ],
  };
}

const hasDetails = (e: Episode) => Boolean(e.airDate || e.runtimeMinutes || e.title);

/** One line per episode with details; a run of episodes without any is one line ("Episodes 2–19"). */
function episodeItems(drama: Drama, locale: Locale): ListItem[] {
  const items: ListItem[] = [];
  let bare: Episode[] = [];
  const flush = () => {
    if (bare.length === 1) items.push({ text: t(locale, 'list.episodeLine', { number: bare[0]!.number }) });
    if (bare.length > 1)
      items.push({ text: t(locale, 'list.episodeRange', { from: bare[0]!.number, to: bare.at(-1)!.number }) });
    bare = [];
  };
  for (const e of drama.episodes) {
    if (!hasDetails(e)) {
      bare.push(e);
      continue;
    }
    flush();
    const details = [
      e.airDate ? discordDate(e.airDate) : undefined,
      e.runtimeMinutes ? t(locale, 'list.minutes', { minutes: e.runtimeMinutes }) : undefined,
      e.title ? `“${plain(e.title)}”` : undefined,
    ];
    items.push({ text: [t(locale, 'list.episodeLine', { number: e.number }), ...details].filter(Boolean).join(' · ') });
  }
  flush();
  return items;
}

/** Every episode with its air date, runtime and title where the sources give them. */
export function renderEpisodeList(drama: Drama, locale: Locale, requestedPage = 0): Card {
  const items: ListItem[] = drama.episodes.some(hasDetails)
    ? episodeItems(drama, locale)
    : [{ text: t(locale, 'list.noEpisodeDetails', { count: drama.episodeCount }) }];
  const pages = paginate(items, { maxItems: 20, maxChars: 1800 }, locale);
  const page = clampPage(requestedPage, pages.length);
  const embed = dramaListPage(drama, locale, 'list.episodes', renderPage(pages, page, locale), page, pages.length);
  embed.fields = [
    ...field(t(locale, 'card.episodes'), episodesSummary(drama, locale)),
    ...field(t(locale, 'card.aired'), airedSummary(drama, locale)),
  ];
  return {
    embeds: [embed],
    components: pagerRow((p) => actions.drama.episodes(drama.id, p), page, pages.length, locale),
  };
}
