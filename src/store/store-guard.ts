import type { z } from 'zod';
import type { Logger } from '../logger.ts';
import type { Records } from './records.ts';
import { StoreUnavailable, type StoreFeature } from '../errors.ts';

/** Longer than a healthy SQLite or Redis ever takes, short enough to answer within Discord's 3 s. */
const READ_TIMEOUT_MS = 1_500;
/**
 * A write not acknowledged by then is reported as not saved, within Discord's 3 s. The backends
 * drop (SQLite) or roll back (Postgres) a write that could not finish by then, and Redis queues
 * nothing while disconnected, so "nothing was saved" stays true.
 */
const WRITE_TIMEOUT_MS = 2_500;

/** Logs a store outage once per burst: the first failure, then a count when it ends or each minute. */
export class OutageLog {
  private failingSince?: number;
  /** Writes failed in this outage: only a write that succeeds ends it (reads may work on a read-only file). */
  private writesFailing = false;
  private suppressed = 0;
  private lastLog = 0;

  constructor(
    private readonly logger: Logger,
    private readonly feature: StoreFeature = 'ratings',
    private readonly quietMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  failed(error: unknown, writing = false): void {
    const now = this.now();
    this.writesFailing ||= writing;
    if (this.failingSince === undefined || now - this.lastLog >= this.quietMs) {
      this.logger.error(`${this.feature} store unavailable`, {
        error: error as Error,
        ...(this.suppressed ? { repeated: this.suppressed } : {}),
      });
      this.failingSince ??= now;
      this.lastLog = now;
      this.suppressed = 0;
    } else this.suppressed += 1;
  }

  succeeded(writing = false): void {
    if (this.failingSince === undefined || (this.writesFailing && !writing)) return;
    this.logger.info(`${this.feature} store is back`, {
      down_ms: this.now() - this.failingSince,
      failures_not_logged: this.suppressed,
    });
    this.failingSince = undefined;
    this.writesFailing = false;
    this.suppressed = 0;
  }
}

/**
 * Runs store operations for one feature: a failure becomes StoreUnavailable (which the router
 * turns into one short private line) and is logged once per outage. Reads give up after
 * READ_TIMEOUT_MS and writes after WRITE_TIMEOUT_MS, so a slow store cannot break the 3-second rule.
 */
export class StoreGuard {
  private readonly outage: OutageLog;

  constructor(
    logger: Logger,
    private readonly feature: StoreFeature,
  ) {
    this.outage = new OutageLog(logger, feature);
  }

  async run<T>(
    writing: boolean,
    work: () => Promise<T>,
    timeoutMs: number = writing ? WRITE_TIMEOUT_MS : READ_TIMEOUT_MS,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the store within ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([work(), timeout]);
      this.outage.succeeded(writing);
      return result;
    } catch (error) {
      this.outage.failed(error, writing);
      throw new StoreUnavailable((error as Error).message, writing, this.feature, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What a feature keeping records in the store starts from: the records, a guard, a reader that skips bad data. */
export abstract class GuardedRecords {
  protected readonly guard: StoreGuard;

  constructor(
    protected readonly records: Records,
    protected readonly logger: Logger,
    private readonly feature: StoreFeature,
  ) {
    this.guard = new StoreGuard(logger, feature);
  }

  /**
   * Parses one stored value. A value of the wrong shape (written by hand, by an old version, or
   * damaged) is logged and skipped: one bad record must not take the feature down.
   */
  protected parse<T>(schema: z.ZodType<T>, text: string | undefined, where: string): T | undefined {
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.logger.warn(`skipped a malformed ${this.feature} record`, { record: where, value: text.slice(0, 200) });
    return undefined;
  }
}
