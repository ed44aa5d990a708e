import type { Drama } from '../data/schema.ts';
import { addDays, localDate, zonedInstant } from '../time/zoned.ts';

/** Air dates in the dataset are Korean calendar dates. */
const KOREAN_TIME_ZONE = 'Asia/Seoul';

/** One drama's episodes that air on one Korean date (a streaming drop can bring several). */
export interface Airing {
  dramaId: string;
  episodes: number[];
  airDate: string;
}

export type DramaLookup = (id: string) => Drama | undefined;

/** Today's date in Korea. */
export function koreanDate(now: number): string {
  return localDate(now, KOREAN_TIME_ZONE);
}

function airingOn(drama: Drama, date: string): Airing | undefined {
  const episodes = drama.episodes.filter((e) => e.airDate === date).map((e) => e.number);
  return episodes.length > 0 ? { dramaId: drama.id, episodes, airDate: date } : undefined;
}

/** The first air date on or after `fromDate`, with its episodes. */
export function nextAiring(drama: Drama, fromDate: string): Airing | undefined {
  let next: string | undefined;
  for (const episode of drama.episodes) {
    const date = episode.airDate;
    if (date && date >= fromDate && (next === undefined || date < next)) next = date;
  }
  return next === undefined ? undefined : airingOn(drama, next);
}

/** A daily hour in a zone: when a server's digest or a member's reminder goes out. */
export interface DailyTime {
  hour: number;
  timeZone: string;
}

/** What goes out on one local day: the followed dramas that have an episode on that date. */
export interface DailyPlan {
  date: string;
  dueAt: number;
  airings: Airing[];
}

export function airingsOn(dramaIds: Iterable<string>, lookup: DramaLookup, date: string): Airing[] {
  const airings: Airing[] = [];
  for (const id of dramaIds) {
    const drama = lookup(id);
    const airing = drama && airingOn(drama, date);
    if (airing) airings.push(airing);
  }
  return airings;
}

/**
 * Today's plan, if its hour has come and it has something to say. The local day is the server's
 * (or member's), and it lists the episodes whose Korean air date is that same calendar date: a
 * Los Angeles server at 20:00 on 5 March hears of the episodes Korea aired on 5 March.
 */
export function dueToday(
  time: DailyTime,
  dramaIds: Iterable<string>,
  lookup: DramaLookup,
  now: number,
): DailyPlan | undefined {
  const date = localDate(now, time.timeZone);
  const dueAt = zonedInstant(date, time.hour, 0, time.timeZone);
  if (now < dueAt) return undefined;
  const airings = airingsOn(dramaIds, lookup, date);
  return airings.length > 0 ? { date, dueAt, airings } : undefined;
}

/**
 * The next plan that will go out: the first local day, from today on, whose hour is still to come
 * (or that is due but not yet posted) and on which a followed drama airs.
 */
export function nextPlan(
  time: DailyTime,
  dramaIds: readonly string[],
  lookup: DramaLookup,
  now: number,
  postedDate?: string,
): DailyPlan | undefined {
  const today = localDate(now, time.timeZone);
  let first: string | undefined;
  for (const id of dramaIds) {
    for (const episode of lookup(id)?.episodes ?? []) {
      const date = episode.airDate;
      if (!date || date < today || (first !== undefined && date >= first)) continue;
      const passed =
        date === today &&
        (postedDate === today || now >= zonedInstant(date, time.hour, 0, time.timeZone) + DAY_GRACE_MS);
      if (!passed) first = date;
    }
  }
  if (first === undefined) return undefined;
  return {
    date: first,
    dueAt: zonedInstant(first, time.hour, 0, time.timeZone),
    airings: airingsOn(dramaIds, lookup, first),
  };
}

/** A day's plan that is due but not posted yet still counts as "next" for this long (it is being sent). */
const DAY_GRACE_MS = 10 * 60_000;

export function yesterday(time: DailyTime, now: number): string {
  return addDays(localDate(now, time.timeZone), -1);
}
