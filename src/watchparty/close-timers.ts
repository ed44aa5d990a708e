/**
 * One timer per open poll, firing at its deadline. setTimeout cannot wait longer than about 24.8
 * days, so long waits are chained. Timers do not keep the process alive: the gateway does.
 */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class CloseTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => number = Date.now) {}

  at(key: string, when: number, fire: () => void): void {
    this.cancel(key);
    const delay = Math.min(Math.max(when - this.now(), 0), MAX_TIMEOUT_MS);
    const timer = setTimeout(() => {
      if (when > this.now()) this.at(key, when, fire);
      else {
        this.timers.delete(key);
        fire();
      }
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
