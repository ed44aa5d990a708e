import {
  ButtonStyle,
  hyperlink,
  messageLink,
  userMention,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  type RESTPostAPIGuildScheduledEventJSONBody,
} from 'discord.js';
import type { Catalog } from '../catalog/catalog.ts';
import { bar } from '../ratings/aggregate.ts';
import { dramaTitle } from '../catalog/names.ts';
import { t } from '../i18n/index.ts';
import {
  MAX_BUTTON_OPTIONS,
  type CountedPoll,
  type Poll,
  type PollOption,
  type PollResult,
} from '../watchparty/poll.ts';
import type { VoteOutcome } from '../watchparty/poll-store.ts';
import * as actions from './actions.ts';
import {
  COLOURS,
  LIMITS,
  button,
  discordDate,
  timestamp,
  field,
  row,
  rowsOf,
  selectMenu,
  sourcesFooter,
  type Card,
  type Locale,
} from './message.ts';
import { plain, truncate } from '../text.ts';
import { bestPage } from '../catalog/title-link.ts';

/**
 * The watch-party poll message (open: live tally and vote buttons or menus; closed: final count
 * and winner), the private answers to a vote, and the result announcement. Written in the host's
 * language, since the message is one for everybody.
 */

/** In the reader's language from the dataset; as stored when the poll started if the dataset has dropped it. */
function dramaTitleOf(poll: Poll, dramaId: string, catalog: Catalog, locale: Locale = poll.locale): string {
  const drama = catalog.drama(dramaId);
  return drama ? dramaTitle(drama, locale) : (poll.titles[dramaId] ?? dramaId);
}

/** "Episode 3" / "3화", or the drama's title in a "what to watch next" poll. */
function optionName(poll: Poll, option: PollOption, catalog: Catalog, locale: Locale = poll.locale): string {
  return option.episode === undefined
    ? dramaTitleOf(poll, option.dramaId, catalog, locale)
    : t(locale, 'party.episodeName', { episode: option.episode });
}

/** What the poll is about: the drama, or "what to watch next". */
function subject(poll: Poll, catalog: Catalog, locale: Locale = poll.locale): string {
  return poll.kind === 'episodes'
    ? dramaTitleOf(poll, poll.options[0]!.dramaId, catalog, locale)
    : t(locale, 'party.nextSubject');
}

