/**
 * Keeps requests under a rate and a concurrency bound: each start waits for a free slot and for
 * its turn in time (one start every 1000/rps ms), so a burst of series never exceeds TMDB's ~40
 * requests per second. A 429 pushes every later start back by its Retry-After.
 */
export class RequestPacer {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly options: { concurrency: number; perSecond: number },
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Nobody starts before `ms` from now (the server asked us to wait). */
  holdFor(ms: number): void {
    this.nextStart = Math.max(this.nextStart, this.now() + ms);
  }

  private async acquire(): Promise<void> {
    while (this.active >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    const start = Math.max(this.now(), this.nextStart);
    this.nextStart = start + 1000 / this.options.perSecond;
    const wait = start - this.now();
    if (wait > 0) await sleep(wait);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
