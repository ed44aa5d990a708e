import * as chrono from 'chrono-node';
import { instant, UserError } from '../errors.ts';
import { MAX_OPTIONS } from './poll.ts';

/**
 * What hosts type into /watchparty start: durations ("30m", "2h", "1d", "1h30m"), episode ranges
 * ("1-4", "3,5,6") and start times ("tomorrow 8pm KST", "21:00 +09:00", "in 90 minutes", a Discord
 * timestamp). Each parser returns a value or throws a UserError that shows what works.
 */
export const DEFAULT_DURATION_MS = 24 * 3_600_000;
const MIN_DURATION_MS = 10_000;
const MAX_DURATION_MS = 14 * 86_400_000;
/** How far ahead a party may be planned. */
const MAX_START_AHEAD_MS = 60 * 86_400_000;

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  초: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  분: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  시간: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  일: 86_400_000,
};

/** "30m", "2h", "1d", "1h30m", "1.5h", "90 minutes", "2시간" → milliseconds (undefined if not a duration). */
export function durationMs(text: string): number | undefined {
  const compact = text.trim().toLowerCase();
  if (!compact || compact.length > 40) return undefined;
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+|[가-힣]+)\s*/gy;
  let total = 0;
  let matched = 0;
  for (let m = part.exec(compact); m; m = part.exec(compact)) {
    const unit = UNIT_MS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    matched = part.lastIndex;
  }
  return matched === compact.length && total > 0 ? Math.round(total) : undefined;
}

export function parseDuration(text: string | null | undefined): number {
  if (text === null || text === undefined || !text.trim()) return DEFAULT_DURATION_MS;
  const ms = durationMs(text);
  if (ms === undefined) throw new UserError('party.badDuration', { input: shown(text) });
  if (ms < MIN_DURATION_MS || ms > MAX_DURATION_MS) throw new UserError('party.durationRange', { input: shown(text) });
  return ms;
}

/**
 * "1-4", "3,5,6", "1-4, 8", "ep 3–5" → sorted distinct episode numbers, each within the drama's
 * episodeCount. At least two, at most MAX_OPTIONS.
 */
export function parseEpisodes(text: string, episodeCount: number): number[] {
  const cleaned = text
    .toLowerCase()
    .replace(/episodes?|eps?\.?|회차?|화/g, ' ')
    .replace(/[–—~]/g, '-')
    .trim();
  const episodes = new Set<number>();
  const bad = () => new UserError('party.badEpisodes', { input: shown(text), count: episodeCount });
  if (!cleaned) throw bad();
  for (const piece of cleaned
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const range = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(piece);
    if (!range) throw bad();
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to < from) throw bad();
    if (to > episodeCount) throw new UserError('party.noSuchEpisode', { episode: to, count: episodeCount });
    for (let e = from; e <= to; e++) episodes.add(e);
  }
  if (episodes.size > MAX_OPTIONS) throw new UserError('party.tooManyEpisodes', { max: MAX_OPTIONS });
  if (episodes.size < 2) throw new UserError('party.oneEpisode');
  return [...episodes].sort((a, b) => a - b);
}

/** Abbreviations that name several zones (China/US Central, India/Israel/Ireland): an offset is asked for instead. */
const AMBIGUOUS_ZONE = /\b(?:cst|ist|ast)\b/i;

/**
 * A start time → ms since the epoch. Accepted: a Discord timestamp (<t:1764000000:F>) or Unix
 * seconds, a relative time ("in 90 minutes", "in 2h", "2시간 후"), and anything chrono-node reads
 * with a zone: "tomorrow 8pm KST", "Saturday 21:00 KST", "8pm UTC-5", "21:00 +09:00", ISO dates
 * ("2026-12-24T20:00+09:00"). A time without a date is its next occurrence; "tomorrow" and weekdays
 * are counted in the zone given. A zone is required, except for relative times: the poll shows the
 * time to every member in their own zone, so a wrong guess would mislead everyone.
 */
export function parseStartsAt(text: string, now: number): number {
  const input = text.trim();
  const when = startInstant(input, now);
  const example = startExamples(now);
  if (when === 'no-zone') throw new UserError('party.startNeedsZone', { input: shown(input), ...example });
  if (when === undefined || Number.isNaN(when))
    throw new UserError('party.badStart', { input: shown(input), ...example });
  if (when <= now + 60_000) throw new UserError('party.startInPast', { when: instant(when, 'f') });
  if (when > now + MAX_START_AHEAD_MS)
    throw new UserError('party.startTooFar', { days: MAX_START_AHEAD_MS / 86_400_000 });
  return when;
}

/**
 * Examples shown in hints, computed from now so they never go stale: tomorrow at 20:00 in Seoul,
 * and a Discord timestamp two hours ahead.
 */
function startExamples(now: number): { date: string; stamp: string } {
  const tomorrowInSeoul = new Date(now + 9 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return { date: `${tomorrowInSeoul} 20:00 KST`, stamp: `<t:${Math.floor((now + 2 * 3_600_000) / 1000)}:f>` };
}

function startInstant(input: string, now: number): number | 'no-zone' | undefined {
  if (input.length > 60) return undefined;
  const stamp = /^(?:<t:)?(\d{9,11})(?::[tTdDfFR])?>?$/.exec(input);
  if (stamp) return Number(stamp[1]) * 1000;
  // Durations as /watchparty duration takes them ("in 1h30m", "2시간 후"), which chrono does not read.
  const relative = /^(?:in\s+)?(.+?)(?:\s*(?:from now|later|후|뒤))?$/i.exec(input);
  if (relative && /^(in\s|.*(from now|later|후|뒤)$)/i.test(input)) {
    const ms = durationMs(relative[1]!);
    if (ms !== undefined) return now + ms;
  }
  if (AMBIGUOUS_ZONE.test(input)) return undefined;
  const read = (timezone: number) =>
    chrono.parse(input, { instant: new Date(now), timezone }, { forwardDate: true })[0];
  const first = read(0);
  // The whole text must be the time: "watch 8pm KST maybe" is not a start time.
  if (first?.index !== 0 || first.text.length !== input.length) return undefined;
  if (first.tags().has('result/relativeDate')) return first.start.date().getTime();
  const offset = first.start.get('timezoneOffset');
  if (!first.start.isCertain('timezoneOffset') || offset === null) return 'no-zone';
  // Read again from that zone's clock, so "tomorrow" and "Saturday" are the zone's own.
  return (read(offset) ?? first).start.date().getTime();
}

/** User input quoted back in an error: short, and unable to break the markdown around it. */
function shown(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return cut.replace(/[`\\]/g, '');
}
