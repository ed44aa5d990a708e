import { getOrCreate } from '../get-or-create.ts';

/**
 * Coalesces edits of one message. A burst of 200 votes must not become 200 edits (Discord allows
 * about 5 edits per 5 s in a channel, and the tally would lag behind anyway): a requested edit
 * waits `intervalMs`, and every request arriving meanwhile replaces it, so the edit that is sent
 * shows the latest state. At most one edit per key is in flight, one is pending, and they are sent
 * in order. `final` (the closed poll) waits for the edit in flight, drops the pending one and
 * ends the key: no older tally can land after it.
 */
type Send = () => Promise<void>;

const FINAL_KEPT_MS = 60_000;

interface Slot {
  pending?: Send;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  final?: boolean;
}

export class CoalescedEdits {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  /** Asks for an edit; `send` renders the latest state when it runs. */
  request(key: string, send: Send): void {
    const slot = getOrCreate(this.slots, key, () => ({}));
    if (slot.final) return;
    slot.pending = send;
    if (!slot.timer && !slot.running) this.arm(key, slot);
  }

  /** The last edit of a key, after the one in flight; later requests for it are ignored. */
  async final(key: string, send: Send): Promise<void> {
    const slot = getOrCreate(this.slots, key, () => ({}));
    slot.final = true;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.pending = undefined;
    await slot.running;
    try {
      await send();
    } finally {
      // Stays final for a while, so a late request (an old tally) cannot land after it.
      const ended = slot;
      setTimeout(() => this.slots.get(key) === ended && this.slots.delete(key), FINAL_KEPT_MS).unref();
    }
  }

  /** Sends every pending edit now (on shutdown, so no tally is left stale). */
  async flush(): Promise<void> {
    const sends: Array<Promise<void>> = [];
    for (const [key, slot] of this.slots) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      sends.push((slot.running ?? Promise.resolve()).then(() => this.run(key, slot)));
    }
    await Promise.allSettled(sends);
  }

  /** How many keys have an edit pending or in flight. */
  get busy(): number {
    return [...this.slots.values()].filter((slot) => !slot.final).length;
  }

  private arm(key: string, slot: Slot): void {
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.run(key, slot);
    }, this.intervalMs);
    slot.timer.unref();
  }

  private async run(key: string, slot: Slot): Promise<void> {
    const send = slot.pending;
    slot.pending = undefined;
    if (!send || slot.final) return;
    const running = send().catch((error: unknown) => this.onError(key, error));
    slot.running = running;
    await running;
    slot.running = undefined;
    if (slot.final) return;
    // Requests that came in while this edit was on its way wait one interval more.
    if (slot.pending) this.arm(key, slot);
    else if (this.slots.get(key) === slot) this.slots.delete(key);
  }
}
