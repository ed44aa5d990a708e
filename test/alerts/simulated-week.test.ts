import { describe, expect, it } from 'vitest';
import type { DailyPlan } from '../../src/alerts/airing.ts';
import { AlertSettingsStore } from '../../src/alerts/alert-store.ts';
import { type AlertPoster, AlertScheduler, PostRefused } from '../../src/alerts/scheduler.ts';
import { Claims } from '../../src/store/claims.ts';
import { Watchlists } from '../../src/watchlist/watchlist-store.ts';
import { MemoryRecords } from '../support/memory-records.ts';
import type { Drama } from '../../src/data/schema.ts';
import type { Logger } from '../../src/logger.ts';
import { addDays, zonedInstant } from '../../src/time/zoned.ts';

/**
 * One simulated week (Sat 24 Oct – Sun 1 Nov 2026), across Europe's DST change (25 Oct) and the
 * US's (1 Nov), for three servers in Seoul, Berlin and Los Angeles and two members with reminders.
 * A fake clock walks it minute by minute; one process restarts half-way; from Wednesday two
 * processes hold the same servers. Every expected post must happen once, at its minute. The
 * stores, claims and scheduler are the bot's own, on the in-memory records (the same rules as the
 * SQLite, Redis and Postgres ones, which test/alerts/alert-stores.test.ts runs them on).
 */
const FIRST_DAY = '2026-10-24';
const DAYS = 9;

function drama(id: string, airDates: string[]): Drama {
  return {
    id,
    title: id,
    nativeTitle: id,
    country: 'KR',
    year: 2026,
    firstAirDate: airDates[0]!,
    networks: ['tvN'],
    episodeCount: airDates.length,
    episodes: airDates.map((airDate, i) => ({ number: i + 1, airDate })),
    genres: ['romance'],
    synopsis: 'A drama.',
    cast: [{ person: 'someone', role: 'main', characters: [{ name: 'Someone' }] }],
    sources: ['https://example.org/'],
  } as Drama;
}

const day = (n: number) => addDays(FIRST_DAY, n);
// Monday-Tuesday drama, a weekend drama, and a Netflix drop of four episodes on one day.
const dramas = new Map(
  [
    drama('mon-tue', [day(2), day(3), day(9), day(10)]),
    drama('weekend', [day(0), day(1), day(7), day(8)]),
    drama('drop', [day(5), day(5), day(5), day(5)]),
  ].map((d) => [d.id, d]),
);
const lookup = (id: string) => dramas.get(id);

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

interface Post {
  kind: 'digest' | 'reminder';
  to: string;
  at: number;
  date: string;
  dramas: string[];
}

function recordingPoster(clock: () => number, posts: Post[], failOnce: Set<string>): AlertPoster {
  const record = (kind: Post['kind'], to: string, plan: DailyPlan) => {
    const key = `${kind}:${to}:${plan.date}`;
    if (failOnce.delete(key)) throw new Error('Discord answered 503'); // a passing failure: retried
    posts.push({ kind, to, at: clock(), date: plan.date, dramas: plan.airings.map((a) => a.dramaId).sort() });
  };
  return {
    async postDigest(target, plan) {
      if (target.channelId === 'deleted') throw new PostRefused('Unknown Channel');
      record('digest', target.guildId, plan);
    },
    async sendReminder(target, plan) {
      if (target.userId === 'dm-closed') throw new PostRefused('Cannot send messages to this user');
      record('reminder', target.userId, plan);
    },
  };
}

