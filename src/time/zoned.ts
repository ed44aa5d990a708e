/**
 * Wall-clock dates and times in IANA time zones, with Intl only (no date library): the calendar
 * date of an instant in a zone, and the instant of a wall-clock time on a date in a zone, right
 * across daylight-saving changes.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds the zone's clock is ahead of UTC at `instant` (Seoul: +9 h; Los Angeles: -8 h or -7 h). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date (YYYY-MM-DD) that a clock in `timeZone` shows at `instant`. */
export function localDate(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The date `days` after (or before, when negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which a clock in `timeZone` shows `hour:minute` on `date`. On the day clocks go
 * back, a time that happens twice is its first occurrence; on the day they go forward, a time that
 * never happens is moved forward by the gap (02:30 becomes 03:30), so a daily job still runs that day.
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Offsets a day either side: a zone changes its offset at most once in two days.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const shows = (instant: number) => {
    const w = wallClock(instant, timeZone);
    return w.year === y && w.month === m && w.day === d && w.hour === hour && w.minute === minute;
  };
  const valid = [before, after].filter(shows);
  if (valid.length > 0) return Math.min(...valid);
  return before; // in the gap: the pre-change offset lands just after the clocks jumped
}
