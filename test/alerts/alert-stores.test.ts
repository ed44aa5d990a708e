import { afterEach, expect, it } from 'vitest';
import { AlertSettingsStore } from '../../src/alerts/alert-store.ts';
import { type AlertPoster, AlertScheduler } from '../../src/alerts/scheduler.ts';
import type { Drama } from '../../src/data/schema.ts';
import type { Logger } from '../../src/logger.ts';
import { Claims } from '../../src/store/claims.ts';
import { openRecords } from '../../src/store/open-store.ts';
import type { Records } from '../../src/store/records.ts';
import { Watchlists } from '../../src/watchlist/watchlist-store.ts';
import { onEveryBackend } from '../support/stores.ts';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const drama = {
  id: 'airs-friday',
  episodes: [{ number: 1, airDate: '2025-03-07' }],
} as unknown as Drama;

onEveryBackend('watchlists and episode alerts', (fresh) => {
  const open: Records[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  /** Two bot processes: two connections to one store. */
  async function twoProcesses(): Promise<[Records, Records]> {
    const url = fresh();
    const a = await openRecords(url);
    const b = await openRecords(url);
    open.push(a, b);
    return [a, b];
  }

  it('keeps every watchlist entry that two processes add for one member at once', async () => {
    const [a, b] = await twoProcesses();
    const lists = [new Watchlists(a, silent), new Watchlists(b, silent)];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        lists[i % 2]!.save('fan', {
          dramaId: `drama-${i}`,
          status: 'watching',
          episode: i % 16,
          addedAt: i,
          updatedAt: i,
        }),
      ),
    );
    const list = await lists[0]!.list('fan');
    expect(list).toHaveLength(60);
    expect(list.find((e) => e.dramaId === 'drama-17')).toEqual({
      dramaId: 'drama-17',
      status: 'watching',
      episode: 1,
      addedAt: 17,
      updatedAt: 17,
    });
    await lists[1]!.remove('fan', 'drama-17');
    expect(await lists[0]!.entry('fan', 'drama-17')).toBeUndefined();
    expect(await lists[0]!.list('someone-else')).toEqual([]);
  });

  it('keeps settings and follows that two admins change at once', async () => {
    const [a, b] = await twoProcesses();
    const first = new AlertSettingsStore(a, silent);
    const second = new AlertSettingsStore(b, silent);
    await Promise.all([
      first.setChannel('g1', 'c1', 'ko'),
      second.setTime('g1', { hour: 7, timeZone: 'Europe/Berlin' }),
      ...Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).follow('g1', `d${i}`, i)),
    ]);
    expect(await second.settings('g1')).toEqual({
      channelId: 'c1',
      locale: 'ko',
      hour: 7,
      timeZone: 'Europe/Berlin',
      follows: ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'],
    });
    expect(await first.unfollow('g1', 'd3')).toBe(true);
    expect(await first.unfollow('g1', 'd3')).toBe(false);
  });

  it('posts a digest once when two processes reach its minute together', async () => {
    const [a, b] = await twoProcesses();
    const settings = new AlertSettingsStore(a, silent);
    await settings.setChannel('g1', 'c1', undefined);
    await settings.follow('g1', drama.id, 0);
    const posted: string[] = [];
    const poster: AlertPoster = {
      async postDigest(target, plan) {
        await new Promise((resolve) => setTimeout(resolve, 20)); // Discord takes a moment
        posted.push(`${target.guildId}:${plan.date}`);
      },
      async sendReminder() {},
    };
    const at = Date.parse('2025-03-07T11:00:00Z'); // 20:00 in Seoul, the default zone
    const schedulers = [a, b].map(
      (records) =>
        new AlertScheduler({
          source: {
            digestTargets: () => new AlertSettingsStore(records, silent).digestTargets(),
            recordDigest: (g, o) => new AlertSettingsStore(records, silent).recordDigest(g, o),
            reminderTargets: async () => [],
            disableReminders: async () => {},
          },
          claims: new Claims(records),
          lookup: (id) => (id === drama.id ? drama : undefined),
          poster,
          logger: silent,
          now: () => at,
        }),
    );
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(posted).toEqual(['g1:2025-03-07']);
    expect((await settings.settings('g1')).last).toMatchObject({ date: '2025-03-07' });
  });
});