describe('episode alerts over a simulated week', () => {
  it('posts every digest and reminder exactly once, at the local hour, across DST, a restart and two processes', async () => {
    const servers = [
      { guildId: 'seoul', channelId: 'c1', timeZone: 'Asia/Seoul', follows: ['mon-tue', 'weekend', 'drop'] },
      { guildId: 'berlin', channelId: 'c2', timeZone: 'Europe/Berlin', follows: ['weekend', 'drop'] },
      { guildId: 'la', channelId: 'c3', timeZone: 'America/Los_Angeles', follows: ['mon-tue', 'weekend'] },
      { guildId: 'gone', channelId: 'deleted', timeZone: 'Asia/Seoul', follows: ['weekend'], hour: 9 },
    ];
    const members = [
      { userId: 'fan', hour: 8, timeZone: 'Europe/Berlin', dramaIds: ['mon-tue', 'drop'] },
      { userId: 'dm-closed', hour: 8, timeZone: 'Asia/Seoul', dramaIds: ['weekend'] },
    ];
    let now = Date.parse(`${FIRST_DAY}T00:00:00Z`) - 12 * 3_600_000;
    const clock = () => now;
    const records = new MemoryRecords();
    const alerts = new AlertSettingsStore(records, silent);
    const watchlists = new Watchlists(records, silent);
    for (const s of servers) {
      await alerts.setChannel(s.guildId, s.channelId, undefined);
      await alerts.setTime(s.guildId, { hour: s.hour ?? 20, timeZone: s.timeZone });
      for (const id of s.follows) await alerts.follow(s.guildId, id, 0);
    }
    for (const m of members) {
      for (const dramaId of m.dramaIds)
        await watchlists.save(m.userId, { dramaId, status: 'watching', addedAt: 0, updatedAt: 0 });
      // A finished drama is on the list too, and must not be reminded of.
      await watchlists.save(m.userId, {
        dramaId: 'weekend',
        status: m.userId === 'fan' ? 'completed' : 'watching',
        addedAt: 0,
        updatedAt: 0,
      });
      await watchlists.setReminder(m.userId, { hour: m.hour, timeZone: m.timeZone });
    }
    const posts: Post[] = [];
    const failOnce = new Set([`digest:berlin:${day(5)}`]);
    // Each process has its own claims owner, as two bot processes on one store do.
    const startProcess = (owner: string) =>
      new AlertScheduler({
        source: {
          digestTargets: () => alerts.digestTargets(),
          recordDigest: (guildId, outcome) => alerts.recordDigest(guildId, outcome),
          reminderTargets: () => watchlists.reminderTargets(),
          disableReminders: (userId, reason) => watchlists.disableReminders(userId, reason),
        },
        claims: new Claims(records, owner),
        lookup,
        poster: recordingPoster(clock, posts, failOnce),
        logger: silent,
        now: clock,
      });

    let running = [startProcess('p1')];
    const end = Date.parse(`${day(DAYS)}T06:00:00Z`); // after LA's last evening, before the next Seoul one
    const restartAt = Date.parse(`${day(3)}T05:17:00Z`);
    const secondFrom = Date.parse(`${day(4)}T00:00:00Z`);
    for (; now < end; now += 60_000) {
      if (now === restartAt) running = [startProcess('p1-restarted')];
      if (now === secondFrom) running.push(startProcess('p2'));
      // Both processes tick at the same minute, as two timers would.
      await Promise.all(running.map((p) => p.tick()));
    }

    const expected: Array<{ kind: Post['kind']; to: string; date: string; at: number; dramas: string[] }> = [];
    for (let i = 0; i < DAYS; i++) {
      const date = day(i);
      for (const s of servers.filter((s) => s.channelId !== 'deleted')) {
        const airing = s.follows.filter((id) => dramas.get(id)!.episodes.some((e) => e.airDate === date)).sort();
        if (airing.length > 0)
          expected.push({
            kind: 'digest',
            to: s.guildId,
            date,
            dramas: airing,
            at: zonedInstant(date, 20, 0, s.timeZone),
          });
      }
      const fan = members[0]!;
      const fanAiring = fan.dramaIds.filter((id) => dramas.get(id)!.episodes.some((e) => e.airDate === date)).sort();
      if (fanAiring.length > 0)
        expected.push({
          kind: 'reminder',
          to: 'fan',
          date,
          dramas: fanAiring,
          at: zonedInstant(date, 8, 0, fan.timeZone),
        });
    }
    // The failed Berlin post is retried on the next minute's tick.
    const retried = expected.find((e) => e.to === 'berlin' && e.date === day(5))!;
    retried.at += 60_000;

    const key = (p: { kind: string; to: string; date: string }) => `${p.kind}:${p.to}:${p.date}`;
    const duplicates = posts.length - new Set(posts.map(key)).size;
    const missed = expected.filter((e) => !posts.some((p) => key(p) === key(e)));
    expect({ expected: expected.length, posted: posts.length, duplicates, missed: missed.length }).toEqual({
      expected: expected.length,
      posted: expected.length,
      duplicates: 0,
      missed: 0,
    });
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const e of expected) {
      const post = posts.find((p) => key(p) === key(e))!;
      expect({ ...post, at: new Date(post.at).toISOString() }).toEqual({ ...e, at: new Date(e.at).toISOString() });
    }
    // Los Angeles gets its Sunday digest at 20:00 PST after the clocks went back (04:00 UTC Monday).
    expect(new Date(posts.find((p) => p.to === 'la' && p.date === '2026-11-01')!.at).toISOString()).toBe(
      '2026-11-02T04:00:00.000Z',
    );
    // Berlin at 20:00 CET after its change on 25 October (19:00 UTC), CEST before it (18:00 UTC).
    expect(new Date(posts.find((p) => p.to === 'berlin' && p.date === day(0))!.at).toISOString()).toBe(
      '2026-10-24T18:00:00.000Z',
    );
    expect(new Date(posts.find((p) => p.to === 'berlin' && p.date === day(1))!.at).toISOString()).toBe(
      '2026-10-25T19:00:00.000Z',
    );
    // The deleted channel's failure is recorded for /alerts list; the closed DM turned reminders off.
    expect((await alerts.settings('gone')).last).toMatchObject({ error: 'Unknown Channel' });
    expect(await watchlists.reminder('dm-closed')).toBeUndefined();
    expect(await watchlists.takeNotice('dm-closed')).toBe('Cannot send messages to this user');
    expect(await watchlists.takeNotice('dm-closed')).toBeUndefined();
  });
});
