import { ButtonStyle } from 'discord.js';
import type { Airing, DailyPlan } from '../alerts/airing.ts';
import { dramaTitle } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { bar } from '../ratings/aggregate.ts';
import type { WatchEntry, WatchStatus } from '../watchlist/watchlist.ts';
import * as actions from './actions.ts';
import { plain } from '../text.ts';
import { COLOURS, pageFooter, type Card, discordDate, type Locale, rowsOf, button, row, timestamp } from './message.ts';
import { clampPage, pagerRow, paginate, renderPage, type ListItem } from './pages.ts';

/** One line of a watchlist as shown: the entry, its drama, and its next episode when it still airs. */
export interface WatchlistLine {
  entry: WatchEntry;
  drama: Drama;
  next?: Airing;
}

/** A drama's title for a sentence; the sentences bold it themselves. */
const name = (drama: Drama, locale: Locale) => plain(dramaTitle(drama, locale));

/** "5/16 ▰▰▰▱▱▱▱▱▱▱": how far the member got. */
function progress(entry: WatchEntry, drama: Drama): string {
  const seen = entry.episode ?? 0;
  return `\`${bar(seen, drama.episodeCount, 10)}\` ${seen}/${drama.episodeCount}`;
}

/** "watching, episode 5 of 16": the words of a private confirmation. */
function describeEntry(entry: WatchEntry, drama: Drama, locale: Locale): { status: string; progress: string } {
  return {
    // Lower case inside a sentence ("watching, episode 5 of 16"); Hangul has no case.
    status: t(locale, `status.${entry.status}`).toLocaleLowerCase(),
    progress:
      entry.episode !== undefined
        ? t(locale, 'watchlist.progressEpisode', { episode: entry.episode, total: drama.episodeCount })
        : t(locale, 'watchlist.progressNone', { total: drama.episodeCount }),
  };
}

export function renderAdded(entry: WatchEntry, drama: Drama, isNew: boolean, locale: Locale): string {
  return t(locale, isNew ? 'watchlist.added' : 'watchlist.updated', {
    drama: name(drama, locale),
    ...describeEntry(entry, drama, locale),
  });
}

/** After `/watchlist progress`: where the member is, and at the last episode an offer to complete it. */
export function renderProgressed(
  entry: WatchEntry,
  drama: Drama,
  finished: boolean,
  locale: Locale,
): { content: string; components: Card['components'] } {
  if (!finished)
    return {
      content: t(locale, 'watchlist.progressed', {
        drama: name(drama, locale),
        episode: entry.episode ?? 0,
        total: drama.episodeCount,
      }),
      components: [],
    };
  return {
    content: t(locale, 'watchlist.finished', { drama: name(drama, locale) }),
    components: [
      row(
        button(actions.watchlist.complete(drama.id), t(locale, 'watchlist.markCompleted'), {
          style: ButtonStyle.Success,
        }),
      ),
    ],
  };
}

/** Completed: in a server the member is offered to rate it (ratings belong to servers). */
export function renderCompleted(
  drama: Drama,
  inServer: boolean,
  locale: Locale,
): { content: string; components: Card['components'] } {
  return {
    content: t(locale, inServer ? 'watchlist.completedRate' : 'watchlist.completed', { drama: name(drama, locale) }),
    components: inServer
      ? [
          row(
            button(actions.rate.open(drama.id), `⭐ ${t(locale, 'watchlist.rateIt')}`, { style: ButtonStyle.Primary }),
          ),
        ]
      : [],
  };
}

/**
 * `/watchlist show`: grouped by status, with progress bars and, for dramas still airing, when the
 * next episode airs (a Discord timestamp, read in each viewer's zone). Pages of whole lines.
 */
