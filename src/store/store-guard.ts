import type Keyv from 'keyv';
import type { Logger } from '../logger.ts';
import { DocUpdater } from './doc-updater.ts';
import { StoreUnavailable, type StoreFeature } from '../errors.ts';

/** Longer than a healthy SQLite or Redis ever takes, short enough to answer within Discord's 3 s. */
const READ_TIMEOUT_MS = 1_500;

/** Logs a store outage once per burst: the first failure, then a count when it ends or each minute. */
export class OutageLog {
  private failingSince?: number;
  private suppressed = 0;
  private lastLog = 0;

  constructor(
    private readonly logger: Logger,
    private readonly feature: StoreFeature = 'ratings',
    private readonly quietMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  failed(error: unknown): void {
    const now = this.now();
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

  succeeded(): void {
    if (this.failingSince === undefined) return;
    this.logger.info(`${this.feature} store is back`, {
      down_ms: this.now() - this.failingSince,
      failures_not_logged: this.suppressed,
    });
    this.failingSince = undefined;
    this.suppressed = 0;
  }
}

/**
 * Runs store operations for one feature: a failure becomes StoreUnavailable (which the router
 * turns into one short private line) and is logged once per outage. Reads give up after
 * READ_TIMEOUT_MS so a slow store cannot break the 3-second rule; writes (answered after a
 * deferred reply) wait as long as the store does, unless the caller must answer first.
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
    timeoutMs: number | undefined = writing ? undefined : READ_TIMEOUT_MS,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        if (timeoutMs !== undefined)
          timer = setTimeout(() => reject(new Error(`no answer from the store within ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([work(), timeout]);
      this.outage.succeeded();
      return result;
    } catch (error) {
      this.outage.failed(error);
      throw new StoreUnavailable((error as Error).message, writing, this.feature, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What a feature keeping documents in the store starts from: its update queue and its guard. */
export abstract class GuardedDocuments {
  protected readonly docs: DocUpdater;
  protected readonly guard: StoreGuard;

  constructor(
    protected readonly store: Keyv,
    logger: Logger,
    feature: StoreFeature,
  ) {
    this.docs = new DocUpdater(store);
    this.guard = new StoreGuard(logger, feature);
  }
}
