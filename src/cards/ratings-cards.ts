import { userMention } from 'discord.js';
import type { Catalog } from '../catalog/catalog.ts';
import { dramaHeading, dramaTitle } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import {
  bar,
  latestReviews,
  MIN_RATINGS_TO_RANK,
  oneDecimal,
  summarize,
  type LeaderboardEntry,
} from '../ratings/aggregate.ts';
import type { DramaRatings, MemberRating } from '../ratings/keys.ts';
import type { RateResult } from '../ratings/ratings.ts';
import * as actions from './actions.ts';
import { COLOURS, pageFooter, LIMITS, field, type Card, type Locale } from './message.ts';
import { plain, truncate } from '../text.ts';
import { clampPage, pagerRow, paginate, renderPage, type ListItem } from './pages.ts';

/** The private confirmation of /rate: what was saved, what it replaced, the new server average. */
export function renderRateConfirmation(drama: Drama, rating: MemberRating, result: RateResult, locale: Locale): string {
  const name = `**${plain(dramaTitle(drama, locale))}**`;
  return [
    result.previous
      ? t(locale, 'rate.replaced', { score: rating.score, drama: name, previous: result.previous.score })
      : t(locale, 'rate.saved', { score: rating.score, drama: name }),
    rating.review ? t(locale, 'rate.reviewSaved') : result.keptReview ? t(locale, 'rate.reviewKept') : undefined,
    t(locale, 'rate.average', { average: oneDecimal(result.summary.average), count: result.summary.count }),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Dates of ratings are instants, not air dates: relative ("3 days ago"). */
const relative = (ms: number) => `<t:${Math.floor(ms / 1000)}:R>`;

/** `/ratings`: the server's leaderboard, ranked dramas first, the not-yet-ranked apart. */
export function renderLeaderboard(
  board: { ranked: LeaderboardEntry[]; unranked: LeaderboardEntry[] },
  catalog: Catalog,
  serverName: string | undefined,
  locale: Locale,
  requestedPage = 0,
): Card {
  const name = (id: string) => {
    const drama = catalog.drama(id);
    return drama ? `${plain(dramaTitle(drama, locale))} (${drama.year})` : id;
  };
  const unrankedSection = t(locale, 'ratings.unrankedHeading', { min: MIN_RATINGS_TO_RANK });
  const items: ListItem[] = [
    ...board.ranked.map((e, i) => ({
      text: t(locale, 'ratings.line', {
        rank: i + 1,
        drama: name(e.dramaId),
        average: oneDecimal(e.summary.average),
        count: e.summary.count,
      }),
    })),
    ...board.unranked.map((e) => ({
      section: unrankedSection,
      text: t(locale, 'ratings.unrankedLine', { drama: name(e.dramaId), count: e.summary.count }),
    })),
  ];
  const pages = paginate(items, { maxItems: 10, maxChars: 1800 }, locale);
  const page = clampPage(requestedPage, pages.length);
  return {
    embeds: [
      {
        color: COLOURS.list,
        title: truncate(
          t(locale, 'ratings.title', { server: serverName ?? t(locale, 'ratings.thisServer') }),
          LIMITS.title,
        ),
        description: items.length ? renderPage(pages, page, locale) : t(locale, 'ratings.none'),
        footer: pageFooter(page, pages.length, locale),
      },
    ],
    components: pagerRow((p) => actions.ratings.leaderboardPage(p), page, pages.length, locale),
  };
}

/** `/ratings title:`: average, count, the 1–10 distribution as bars, the latest reviews. */
export function renderDramaRatings(drama: Drama, doc: DramaRatings | undefined, locale: Locale): Card {
  const summary = summarize(doc);
  const heading = truncate(t(locale, 'ratings.dramaTitle', { drama: dramaHeading(drama, locale) }), LIMITS.title);
  if (summary.count === 0) {
    return {
      embeds: [
        {
          color: COLOURS.drama,
          title: heading,
          description: t(locale, 'ratings.dramaNone', { drama: `**${plain(dramaTitle(drama, locale))}**` }),
        },
      ],
      components: [],
    };
  }
  const most = Math.max(...summary.histogram);
  const distribution = summary.histogram
    .map((n, i) => ({ score: i + 1, n }))
    .reverse()
    .map(({ score, n }) => `\`${String(score).padStart(2)}\` ${bar(n, most)} ${n}`)
    .join('\n');
  const reviews = latestReviews(doc)
    .map((r) =>
      t(locale, 'ratings.reviewLine', {
        member: userMention(r.userId),
        score: r.score,
        when: relative(r.at),
        review: plain(r.review.replace(/\s+/g, ' ')),
      }),
    )
    .join('\n');
  return {
    embeds: [
      {
        color: COLOURS.drama,
        title: heading,
        fields: [
          ...field(
            t(locale, 'ratings.average'),
            t(locale, 'ratings.averageValue', { average: oneDecimal(summary.average), count: summary.count }),
          ),
          ...field(t(locale, 'ratings.distribution'), distribution, false),
          ...field(t(locale, 'ratings.reviews'), reviews || undefined, false),
        ],
        footer: { text: 'dramabot' },
      },
    ],
    components: [],
  };
}

/** `/ratings mine:true`: the member's own ratings, best first (private). */
export function renderMyRatings(
  mine: Array<{ drama: Drama; rating: MemberRating }>,
  locale: Locale,
  requestedPage = 0,
): Card {
  const sorted = [...mine].sort((a, b) => b.rating.score - a.rating.score || b.rating.at - a.rating.at);
  const items = sorted.map(({ drama, rating }) => ({
    text: t(locale, 'ratings.mineLine', {
      drama: `${plain(dramaTitle(drama, locale))} (${drama.year})`,
      score: rating.score,
      review: rating.review ? t(locale, 'ratings.mineHasReview') : '',
    }),
  }));
  const pages = paginate(items, { maxItems: 15, maxChars: 1800 }, locale);
  const page = clampPage(requestedPage, pages.length);
  return {
    embeds: [
      {
        color: COLOURS.list,
        title: t(locale, 'ratings.mineTitle'),
        description: items.length ? renderPage(pages, page, locale) : t(locale, 'ratings.mineNone'),
        footer: pageFooter(page, pages.length, locale),
      },
    ],
    components: pagerRow((p) => actions.ratings.myRatingsPage(p), page, pages.length, locale),
  };
}