export function renderWatchlist(
  lines: readonly WatchlistLine[],
  view: { member: string; status?: WatchStatus; page: number; pageId: (page: number) => string },
  locale: Locale,
): Card {
  const items: ListItem[] = lines.map(({ entry, drama, next }) => ({
    section: t(locale, `status.${entry.status}`),
    text: [
      `**${name(drama, locale)}** ${progress(entry, drama)}`,
      next
        ? t(locale, 'watchlist.nextEpisode', { episode: next.episodes[0]!, when: discordDate(next.airDate, 'R') })
        : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const pages = paginate(items, { maxItems: 12, maxChars: 1800 }, locale);
  const page = clampPage(view.page, pages.length);
  const empty = view.status
    ? t(locale, 'watchlist.emptyStatus', { status: t(locale, `status.${view.status}`) })
    : t(locale, 'watchlist.empty');
  const member = plain(view.member);
  return {
    embeds: [
      {
        title: view.status
          ? t(locale, 'watchlist.titleStatus', { member, status: t(locale, `status.${view.status}`) })
          : t(locale, 'watchlist.title', { member }),
        description: lines.length ? renderPage(pages, page, locale) : empty,
        color: COLOURS.list,
        footer: pageFooter(page, pages.length, locale),
      },
    ],
    components: pagerRow(view.pageId, page, pages.length, locale),
  };
}

/** Episodes as people say them: "3", "1–4", "7, 8". */
export function episodeRange(episodes: readonly number[]): string {
  const sorted = [...new Set(episodes)].sort((a, b) => a - b);
  const contiguous = sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
  return sorted.length > 2 && contiguous ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

/** The lines of a digest or reminder: each drama with its episodes, network and Korean air date. */
function airingLines(plan: DailyPlan, lookup: (id: string) => Drama | undefined, locale: Locale): string {
  return plan.airings
    .flatMap((airing) => {
      const drama = lookup(airing.dramaId);
      if (!drama) return [];
      return [
        t(locale, 'alerts.digestLine', {
          drama: plain(dramaTitle(drama, locale)),
          episodes: t(locale, 'alerts.digestEpisodes', { episodes: episodeRange(airing.episodes) }),
          network: plain(drama.networks.join(', ')),
          date: discordDate(airing.airDate, 'D'),
        }),
      ];
    })
    .join('\n');
}

/**
 * A server's daily digest: one message for the day, every followed drama airing in it, and a
 * button per drama that adds it to the presser's watchlist. It mentions the alert role when the
 * server set one, and nobody otherwise.
 */
export function renderDigest(
  plan: DailyPlan,
  lookup: (id: string) => Drama | undefined,
  roleId: string | undefined,
  locale: Locale,
) {
  const buttons = plan.airings.flatMap((airing) => {
    const drama = lookup(airing.dramaId);
    return drama
      ? [
          button(
            actions.watchlist.add(drama.id),
            t(locale, 'watchlist.addButton', { drama: dramaTitle(drama, locale) }),
          ),
        ]
      : [];
  });
  return {
    ...(roleId ? { content: `<@&${roleId}>` } : {}),
    embeds: [
      {
        title: t(locale, 'alerts.digestTitle'),
        description: airingLines(plan, lookup, locale),
        color: COLOURS.drama,
        footer: { text: t(locale, 'alerts.digestFooter') },
      },
    ],
    components: rowsOf(buttons),
    allowed_mentions: roleId ? { parse: [], roles: [roleId] } : { parse: [] },
  };
}

/** A member's DM reminder: the dramas on their watchlist that air today. */
export function renderReminder(plan: DailyPlan, lookup: (id: string) => Drama | undefined, locale: Locale) {
  return {
    embeds: [
      {
        title: t(locale, 'alerts.reminderTitle'),
        description: airingLines(plan, lookup, locale),
        color: COLOURS.drama,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** What `/alerts list` shows admins: setup, the next digest, the last outcome, every followed drama. */
export interface AlertsOverview {
  channelId?: string;
  roleId?: string;
  hour: number;
  timeZone: string;
  next?: DailyPlan;
  last?: { date: string; at: number; error?: string };
  follows: Array<{ drama: Drama; next?: Airing }>;
}

export function renderAlertsOverview(view: AlertsOverview, locale: Locale): Card {
  const time = `${String(view.hour).padStart(2, '0')}:00 (${view.timeZone})`;
  const followLines = view.follows.map(({ drama, next }) =>
    next
      ? t(locale, 'alerts.followLine', {
          drama: plain(dramaTitle(drama, locale)),
          episode: episodeRange(next.episodes),
          when: discordDate(next.airDate, 'D'),
        })
      : t(locale, 'alerts.followLineNone', { drama: plain(dramaTitle(drama, locale)) }),
  );
  let shown = followLines;
  while (shown.join('\n').length > 3500) shown = shown.slice(0, -1);
  const more = followLines.length - shown.length;
  return {
    embeds: [
      {
        title: t(locale, 'alerts.listTitle'),
        color: COLOURS.list,
        fields: [
          {
            name: t(locale, 'alerts.fieldChannel'),
            value: view.channelId ? `<#${view.channelId}>` : t(locale, 'alerts.noChannel'),
            inline: true,
          },
          { name: t(locale, 'alerts.fieldTime'), value: time, inline: true },
          {
            name: t(locale, 'alerts.fieldRole'),
            value: view.roleId ? `<@&${view.roleId}>` : t(locale, 'alerts.noRole'),
            inline: true,
          },
          {
            name: t(locale, 'alerts.fieldNext'),
            value: view.next
              ? t(locale, 'alerts.nextAt', {
                  when: `${timestamp(view.next.dueAt, 'F')} (${timestamp(view.next.dueAt, 'R')})`,
                  date: discordDate(view.next.date, 'D'),
                })
              : t(locale, 'alerts.noNext'),
            inline: false,
          },
          ...(view.last
            ? [
                {
                  name: t(locale, 'alerts.fieldLast'),
                  value: view.last.error
                    ? t(locale, 'alerts.lastFailed', {
                        when: timestamp(view.last.at, 'R'),
                        reason: plain(view.last.error),
                      })
                    : t(locale, 'alerts.lastOk', { when: timestamp(view.last.at, 'R') }),
                  inline: false,
                },
              ]
            : []),
        ],
        description: [
          `**${t(locale, 'alerts.fieldFollowed', { count: view.follows.length })}**`,
          shown.length ? shown.join('\n') : t(locale, 'alerts.noFollows'),
          more > 0 ? t(locale, 'alerts.moreFollows', { count: more }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      },
    ],
    components: [],
  };
}
