import type { Logger } from '../logger.ts';
import { type DailyPlan, type DailyTime, type DramaLookup, airingsOn, dueToday, yesterday } from './airing.ts';

/** A server's episode-alert settings, as the scheduler needs them. */
export interface DigestTarget extends DailyTime {
  guildId: string;
  channelId: string;
  roleId?: string;
  /** The language the digest is written in (the server's, when its channel was set). */
  locale?: string;
  follows: readonly string[];
  /** The last local day a digest was handled for (posted, or refused by Discord). */
  lastDate?: string;
}

/** A member who wants a DM on the days their watchlist dramas air. */
export interface ReminderTarget extends DailyTime {
  userId: string;
  dramaIds: readonly string[];
}

/** What the scheduler reads and records; the store behind it keeps each piece as its own record. */
export interface AlertSource {
  digestTargets(): Promise<DigestTarget[]>;
  reminderTargets(): Promise<ReminderTarget[]>;
  recordDigest(guildId: string, outcome: DigestOutcome): Promise<void>;
  /** Discord refused the DM: reminders go off, and the member is told the next time they use a command. */
  disableReminders(userId: string, reason: string): Promise<void>;
}

export interface DigestOutcome {
  date: string;
  at: number;
  /** Why Discord refused the post ("missing Send Messages in #alerts"); absent when it was posted. */
  error?: string;
}

/** Exactly-once jobs across processes (a claim in the shared store). */
export interface JobClaims {
  once<T>(job: string, times: { ttlMs: number; keepMs: number }, work: () => Promise<T>): Promise<{ ran: boolean }>;
}

/** Discord refused the message for a reason that retrying will not fix (permissions, deleted channel, closed DMs). */
export class PostRefused extends Error {
  override name = 'PostRefused';
}

/** Discord I/O, injected: the scheduler never renders or sends anything itself. */
export interface AlertPoster {
  postDigest(target: DigestTarget, plan: DailyPlan): Promise<void>;
  sendReminder(target: ReminderTarget, plan: DailyPlan): Promise<void>;
}

export interface TickReport {
  digests: number;
  reminders: number;
  refused: number;
  retried: number;
}

const CLAIM = { ttlMs: 2 * 60_000, keepMs: 3 * 86_400_000 };

/**
 * Posts each server's daily digest and each member's reminder once, at its local hour. Every job
 * is claimed in the store before it is sent, so restarts, shards and overlapping processes never
 * post it twice; a job that failed for a passing reason is released and tried again on the next
 * tick, while its local day lasts.
 */
export class AlertScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;
  private checkedSkips = false;

  constructor(
    private readonly deps: {
      source: AlertSource;
      claims: JobClaims;
      lookup: DramaLookup;
      poster: AlertPoster;
      logger: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** One pass over every server and member; overlapping calls share the pass in flight. */
  tick(): Promise<TickReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(intervalMs: number): void {
    void this.tick().catch((error) => this.deps.logger.error('alert pass failed', { error }));
    this.timer = setInterval(() => {
      void this.tick().catch((error) => this.deps.logger.error('alert pass failed', { error }));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => {});
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { digests: 0, reminders: 0, refused: 0, retried: 0 };
    const now = this.now();
    const { source, lookup, logger } = this.deps;
    const digests = await source.digestTargets();
    if (!this.checkedSkips) {
      this.checkedSkips = true;
      for (const target of digests) this.logSkippedDay(target, now);
    }
    for (const target of digests) {
      const plan = dueToday(target, target.follows, lookup, now);
      if (!plan || target.lastDate === plan.date) continue;
      await this.runJob(`digest:${target.guildId}:${plan.date}`, report, async () => {
        try {
          await this.deps.poster.postDigest(target, plan);
          await source.recordDigest(target.guildId, { date: plan.date, at: this.now() });
          report.digests++;
          logger.info('episode digest posted', { guild: target.guildId, date: plan.date, dramas: plan.airings.length });
        } catch (error) {
          if (!(error instanceof PostRefused)) throw error;
          report.refused++;
          await source.recordDigest(target.guildId, { date: plan.date, at: this.now(), error: error.message });
          logger.warn('episode digest refused by Discord', { guild: target.guildId, reason: error.message });
        }
      });
    }
    for (const target of await source.reminderTargets()) {
      const plan = dueToday(target, target.dramaIds, lookup, now);
      if (!plan) continue;
      await this.runJob(`remind:${target.userId}:${plan.date}`, report, async () => {
        try {
          await this.deps.poster.sendReminder(target, plan);
          report.reminders++;
        } catch (error) {
          if (!(error instanceof PostRefused)) throw error;
          report.refused++;
          await source.disableReminders(target.userId, error.message);
          logger.info('reminders turned off: Discord refused the DM', { user: target.userId });
        }
      });
    }
    return report;
  }

  /** A failure that retrying may fix (Discord 5xx, the store blinking) releases the claim for the next tick. */
  private async runJob(job: string, report: TickReport, work: () => Promise<void>): Promise<void> {
    try {
      await this.deps.claims.once(job, CLAIM, work);
    } catch (error) {
      report.retried++;
      this.deps.logger.warn('alert job failed, will retry', { job, reason: (error as Error).message });
    }
  }

  /** A digest whose whole local day passed while the bot was down is not posted late: it is logged. */
  private logSkippedDay(target: DigestTarget, now: number): void {
    const day = yesterday(target, now);
    if (target.lastDate !== undefined && target.lastDate >= day) return;
    if (airingsOn(target.follows, this.deps.lookup, day).length === 0) return;
    this.deps.logger.warn('episode digest skipped: the bot was down through its local day', {
      guild: target.guildId,
      date: day,
    });
  }
}
