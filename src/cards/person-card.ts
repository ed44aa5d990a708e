import type { Catalog, Credit, CreditKind } from '../catalog/catalog.ts';
import { groupMembers } from '../catalog/groups.ts';
import { characterNames, dramaTitle, personCredit, personHeading, personName } from '../catalog/names.ts';
import type { Person } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import * as actions from './actions.ts';
import {
  COLOURS,
  LIMITS,
  field,
  linkButton,
  row,
  selectMenu,
  sourcesFooter,
  type Card,
  type Locale,
} from './message.ts';
import { plain, truncate } from '../text.ts';
import { songCreditText } from './soundtrack.ts';
import { clampPage, pagerRow, paginate, renderPage } from './pages.ts';
import { bestPage } from '../catalog/title-link.ts';

const KIND_ORDER: CreditKind[] = ['cast', 'director', 'writer', 'artist'];

/**
 * "2022 · Soundtrack #1 · as Han Sun-woo (main)", "2022 · Soundtrack #1 · Part 1 · Love Beyond Words",
 * "2022 · Soundtrack #1 · OST (title not recorded)".
 */
function creditLine(credit: Credit, locale: Locale): string {
  const parts = [String(credit.drama.year), `**${plain(dramaTitle(credit.drama, locale))}**`];
  if (credit.kind === 'cast' && credit.characters) {
    const characters = plain(characterNames(credit.characters, locale));
    parts.push(`${t(locale, 'via.as', { name: characters })} (${t(locale, `role.${credit.role!}`)})`);
  }
  if (credit.kind === 'artist') parts.push(songCreditText(credit.track, locale));
  return parts.join(' · ');
}

/** Sections in the order that fits the person: a singer's songs first, an actor's roles first. */
function sectionOrder(credits: readonly Credit[]): CreditKind[] {
  const count = (kind: CreditKind) => credits.filter((c) => c.kind === kind).length;
  return [...KIND_ORDER].sort((a, b) => count(b) - count(a) || KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
}

/** The `/cast` card: names in both scripts, every credit newest first, and a menu to open the dramas. */
export function renderPersonCard(person: Person, catalog: Catalog, locale: Locale, requestedPage = 0): Card {
  const credits = catalog.creditsOf(person.id);
  const items = sectionOrder(credits).flatMap((kind) =>
    credits
      .filter((c) => c.kind === kind)
      .map((credit) => ({ credit, section: t(locale, `section.${kind}`), text: creditLine(credit, locale) })),
  );
  const pages = paginate(items, undefined, locale) as Array<typeof items>;
  const page = clampPage(requestedPage, pages.length);
  const group = person.group ? catalog.person(person.group) : undefined;
  const members = person.type === 'group' ? groupMembers(catalog, person) : [];
  return {
    embeds: [
      {
        color: COLOURS.person,
        title: truncate(personHeading(person, locale), LIMITS.title),
        url: bestPage(person, 'person'),
        description: items.length ? renderPage(pages, page, locale) : t(locale, 'card.noCredits'),
        fields: [
          ...field(
            t(locale, 'card.aka'),
            person.altNames?.length ? plain(person.altNames.join(', ')) : undefined,
            false,
          ),
          ...field(t(locale, 'card.memberOf'), group ? plain(personCredit(group, locale)) : undefined),
          ...field(
            t(locale, 'card.members'),
            members.length ? plain(members.map((m) => personName(m, locale)).join(', ')) : undefined,
          ),
        ],
        footer: sourcesFooter(person.sources, locale, { page, pages: pages.length }),
        ...(person.photoUrl ? { thumbnail: { url: person.photoUrl } } : {}),
      },
    ],
    components: [
      ...(items.length
        ? [
            selectMenu(
              actions.cast.openDrama(),
              t(locale, 'menu.openDrama'),
              pages[page]!.map(({ credit }) => ({
                label: `${dramaTitle(credit.drama, locale)} (${credit.drama.year})`,
                value: credit.drama.id,
                description: t(locale, `section.${credit.kind}`),
              })),
            ),
          ]
        : []),
      ...pagerRow((p) => actions.cast.page(person.id, p), page, pages.length, locale),
      ...(person.tmdbId
        ? [row(linkButton(`https://www.themoviedb.org/person/${person.tmdbId}`, t(locale, 'button.tmdb')))]
        : []),
    ],
  };
}
