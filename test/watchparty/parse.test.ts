import { describe, expect, it } from 'vitest';

import {
  DEFAULT_DURATION_MS,
  durationMs,
  parseDuration,
  parseEpisodes,
  parseStartsAt,
} from '../../src/watchparty/parse.ts';
import { thrownText } from '../support/user-error.ts';

const now = Date.UTC(2026, 10, 21, 13, 0); // Saturday 21 November 2026, 13:00 UTC = 22:00 KST
const message = thrownText;

describe('durations', () => {
  it('reads the forms hosts type, in English and Korean', () => {
    expect(durationMs('30m')).toBe(30 * 60_000);
    expect(durationMs('2h')).toBe(2 * 3_600_000);
    expect(durationMs('1d')).toBe(86_400_000);
    expect(durationMs('1h30m')).toBe(90 * 60_000);
    expect(durationMs('1h 30min')).toBe(90 * 60_000);
    expect(durationMs('1.5h')).toBe(90 * 60_000);
    expect(durationMs('90 minutes')).toBe(90 * 60_000);
    expect(durationMs('2시간')).toBe(2 * 3_600_000);
    expect(durationMs('2 weeks')).toBeUndefined();
    expect(durationMs('h')).toBeUndefined();
    expect(durationMs('30')).toBeUndefined();
  });

  it('defaults to 24 hours and refuses nonsense or out-of-range values with examples', () => {
    expect(parseDuration(null)).toBe(DEFAULT_DURATION_MS);
    expect(parseDuration('  ')).toBe(DEFAULT_DURATION_MS);
    expect(message(() => parseDuration('soon'))).toBe('“soon” is not a duration. Try `30m`, `2h`, `1d` or `1h30m`.');
    expect(message(() => parseDuration('5s'))).toMatch(/^Voting can last from 10 seconds to 14 days/);
    expect(message(() => parseDuration('15d'), 'ko')).toMatch(/^투표 기간은 10초에서 14일까지예요/);
    expect(message(() => parseDuration('x'.repeat(500)))).toMatch(/^“x{39}…” is not a duration/);
  });
});

describe('episode ranges', () => {
  it('reads ranges, lists and both, sorted and without repeats', () => {
    expect(parseEpisodes('1-4', 16)).toEqual([1, 2, 3, 4]);
    expect(parseEpisodes('3,5,6', 16)).toEqual([3, 5, 6]);
    expect(parseEpisodes('8, 1-3, 2', 16)).toEqual([1, 2, 3, 8]);
    expect(parseEpisodes('ep 3 – 5', 16)).toEqual([3, 4, 5]);
    expect(parseEpisodes('1 - 2 9', 16)).toEqual([1, 2, 9]);
    expect(parseEpisodes('3~4화', 16)).toEqual([3, 4]);
  });

  it('says what is wrong: not a range, past the last episode, one episode, too many', () => {
    expect(message(() => parseEpisodes('four', 16))).toBe(
      '“four” is not a list of episodes. Try a range like `1-4`, a list like `3,5,6`, or both: `1-4, 8` (episodes 1 to 16).',
    );
    expect(message(() => parseEpisodes('4-2', 16))).toMatch(/is not a list of episodes/);
    expect(message(() => parseEpisodes('0,1', 16))).toMatch(/is not a list of episodes/);
    expect(message(() => parseEpisodes('15-17', 16))).toBe('There is no episode 17: this drama has 16 episodes.');
    expect(message(() => parseEpisodes('3', 16))).toMatch(/^A vote needs at least two episodes/);
    expect(message(() => parseEpisodes('1-150', 200))).toBe(
      'A poll can offer at most 100 episodes. Pick fewer, like `1-20`.',
    );
  });
});

