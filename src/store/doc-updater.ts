import type Keyv from 'keyv';

/**
 * Read-modify-write of Keyv documents without lost updates. Keyv has no compare-and-set
 * (keyv#756), so every update of a key goes through one queue in this process: a batch reads the
 * document once, applies every queued change in order, writes once, and only then resolves each
 * caller. A burst of 1,000 updates of one key becomes a handful of writes, and none is lost.
 *
 * This is safe because one process owns each key: keys are per server, and Discord sends all of a
 * server's interactions to the one shard (process) that holds it.
 */
/** Changes the document (in place or not) and returns it; returning undefined deletes it. */
export type Mutation<T> = (current: T | undefined) => T | undefined;

interface Pending<T> {
  mutate: Mutation<T>;
  resolve: (written: T | undefined) => void;
  reject: (error: unknown) => void;
}

export class DocUpdater {
  // biome-ignore lint/suspicious/noExplicitAny: one queue per key, each key's document type is known only to its caller
  private readonly queues = new Map<string, Array<Pending<any>>>();

  constructor(private readonly store: Keyv) {}

  /**
   * Applies `mutate` to the document at `key` and stores the result. Resolves once it is written,
   * with the document as written (which includes the changes batched with this one). A document
   * left as it was is not written again. The mutation sees what it needs of the document before it
   * (a member's previous rating) when it runs.
   */
  update<T>(key: string, mutate: Mutation<T>): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ mutate, resolve, reject });
        return;
      }
      this.queues.set(key, [{ mutate, resolve, reject }]);
      void this.drain<T>(key);
    });
  }

  private async drain<T>(key: string): Promise<void> {
    // The queue stays in the map while a batch runs, so updates arriving meanwhile join the next batch.
    for (;;) {
      const batch = this.queues.get(key)!.splice(0) as Array<Pending<T>>;
      if (batch.length === 0) {
        this.queues.delete(key);
        return;
      }
      try {
        const stored = (await this.store.get<T>(key)) ?? undefined;
        let doc: T | undefined = stored === undefined ? undefined : (structuredClone(stored) as T);
        for (const p of batch) doc = p.mutate(doc);
        if (doc === undefined && stored !== undefined) await this.store.delete(key);
        else if (doc !== undefined && JSON.stringify(doc) !== JSON.stringify(stored)) await this.store.set(key, doc);
        for (const p of batch) p.resolve(doc);
      } catch (error) {
        // Nothing of this batch was written (a Keyv set is one statement): every caller hears so.
        for (const p of batch) p.reject(error);
      }
    }
  }
}