/** The episode's title and air date, or a drama's year and length, when the dataset has them. */
function optionDetails(poll: Poll, option: PollOption, catalog: Catalog): string {
  const drama = catalog.drama(option.dramaId);
  if (!drama) return '';
  if (option.episode === undefined)
    return [String(drama.year), t(poll.locale, 'party.episodeCount', { count: drama.episodeCount })].join(' · ');
  const episode = drama.episodes.find((e) => e.number === option.episode);
  return [
    episode?.title ? plain(truncate(episode.title, 60)) : undefined,
    episode?.airDate ? discordDate(episode.airDate, 'd') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

function tallyLine(poll: Poll, i: number, result: PollResult, withDetails: boolean, catalog: Catalog): string {
  const option = poll.options[i]!;
  const count = result.counts[i]!;
  const crown = poll.closed && result.winner === i ? '🏆 ' : '';
  const details = withDetails ? optionDetails(poll, option, catalog) : '';
  const name = `${crown}**${plain(optionName(poll, option, catalog))}**${details ? ` · ${details}` : ''}`;
  const votes = `\`${bar(count, result.total, 10)}\` ${t(poll.locale, 'party.votes', { count })} · ${percent(count, result.total)}%`;
  return withDetails ? `${name}\n${votes}` : `${name} ${votes}`;
}

/** "1–3, 5, 9–40": runs of consecutive episode numbers. */
export function episodeRuns(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(i === j ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * One line (or two) per option. Up to MAX_BUTTON_OPTIONS options each shows its episode title and
 * air date; beyond that the menus show those, and the tally lists only options with votes and
 * folds the rest into one line, so even 100 options fit one embed.
 */
function tallyText(poll: Poll, result: PollResult, catalog: Catalog): string {
  const detailed = poll.options.length <= MAX_BUTTON_OPTIONS;
  const shown = poll.options.flatMap((_, i) =>
    detailed || result.counts[i]! > 0 ? [tallyLine(poll, i, result, detailed, catalog)] : [],
  );
  const silent = poll.options.filter((_, i) => !detailed && result.counts[i] === 0);
  if (silent.length) {
    const names =
      poll.kind === 'episodes'
        ? episodeRuns(silent.map((o) => o.episode!))
        : silent.map((o) => plain(optionName(poll, o, catalog))).join(', ');
    shown.push(
      t(poll.locale, poll.kind === 'episodes' ? 'party.noVotesOnEpisodes' : 'party.noVotesOn', { options: names }),
    );
  }
  return shown.join(detailed ? '\n\n' : '\n');
}

/** "🏆 Episode 3 wins with 5 votes of 12." and the tie rule when it decided. */
function winnerText(poll: Poll, result: PollResult, catalog: Catalog): string {
  if (result.winner === undefined) return t(poll.locale, 'party.noVotes');
  const count = result.counts[result.winner]!;
  const lines = [
    t(poll.locale, 'party.winner', {
      option: plain(optionName(poll, poll.options[result.winner]!, catalog)),
      count,
      total: result.total,
    }),
  ];
  if (result.tiedWith.length) {
    const others = result.tiedWith.map((i) => plain(optionName(poll, poll.options[i]!, catalog))).join(', ');
    lines.push(t(poll.locale, poll.kind === 'episodes' ? 'party.tieEpisodes' : 'party.tieDramas', { others, count }));
  }
  return lines.join('\n');
}

function voteComponents(poll: Poll, catalog: Catalog): Card['components'] {
  const locale = poll.locale;
  const controls = row(
    button(actions.watchparty.close(poll.id), t(locale, 'party.close'), { style: ButtonStyle.Danger }),
    button(actions.watchparty.withdraw(poll.id), t(locale, 'party.withdraw')),
  );
  if (poll.options.length <= MAX_BUTTON_OPTIONS) {
    const label = (o: PollOption) =>
      o.episode === undefined
        ? dramaTitleOf(poll, o.dramaId, catalog)
        : t(locale, 'party.episodeButton', { episode: o.episode });
    return [
      ...rowsOf(
        poll.options.map((o, i) =>
          button(actions.watchparty.vote(poll.id, i), label(o), { style: ButtonStyle.Primary }),
        ),
      ),
      controls,
    ];
  }
  const menus: Card['components'] = [];
  for (let start = 0; start < poll.options.length; start += LIMITS.selectOptions) {
    const chunk = poll.options.slice(start, start + LIMITS.selectOptions);
    const placeholder =
      poll.kind === 'episodes'
        ? t(locale, 'party.menuEpisodes', { from: chunk[0]!.episode!, to: chunk.at(-1)!.episode! })
        : t(locale, 'party.menuDramas');
    menus.push(
      selectMenu(
        actions.watchparty.pick(poll.id, start / LIMITS.selectOptions),
        placeholder,
        chunk.map((o, k) => {
          const drama = catalog.drama(o.dramaId);
          const episode = o.episode === undefined ? undefined : drama?.episodes.find((e) => e.number === o.episode);
          const label = episode?.title
            ? `${optionName(poll, o, catalog)} · ${episode.title}`
            : optionName(poll, o, catalog);
          return { label, value: String(start + k), ...(episode?.airDate ? { description: episode.airDate } : {}) };
        }),
      ),
    );
  }
  return [...menus, controls];
}

/** The public poll message: open with its live tally and buttons, or closed with the winner. */
export function renderPoll({ poll, result }: CountedPoll, catalog: Catalog): Card {
  const locale = poll.locale;
  const ask =
    poll.kind === 'dramas'
      ? 'party.askDrama'
      : poll.options.length <= MAX_BUTTON_OPTIONS
        ? 'party.askEpisode'
        : 'party.askEpisodeMenu';
  const intro = poll.closed ? winnerText(poll, result, catalog) : t(locale, ask);
  const question = poll.question ? `### ${plain(poll.question)}\n` : '';
  const drama = poll.kind === 'episodes' ? catalog.drama(poll.options[0]!.dramaId) : undefined;
  const closedLine = poll.closed
    ? poll.closed.by === 'timer'
      ? t(locale, 'party.closedByTimer')
      : t(locale, 'party.closedBy', { member: userMention(poll.closed.by) })
    : undefined;
  return {
    embeds: [
      {
        color: COLOURS.party,
        title: truncate(
          t(locale, poll.closed ? 'party.titleClosed' : 'party.title', { subject: subject(poll, catalog) }),
          LIMITS.title,
        ),
        ...(drama ? { url: bestPage(drama, 'tv') } : {}),
        description: truncate(`${question}${intro}\n\n${tallyText(poll, result, catalog)}`, LIMITS.description),
        fields: [
          ...field(t(locale, 'party.fieldHost'), userMention(poll.hostId)),
          ...field(
            t(locale, poll.closed ? 'party.fieldClosed' : 'party.fieldCloses'),
            poll.closed
              ? `${timestamp(poll.closed.at, 'f')}\n${closedLine}`
              : `${timestamp(poll.closesAt, 'R')}\n${timestamp(poll.closesAt, 'f')}`,
          ),
          ...field(
            t(locale, 'party.fieldStarts'),
            poll.startsAt === undefined
              ? undefined
              : `${timestamp(poll.startsAt, 'F')}\n${timestamp(poll.startsAt, 'R')}`,
          ),
          ...field(t(locale, 'party.fieldVotes'), String(result.total)),
        ],
        footer: {
          text: truncate(
            `${t(locale, 'party.footer', { id: poll.id })} · ${sourcesFooter(drama ? drama.sources : 'on-cards', locale).text}`,
            LIMITS.footer,
          ),
        },
      },
    ],
    components: poll.closed ? [] : voteComponents(poll, catalog),
  };
}

export function pollLink(poll: Poll): string | undefined {
  return poll.messageId ? messageLink(poll.channelId, poll.messageId, poll.guildId) : undefined;
}

function eventLink(poll: Poll): string | undefined {
  return poll.closed?.eventId ? `https://discord.com/events/${poll.guildId}/${poll.closed.eventId}` : undefined;
}

/** The message posted when a poll closes: who won, when the party starts, the event, a link back. */
export function renderAnnouncement({ poll, result }: CountedPoll, catalog: Catalog): string {
  const locale = poll.locale;
  const heading =
    poll.kind === 'episodes'
      ? t(locale, 'party.resultFor', { subject: `**${plain(subject(poll, catalog))}**` })
      : t(locale, 'party.resultNext');
  const lines = [heading, winnerText(poll, result, catalog)];
  if (poll.startsAt !== undefined)
    lines.push(
      t(locale, 'party.startsAt', { when: timestamp(poll.startsAt, 'F'), relative: timestamp(poll.startsAt, 'R') }),
    );
  const event = eventLink(poll);
  if (event) lines.push(t(locale, 'party.eventCreated', { link: event }));
  else if (poll.createEvent && poll.closed?.eventProblem)
    lines.push(t(locale, `party.event.${poll.closed.eventProblem}`));
  const link = pollLink(poll);
  if (link) lines.push(t(locale, 'party.pollLink', { link }));
  return truncate(lines.join('\n'), 2000);
}

/** The private answer to a vote, in the voter's language: what was stored, and what it replaced. */
export function voteAnswer(outcome: VoteOutcome, catalog: Catalog, locale: Locale): string {
  if (outcome.kind === 'unknown') return t(locale, 'party.unknownPoll');
  const poll = outcome.poll;
  const name = (i: number) => `**${plain(optionName(poll, poll.options[i]!, catalog, locale))}**`;
  const closes = t(locale, 'party.closesAt', { when: timestamp(poll.closesAt, 'R') });
  switch (outcome.kind) {
    case 'recorded':
      return `${t(locale, 'party.voted', { option: name(outcome.option) })} ${closes}`;
    case 'changed':
      return `${t(locale, 'party.votedChanged', { option: name(outcome.option), previous: name(outcome.previous) })} ${closes}`;
    case 'same':
      return `${t(locale, 'party.votedSame', { option: name(outcome.option) })} ${closes}`;
    case 'withdrawn':
      return t(locale, 'party.withdrawn', { option: name(outcome.previous) });
    case 'not-voted':
      return t(locale, 'party.notVoted');
    case 'closed':
      return t(locale, 'party.pollClosed', { when: timestamp(poll.closed?.at ?? poll.closesAt, 'R') });
  }
}

/** How a poll is named in autocomplete (plain text, at most 100 characters). */
export function pollChoiceName({ poll, result }: CountedPoll, catalog: Catalog, locale: Locale): string {
  const votes = t(locale, 'party.votes', { count: result.total });
  const when = new Date(poll.closed?.at ?? poll.closesAt).toISOString().slice(0, 16).replace('T', ' ');
  return truncate(
    `${subject(poll, catalog, locale)} · ${votes} · ${t(locale, poll.closed ? 'party.choiceClosed' : 'party.choiceCloses', { when: `${when} UTC` })}`,
    100,
  );
}

/** /watchparty list: the open polls with links, then the latest results. */
export function renderPollList(
  open: readonly CountedPoll[],
  closed: readonly CountedPoll[],
  catalog: Catalog,
  locale: Locale,
): Card {
  const line = ({ poll, result }: CountedPoll) => {
    const link = pollLink(poll);
    const parts = [
      `**${plain(subject(poll, catalog, locale))}**`,
      poll.question ? `“${plain(truncate(poll.question, 60))}”` : undefined,
      t(locale, 'party.votes', { count: result.total }),
      poll.closed
        ? result.winner === undefined
          ? t(locale, 'party.listNoWinner')
          : t(locale, 'party.listWinner', {
              option: plain(optionName(poll, poll.options[result.winner]!, catalog, locale)),
            })
        : t(locale, 'party.listCloses', { when: timestamp(poll.closesAt, 'R') }),
      t(locale, 'party.listHost', { host: userMention(poll.hostId) }),
      link ? hyperlink(t(locale, 'party.listOpenLink'), link) : undefined,
    ];
    return `• ${parts.filter(Boolean).join(' · ')}`;
  };
  const openLines = open.slice(-15).map(line);
  const closedLines = closed.slice(0, 5).map(line);
  return {
    embeds: [
      {
        color: COLOURS.party,
        title: t(locale, 'party.listTitle'),
        description: truncate(
          openLines.length ? openLines.join('\n') : t(locale, 'party.listEmpty'),
          LIMITS.description,
        ),
        fields: field(t(locale, 'party.listRecent'), closedLines.join('\n'), false),
        footer: { text: 'dramabot' },
      },
    ],
    components: [],
  };
}

/** An episode's length when the dataset does not say, for the scheduled event's end time. */
const DEFAULT_RUNTIME_MINUTES = 90;

/** The Discord scheduled event for a closed poll's winner, at the party's start. */
export function renderScheduledEvent(
  { poll, result }: CountedPoll,
  catalog: Catalog,
): RESTPostAPIGuildScheduledEventJSONBody {
  const locale = poll.locale;
  const winner = poll.options[result.winner!]!;
  const drama = catalog.drama(winner.dramaId);
  const episode = winner.episode === undefined ? undefined : drama?.episodes.find((e) => e.number === winner.episode);
  const minutes = episode?.runtimeMinutes ?? drama?.runtimeMinutes ?? DEFAULT_RUNTIME_MINUTES;
  const title = dramaTitleOf(poll, winner.dramaId, catalog);
  const name =
    winner.episode === undefined
      ? t(locale, 'party.eventName', { drama: title })
      : t(locale, 'party.eventNameEpisode', { drama: title, episode: winner.episode });
  const count = result.counts[result.winner!]!;
  // Escaped like the poll message: a host's question must not become a link or markdown in the event.
  const description = [
    poll.question ? plain(poll.question) : undefined,
    t(locale, 'party.eventDescription', { count, place: poll.place ?? '' }),
  ]
    .filter(Boolean)
    .join('\n');
  return {
    name: truncate(name, 100),
    description: truncate(description, 1000),
    scheduled_start_time: new Date(poll.startsAt!).toISOString(),
    scheduled_end_time: new Date(poll.startsAt! + minutes * 60_000).toISOString(),
    privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    entity_type: GuildScheduledEventEntityType.External,
    entity_metadata: { location: truncate(poll.place ?? t(locale, 'party.eventPlace'), 100) },
  };
}
