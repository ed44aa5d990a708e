import { dramaTitle } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { instant, UserError } from '../errors.ts';
import { visibleText } from '../text.ts';
import { DEFAULT_DURATION_MS, parseDuration, parseEpisodes, parseStartsAt } from './parse.ts';
import { MAX_OPTIONS, newPollId, type Poll, type PollOption } from './poll.ts';

/** What /watchparty start was given, already looked up. */
export interface PollRequest {
  /** One drama (vote on its episodes), or several (vote between them), in the order given. */
  dramas: Drama[];
  episodes?: string | null;
  question?: string | null;
  duration?: string | null;
  startsAt?: string | null;
  createEvent?: boolean | null;
  guildId: string;
  channelId: string;
  hostId: string;
  locale: string;
  place?: string;
  now: number;
}

/**
 * Turns the host's options into a poll, or explains (UserError, with an example) what to change.
 * Without a duration, voting lasts 24 hours, or until the party starts if that is sooner.
 */
export function planPoll(request: PollRequest): Poll {
  const { dramas, locale, now } = request;
  const unique = dramas.filter((d, i) => dramas.findIndex((other) => other.id === d.id) === i);
  let options: PollOption[];
  if (unique.length > 1) {
    if (request.episodes?.trim()) throw new UserError('party.episodesWithTitles');
    options = unique.map((d) => ({ dramaId: d.id }));
  } else {
    const drama = unique[0]!;
    const name = `**${dramaTitle(drama, locale)}**`;
    let numbers: number[];
    if (request.episodes?.trim()) numbers = parseEpisodes(request.episodes, drama.episodeCount);
    else if (drama.episodeCount > MAX_OPTIONS)
      throw new UserError('party.tooManyByDefault', { drama: name, count: drama.episodeCount, max: MAX_OPTIONS });
    else if (drama.episodeCount < 2) throw new UserError('party.singleEpisode', { drama: name });
    else numbers = Array.from({ length: drama.episodeCount }, (_, i) => i + 1);
    options = numbers.map((episode) => ({ dramaId: drama.id, episode }));
  }

  const startsAt = request.startsAt?.trim() ? parseStartsAt(request.startsAt, now) : undefined;
  const durationGiven = Boolean(request.duration?.trim());
  const duration = parseDuration(request.duration);
  const closesAt =
    startsAt !== undefined && !durationGiven ? Math.min(now + DEFAULT_DURATION_MS, startsAt) : now + duration;
  if (startsAt !== undefined && closesAt > startsAt)
    throw new UserError('party.closesAfterStart', { starts: instant(startsAt, 'f') });
  if (request.createEvent && startsAt === undefined) throw new UserError('party.eventNeedsStart');

  // Stored as visible text: no bidi overrides or zero-width characters to spoof the poll with.
  const question = request.question ? visibleText(request.question) : undefined;
  return {
    id: newPollId(now),
    guildId: request.guildId,
    channelId: request.channelId,
    hostId: request.hostId,
    locale,
    kind: unique.length > 1 ? 'dramas' : 'episodes',
    options,
    titles: Object.fromEntries(unique.map((d) => [d.id, dramaTitle(d, locale)])),
    ...(question ? { question } : {}),
    createdAt: now,
    closesAt,
    ...(startsAt !== undefined ? { startsAt } : {}),
    ...(request.createEvent ? { createEvent: true } : {}),
    ...(request.place ? { place: request.place } : {}),
    votes: {},
  };
}
