import type { Logger } from '../logger.ts';
import type { Records } from '../store/records.ts';
import { GuardedRecords } from '../store/store-guard.ts';
import { DEFAULT_TIME_ZONE, resolveTimeZone } from '../time/zones.ts';
import type { DailyTime } from './airing.ts';
import type { DigestOutcome, DigestTarget } from './scheduler.ts';

/** A server's episode-alert setup. */
export interface AlertSettings extends DailyTime {
  channelId?: string;
  roleId?: string;
  /** The server's language when the channel was set, for the digest's words. */
  locale?: string;
  follows: string[];
  last?: DigestOutcome;
}

const DEFAULT_DIGEST_HOUR = 20;
/** A digest lists at most this many dramas a day; more would not fit one message's buttons. */
export const MAX_FOLLOWS = 25;

// Each setting is its own record (one map per server), each followed drama too: two admins
// changing the channel and following a drama at once both land.
const settingsKey = (guildId: string) => `g:${guildId}:alerts`;
const followsKey = (guildId: string) => `g:${guildId}:alert-follows`;
const ALERT_GUILDS = 'alert-guilds';

function json<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export class AlertSettingsStore extends GuardedRecords {
  constructor(records: Records, logger: Logger) {
    super(records, logger, 'alerts');
  }

  async settings(guildId: string): Promise<AlertSettings> {
    const [stored, follows] = await this.guard.run(false, () =>
      Promise.all([this.records.entries(settingsKey(guildId)), this.records.entries(followsKey(guildId))]),
    );
    const time = json<Partial<DailyTime>>(stored.get('time'));
    const hour = Number(time?.hour);
    const last = json<DigestOutcome>(stored.get('last'));
    return {
      hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_DIGEST_HOUR,
      timeZone: (time?.timeZone && resolveTimeZone(time.timeZone)) || DEFAULT_TIME_ZONE,
      ...(stored.get('channel') ? { channelId: stored.get('channel')! } : {}),
      ...(stored.get('role') ? { roleId: stored.get('role')! } : {}),
      ...(stored.get('locale') ? { locale: stored.get('locale')! } : {}),
      ...(last?.date ? { last } : {}),
      follows: [...follows.keys()].sort(),
    };
  }

  async setChannel(guildId: string, channelId: string, locale: string | undefined): Promise<void> {
    await this.guard.run(true, async () => {
      await this.records.put(settingsKey(guildId), 'channel', channelId);
      if (locale) await this.records.put(settingsKey(guildId), 'locale', locale);
      await this.records.put(ALERT_GUILDS, guildId, '1');
    });
  }

  async setTime(guildId: string, time: DailyTime): Promise<void> {
    await this.guard.run(true, () => this.records.put(settingsKey(guildId), 'time', JSON.stringify(time)));
  }

  async setRole(guildId: string, roleId: string | undefined): Promise<void> {
    await this.guard.run(true, async () => {
      if (roleId) await this.records.put(settingsKey(guildId), 'role', roleId);
      else await this.records.remove(settingsKey(guildId), 'role');
    });
  }

  /** 'full' when the server already follows MAX_FOLLOWS dramas. */
  async follow(guildId: string, dramaId: string, now: number): Promise<'followed' | 'full'> {
    const follows = await this.guard.run(false, () => this.records.entries(followsKey(guildId)));
    if (!follows.has(dramaId) && follows.size >= MAX_FOLLOWS) return 'full';
    await this.guard.run(true, () => this.records.put(followsKey(guildId), dramaId, JSON.stringify({ at: now })));
    return 'followed';
  }

  async unfollow(guildId: string, dramaId: string): Promise<boolean> {
    const was = await this.guard.run(false, () => this.records.get(followsKey(guildId), dramaId));
    if (was === undefined) return false;
    await this.guard.run(true, () => this.records.remove(followsKey(guildId), dramaId));
    return true;
  }

  async recordDigest(guildId: string, outcome: DigestOutcome): Promise<void> {
    await this.guard.run(true, () => this.records.put(settingsKey(guildId), 'last', JSON.stringify(outcome)));
  }

  /** Every server with a digest channel and at least one followed drama. */
  async digestTargets(): Promise<DigestTarget[]> {
    const guilds = await this.guard.run(false, () => this.records.entries(ALERT_GUILDS));
    const targets: DigestTarget[] = [];
    for (const guildId of guilds.keys()) {
      try {
        const s = await this.settings(guildId);
        if (!s.channelId || s.follows.length === 0) continue;
        targets.push({
          guildId,
          channelId: s.channelId,
          hour: s.hour,
          timeZone: s.timeZone,
          follows: s.follows,
          ...(s.roleId ? { roleId: s.roleId } : {}),
          ...(s.last ? { lastDate: s.last.date } : {}),
          ...(s.locale ? { locale: s.locale } : {}),
        });
      } catch (error) {
        this.logger.warn('could not read a server’s alert settings', {
          guild: guildId,
          reason: (error as Error).message,
        });
      }
    }
    return targets;
  }
}
