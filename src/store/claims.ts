import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Records } from './records.ts';

/**
 * Exactly-once work across processes: before doing a scheduled job (close a poll at its deadline,
 * send an episode alert), a process claims the job in the shared store. One process gets the
 * claim; the others skip the job. The claim expires, so if its holder dies half-way another
 * process takes the job over after `ttlMs`; once the work is done the claim is marked finished and
 * nobody runs the job again for `keepMs`.
 *
 * Claims do not replace idempotent work: a holder that stalls longer than `ttlMs` (a long GC
 * pause, a frozen VM) can overlap the next holder, so the job itself should also check its own
 * state (a poll already announced is not announced again).
 */
export type ClaimOutcome<T> = { ran: true; value: T } | { ran: false };

export class Claims {
  /** This process, as the holder of its claims: machine, pid and a random part (pids repeat across machines). */
  readonly owner: string;

  constructor(
    private readonly records: Records,
    owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  ) {
    this.owner = owner;
  }

  /** Takes the job if nobody holds it and it is not finished; true when this process now holds it. */
  take(job: string, ttlMs: number): Promise<boolean> {
    return this.records.claim(job, this.owner, ttlMs);
  }

  finish(job: string, keepMs: number): Promise<void> {
    return this.records.finishClaim(job, this.owner, keepMs);
  }

  release(job: string): Promise<void> {
    return this.records.releaseClaim(job, this.owner);
  }

  /**
   * Runs `work` if this process gets the job: on success the job is finished (kept `keepMs`), on
   * failure released at once so another process (or a retry) can take it.
   */
  async once<T>(
    job: string,
    { ttlMs, keepMs }: { ttlMs: number; keepMs: number },
    work: () => Promise<T>,
  ): Promise<ClaimOutcome<T>> {
    if (!(await this.take(job, ttlMs))) return { ran: false };
    let value: T;
    try {
      value = await work();
    } catch (error) {
      await this.release(job).catch(() => {});
      throw error;
    }
    await this.finish(job, keepMs);
    return { ran: true, value };
  }
}
