import type { DailyTime } from '../alerts/airing.ts';
import type { ReminderTarget } from '../alerts/scheduler.ts';
import type { Logger } from '../logger.ts';
import type { Records } from '../store/records.ts';
import { GuardedRecords } from '../store/store-guard.ts';
import { resolveTimeZone } from '../time/zones.ts';
import { parseEntry, remindedDramaIds, serializeEntry, type WatchEntry } from './watchlist.ts';

// Each entry is its own record, written in one atomic operation, so two processes (or two quick
// presses) never overwrite each other. One map per member for the list (member = drama id) and one for their settings; one map of
// every member with reminders on, so the scheduler reads one record per member, not every key.
const listKey = (userId: string) => `u:${userId}:watchlist`;
const prefsKey = (userId: string) => `u:${userId}:prefs`;
const REMINDERS = 'reminders';

const PUBLIC = 'public';
const REMIND = 'remind';
const NOTICE = 'notice';

function parseTime(text: string | undefined): DailyTime | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<DailyTime>;
    const hour = Number(value.hour);
    const zone = typeof value.timeZone === 'string' ? resolveTimeZone(value.timeZone) : undefined;
    return Number.isInteger(hour) && hour >= 0 && hour <= 23 && zone ? { hour, timeZone: zone } : undefined;
  } catch {
    return undefined;
  }
}

/** Members' watchlists and reminder settings. They belong to the member, the same in every server and in DMs. */
export class Watchlists extends GuardedRecords {
  constructor(records: Records, logger: Logger) {
    super(records, logger, 'watchlist');
  }

  /** The whole list; an entry that does not read back is skipped and logged, never fatal. */
  async list(userId: string): Promise<WatchEntry[]> {
    const stored = await this.guard.run(false, () => this.records.entries(listKey(userId)));
    const entries: WatchEntry[] = [];
    for (const [dramaId, text] of stored) {
      const entry = parseEntry(dramaId, text);
      if (entry) entries.push(entry);
      else this.logger.warn('skipped a watchlist entry that does not read back', { user: userId, drama: dramaId });
    }
    return entries;
  }

  async entry(userId: string, dramaId: string): Promise<WatchEntry | undefined> {
    const text = await this.guard.run(false, () => this.records.get(listKey(userId), dramaId));
    return text === undefined ? undefined : parseEntry(dramaId, text);
  }

  /** Resolves once the entry is written: only then is the member told it was saved. */
  async save(userId: string, entry: WatchEntry): Promise<void> {
    await this.guard.run(true, () => this.records.put(listKey(userId), entry.dramaId, serializeEntry(entry)));
  }

  async remove(userId: string, dramaId: string): Promise<void> {
    await this.guard.run(true, () => this.records.remove(listKey(userId), dramaId));
  }

  async isPublic(userId: string): Promise<boolean> {
    return (await this.guard.run(false, () => this.records.get(prefsKey(userId), PUBLIC))) === 'true';
  }

  async setPublic(userId: string, visible: boolean): Promise<void> {
    await this.guard.run(true, () => this.records.put(prefsKey(userId), PUBLIC, String(visible)));
  }

  async reminder(userId: string): Promise<DailyTime | undefined> {
    return parseTime(await this.guard.run(false, () => this.records.get(prefsKey(userId), REMIND)));
  }

  /** Turns reminders on at a daily time, or off (undefined). */
  async setReminder(userId: string, time: DailyTime | undefined): Promise<void> {
    await this.guard.run(true, async () => {
      if (time) {
        const text = JSON.stringify(time);
        await this.records.put(prefsKey(userId), REMIND, text);
        await this.records.put(REMINDERS, userId, text);
      } else {
        await this.records.remove(REMINDERS, userId);
        await this.records.remove(prefsKey(userId), REMIND);
      }
      await this.records.remove(prefsKey(userId), NOTICE);
    });
  }

  /** Discord refused the DM: reminders go off, and a notice waits for the member's next command. */
  async disableReminders(userId: string, reason: string): Promise<void> {
    await this.guard.run(true, async () => {
      await this.records.remove(REMINDERS, userId);
      await this.records.remove(prefsKey(userId), REMIND);
      await this.records.put(prefsKey(userId), NOTICE, reason);
    });
  }

  /** The waiting notice, removed as it is read, so it is shown once. */
  async takeNotice(userId: string): Promise<string | undefined> {
    const notice = await this.guard.run(false, () => this.records.get(prefsKey(userId), NOTICE));
    if (notice !== undefined) await this.guard.run(true, () => this.records.remove(prefsKey(userId), NOTICE));
    return notice;
  }

  /** Every member with reminders on, with the dramas their reminder covers. */
  async reminderTargets(): Promise<ReminderTarget[]> {
    const members = await this.guard.run(false, () => this.records.entries(REMINDERS));
    const targets: ReminderTarget[] = [];
    for (const [userId, text] of members) {
      const time = parseTime(text);
      if (!time) continue;
      const dramaIds = remindedDramaIds(await this.list(userId));
      if (dramaIds.length > 0) targets.push({ userId, ...time, dramaIds });
    }
    return targets;
  }
}