describe('start times', () => {
  const at = (text: string) => new Date(parseStartsAt(text, now)).toISOString();

  it('takes a date and time with a zone, a time alone (its next occurrence), a relative time or a Discord timestamp', () => {
    expect(at('2026-11-22 20:00 KST')).toBe('2026-11-22T11:00:00.000Z');
    expect(at('2026-11-22T20:00+09:00')).toBe('2026-11-22T11:00:00.000Z');
    expect(at('2026-11-21 8pm UTC-5')).toBe('2026-11-22T01:00:00.000Z');
    expect(at('21:30 UTC')).toBe('2026-11-21T21:30:00.000Z');
    // 20:00 KST today has passed (it is 22:00 in Seoul): tomorrow's.
    expect(at('20:00 KST')).toBe('2026-11-22T11:00:00.000Z');
    expect(at('23:00 GMT+9')).toBe('2026-11-21T14:00:00.000Z');
    expect(at('9:15pm PST')).toBe('2026-11-22T05:15:00.000Z');
    expect(at('in 2h')).toBe('2026-11-21T15:00:00.000Z');
    expect(at('in 1h30m')).toBe('2026-11-21T14:30:00.000Z');
    expect(at('2시간 후')).toBe('2026-11-21T15:00:00.000Z');
    expect(at('<t:1795360000:F>')).toBe(new Date(1_795_360_000_000).toISOString());
  });

  it('reads times as people type them: tomorrow, a weekday, "in 90 minutes", ISO with a zone', () => {
    // It is Saturday 2026-11-21 22:00 in Seoul: "tomorrow" and weekdays are Seoul's when the zone is KST.
    expect(at('tomorrow 8pm KST')).toBe('2026-11-22T11:00:00.000Z');
    expect(at('tomorrow at 20:00 UTC+9')).toBe('2026-11-22T11:00:00.000Z');
    expect(at('Saturday 21:00 KST')).toBe('2026-11-28T12:00:00.000Z');
    expect(at('Monday 8pm PST')).toBe('2026-11-24T04:00:00.000Z');
    expect(at('in 90 minutes')).toBe('2026-11-21T14:30:00.000Z');
    expect(at('2026-11-23T20:00:00+09:00')).toBe('2026-11-23T11:00:00.000Z');
    expect(at('2026-11-23T11:00:00Z')).toBe('2026-11-23T11:00:00.000Z');
  });

  it('keeps the zone rule for days and weekdays, and only relative times go without one', () => {
    expect(message(() => parseStartsAt('tomorrow 8pm', now))).toMatch(/^“tomorrow 8pm” has no time zone\./);
    expect(message(() => parseStartsAt('Saturday 21:00', now))).toMatch(/has no time zone/);
    expect(message(() => parseStartsAt('watch at 8pm KST maybe', now))).toMatch(/is not a time I understand/);
  });

  it('gives examples computed from now, so the ones it suggests always work', () => {
    const hint = message(() => parseStartsAt('20:00', now));
    // Now is 2026-11-21 13:00 UTC, 22:00 in Seoul: the dated example is tomorrow in Seoul.
    expect(hint).toContain('`2026-11-22 20:00 KST`');
    const dated = /`(\d{4}-\d\d-\d\d 20:00 KST)`/.exec(hint)![1]!;
    expect(parseStartsAt(dated, now)).toBeGreaterThan(now);
    const bad = message(() => parseStartsAt('whenever', now));
    const stamp = /`(<t:\d+:f>)`/.exec(bad)![1]!;
    expect(parseStartsAt(stamp, now)).toBe(now + 2 * 3_600_000);
  });

  it('asks for a zone rather than guess one, and refuses ambiguous zones, impossible dates and the past', () => {
    expect(message(() => parseStartsAt('20:00', now))).toMatch(/^“20:00” has no time zone\./);
    expect(message(() => parseStartsAt('2026-11-22 20:00', now))).toMatch(/has no time zone/);
    expect(message(() => parseStartsAt('20:00 CST', now))).toMatch(/^“20:00 CST” is not a time I understand/);
    expect(message(() => parseStartsAt('2026-02-30 20:00 UTC', now))).toMatch(/is not a time I understand/);
    expect(message(() => parseStartsAt('25:00 UTC', now))).toMatch(/is not a time I understand/);
    expect(message(() => parseStartsAt('2026-11-20 20:00 UTC', now))).toMatch(
      /^That start time \(<t:\d+:f>\) has passed/,
    );
    expect(message(() => parseStartsAt('in 90d', now))).toMatch(/is not a time I understand|at most 60 days/);
    expect(message(() => parseStartsAt('2027-06-01 20:00 UTC', now))).toBe(
      'A party can be planned at most 60 days ahead.',
    );
  });
});
