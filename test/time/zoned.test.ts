import { describe, expect, it } from 'vitest';
import { addDays, localDate, zonedInstant } from '../../src/time/zoned.ts';
import { resolveTimeZone, timeZoneSuggestions } from '../../src/time/zones.ts';

const iso = (instant: number) => new Date(instant).toISOString();

describe('zonedInstant', () => {
  it('puts 20:00 in Seoul at 11:00 UTC (no daylight saving)', () => {
    expect(iso(zonedInstant('2026-06-01', 20, 0, 'Asia/Seoul'))).toBe('2026-06-01T11:00:00.000Z');
  });

  it('follows Los Angeles across its daylight-saving change (PST -8, then PDT -7)', () => {
    expect(iso(zonedInstant('2026-03-07', 20, 0, 'America/Los_Angeles'))).toBe('2026-03-08T04:00:00.000Z');
    expect(iso(zonedInstant('2026-03-08', 20, 0, 'America/Los_Angeles'))).toBe('2026-03-09T03:00:00.000Z');
  });

  it('follows Berlin across its daylight-saving change (CET +1, then CEST +2)', () => {
    expect(iso(zonedInstant('2026-03-28', 20, 0, 'Europe/Berlin'))).toBe('2026-03-28T19:00:00.000Z');
    expect(iso(zonedInstant('2026-03-29', 20, 0, 'Europe/Berlin'))).toBe('2026-03-29T18:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', 20, 0, 'Europe/Berlin'))).toBe('2026-10-25T19:00:00.000Z');
  });

  it('moves a wall time that does not exist (clocks jump forward) past the gap', () => {
    // 2026-03-08 02:30 never happens in Los Angeles: clocks go from 01:59 PST to 03:00 PDT.
    expect(iso(zonedInstant('2026-03-08', 2, 30, 'America/Los_Angeles'))).toBe('2026-03-08T10:30:00.000Z');
  });

  it('takes the first of a wall time that happens twice (clocks go back)', () => {
    // 2026-11-01 01:30 happens at 08:30 UTC (PDT) and again at 09:30 UTC (PST).
    expect(iso(zonedInstant('2026-11-01', 1, 30, 'America/Los_Angeles'))).toBe('2026-11-01T08:30:00.000Z');
  });
});

describe('localDate and addDays', () => {
  it('gives the calendar date a clock in the zone shows', () => {
    const instant = Date.parse('2026-06-01T20:00:00Z');
    expect(localDate(instant, 'Asia/Seoul')).toBe('2026-06-02');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-06-01');
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('resolveTimeZone', () => {
  it('accepts IANA names in any case, their cities and common names', () => {
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('los angeles')).toBe('America/Los_Angeles');
    expect(resolveTimeZone('KST')).toBe('Asia/Seoul');
    expect(resolveTimeZone('Pacific')).toBe('America/Los_Angeles');
    expect(resolveTimeZone('UTC')).toBe('UTC');
  });

  it('refuses what names no zone', () => {
    expect(resolveTimeZone('Mars/Olympus')).toBeUndefined();
    expect(resolveTimeZone('')).toBeUndefined();
    expect(resolveTimeZone('x'.repeat(500))).toBeUndefined();
  });

  it('suggests zones for what was typed, at most 25', () => {
    expect(timeZoneSuggestions('berl')).toContain('Europe/Berlin');
    expect(timeZoneSuggestions('america').length).toBe(25);
    expect(timeZoneSuggestions('')).toContain('Asia/Seoul');
  });
});
