import { instant, UserError } from '../errors.ts';
import { MAX_OPTIONS } from './poll.ts';

/**
 * What hosts type into /watchparty start: durations ("30m", "2h", "1d", "1h30m"), episode ranges
 * ("1-4", "3,5,6") and start times ("2026-11-21 20:00 KST", "21:00 +09:00", "in 2h", a Discord
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

/** Hours from UTC. Ambiguous abbreviations (CST, IST) are left out on purpose: an offset is asked for. */
const ZONES: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  kst: 9,
  jst: 9,
  hkt: 8,
  sgt: 8,
  pht: 8,
  awst: 8,
  wib: 7,
  ict: 7,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
  cet: 1,
  cest: 2,
  bst: 1,
  wet: 0,
  west: 1,
  eet: 2,
  eest: 3,
  est: -5,
  edt: -4,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

/** The zone at the end of a time: "KST", "UTC+9", "GMT-05:30", "+09:00", "+0900", "Z". Minutes east of UTC. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const z = zone.trim().toLowerCase();
  if (z in ZONES) return ZONES[z]! * 60;
  const m = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? undefined : (m[1] === '-' ? -1 : 1) * minutes;
}

const TIME = String.raw`(\d{1,2})(?::(\d{2}))?\s*(am|pm)?`;
const DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const ABSOLUTE = new RegExp(String.raw`^(?:${DATE}[t\s]+)?${TIME}\s*(.*)$`, 'i');

/**
 * A start time → ms since the epoch. Accepted: a Discord timestamp (<t:1764000000:F>) or Unix
 * seconds, "in 2h", and a date and/or time with a zone ("2026-11-21 20:00 KST", "8pm UTC-5",
 * "21:00 +09:00"). A time without a date is its next occurrence. A zone is required: the poll
 * shows the time to every member in their own zone, so a wrong guess would mislead everyone.
 */
export function parseStartsAt(text: string, now: number): number {
  const input = text.trim();
  const when = startInstant(input, now);
  if (when === 'no-zone') throw new UserError('party.startNeedsZone', { input: shown(input) });
  if (when === undefined || Number.isNaN(when)) throw new UserError('party.badStart', { input: shown(input) });
  if (when <= now + 60_000) throw new UserError('party.startInPast', { when: instant(when, 'f') });
  if (when > now + MAX_START_AHEAD_MS)
    throw new UserError('party.startTooFar', { days: MAX_START_AHEAD_MS / 86_400_000 });
  return when;
}

function startInstant(input: string, now: number): number | 'no-zone' | undefined {
  if (input.length > 60) return undefined;
  const stamp = /^(?:<t:)?(\d{9,11})(?::[tTdDfFR])?>?$/.exec(input);
  if (stamp) return Number(stamp[1]) * 1000;
  const relative = /^(?:in\s+)?(.+?)(?:\s*(?:from now|later|후|뒤))?$/i.exec(input);
  if (relative && /^(in\s|.*(from now|later|후|뒤)$)/i.test(input)) {
    const ms = durationMs(relative[1]!);
    return ms === undefined ? undefined : now + ms;
  }
  const m = ABSOLUTE.exec(input);
  if (!m) return undefined;
  const [, year, month, day, hourText, minuteText, meridiem, zoneText = ''] = m;
  if (!zoneText.trim()) return 'no-zone';
  const offset = zoneOffsetMinutes(zoneText);
  if (offset === undefined) return undefined;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  if (year !== undefined) {
    const local = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, minute);
    const check = new Date(local);
    if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return undefined;
    return local - offset * 60_000;
  }
  // Time only: today in that zone, or tomorrow if that has passed.
  const zoneNow = new Date(now + offset * 60_000);
  let candidate =
    Date.UTC(zoneNow.getUTCFullYear(), zoneNow.getUTCMonth(), zoneNow.getUTCDate(), hour, minute) - offset * 60_000;
  if (candidate <= now) candidate += 86_400_000;
  return candidate;
}

/** User input quoted back in an error: short, and unable to break the markdown around it. */
function shown(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return cut.replace(/[`\\]/g, '');
}
