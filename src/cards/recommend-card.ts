import type { Catalog } from '../catalog/catalog.ts';
import { dramaTitle, personName } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { genreLabels, tagLabels } from '../i18n/tags.ts';
import { oneDecimal } from '../ratings/aggregate.ts';
import { LOVED, type Reason, type Recommendation } from '../recommend/recommend.ts';
import type { Basis } from '../recommend/seeds.ts';
import * as actions from './actions.ts';
import { COLOURS, LIMITS, selectMenu, type Card, type Locale } from './message.ts';
import { plain, truncate } from '../text.ts';

/** One reason in words: "same director as Vincenzo (Kim Hee-won)". */
export function reasonText(reason: Reason, catalog: Catalog, locale: Locale): string {
  const seed = 'seedId' in reason ? plain(dramaTitle(catalog.drama(reason.seedId)!, locale)) : '';
  const person = 'personId' in reason ? plain(personName(catalog.person(reason.personId)!, locale)) : '';
  switch (reason.kind) {
    case 'director':
      return t(locale, 'reason.director', { seed, person });
    case 'writer':
      return t(locale, 'reason.writer', { seed, person });
    case 'actor':
      return t(locale, reason.leads ? 'reason.actorLeads' : 'reason.actor', { seed, person });
    case 'co-loved':
      return t(locale, 'reason.coLoved', { members: reason.members, seed, loved: LOVED });
    case 'genres':
      return t(locale, 'reason.genres', { genres: genreLabels(reason.genres, locale), seed });
    case 'tags':
      return t(locale, 'reason.tags', {
        tags: plain(tagLabels(reason.tags, locale).join(', ')),
        seed,
      });
    case 'server-favourite':
      return t(locale, 'reason.serverFavourite', { average: oneDecimal(reason.average), count: reason.count });
    case 'star-power':
      return t(locale, 'reason.starPower', { person, dramas: reason.dramas });
  }
}

/** Up to five dramas, one line each with its two strongest reasons, and a menu to open any of them. */
export function renderRecommendations(
  recommendations: Recommendation[],
  basis: Basis,
  like: Drama | undefined,
  catalog: Catalog,
  locale: Locale,
  { inServer = true }: { inServer?: boolean } = {},
): Card {
  // Outside a server that added the bot: no ratings, so content similarity only, and the card says so.
  const intro = [
    t(locale, `recommend.basis.${!inServer && basis === 'catalog' ? 'outside' : basis}`, {
      drama: like ? plain(dramaTitle(like, locale)) : '',
    }),
    ...(inServer ? [] : [t(locale, 'recommend.contentOnly')]),
  ];
  const lines = recommendations.map((r, i) =>
    t(locale, 'recommend.line', {
      rank: i + 1,
      drama: `**${plain(dramaTitle(r.drama, locale))}**`,
      year: r.drama.year,
      why: r.reasons
        .slice(0, 2)
        .map((reason) => reasonText(reason, catalog, locale))
        .join(' · '),
    }),
  );
  return {
    embeds: [
      {
        color: COLOURS.drama,
        title: t(locale, 'recommend.title'),
        description: truncate([...intro, '', ...lines].join('\n'), LIMITS.description),
        footer: { text: `${t(locale, 'footer.sourcesOnCards')} · dramabot` },
      },
    ],
    components: recommendations.length
      ? [
          selectMenu(
            actions.drama.openDrama(),
            t(locale, 'menu.openDrama'),
            recommendations.map((r) => ({
              label: `${dramaTitle(r.drama, locale)} (${r.drama.year})`,
              value: r.drama.id,
            })),
          ),
        ]
      : [],
  };
}
