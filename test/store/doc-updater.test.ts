import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { DocUpdater } from '../../src/store/doc-updater.ts';

/** A Keyv whose adapter counts writes and can be made to fail. */
function countingStore() {
  const map = new Map<string, unknown>();
  const stats = { sets: 0, fail: false };
  const store = new Keyv({
    store: {
      get: async (k: string) => map.get(k),
      set: async (k: string, v: unknown) => {
        if (stats.fail) throw new Error('SQLITE_FULL: database or disk is full');
        stats.sets += 1;
        map.set(k, v);
        return true;
      },
      delete: async (k: string) => map.delete(k),
      clear: async () => map.clear(),
    } as never,
    throwOnErrors: true,
  });
  return { store, stats };
}

describe('DocUpdater', () => {
  it('loses no update when 1,000 callers change one document at once, and writes in a few batches', async () => {
    const { store, stats } = countingStore();
    const docs = new DocUpdater(store);
    await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        docs.update<{ n: number; who: number[] }>('k', (d) => ({ n: (d?.n ?? 0) + 1, who: [...(d?.who ?? []), i] })),
      ),
    );
    const stored = await store.get<{ n: number; who: number[] }>('k');
    expect(stored!.n).toBe(1_000);
    expect(new Set(stored!.who).size).toBe(1_000);
    expect(stats.sets).toBeLessThan(20);
  });

  it('resolves each caller only after the write that holds its change', async () => {
    const { store } = countingStore();
    const docs = new DocUpdater(store);
    const written = await docs.update<{ a: number }>('k', () => ({ a: 1 }));
    expect(written).toEqual({ a: 1 });
    expect(await store.get('k')).toEqual({ a: 1 });
  });

  it('rejects every caller of a batch whose write failed, and recovers for the next', async () => {
    const { store, stats } = countingStore();
    const docs = new DocUpdater(store);
    stats.fail = true;
    const results = await Promise.allSettled([docs.update('k', () => ({ a: 1 })), docs.update('k', () => ({ a: 2 }))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await store.get('k')).toBeUndefined();
    stats.fail = false;
    await docs.update<{ a: number }>('k', (d) => ({ a: (d?.a ?? 0) + 10 }));
    expect(await store.get('k')).toEqual({ a: 10 });
  });

  it('does not write a document that did not change, and deletes one that became undefined', async () => {
    const { store, stats } = countingStore();
    const docs = new DocUpdater(store);
    await docs.update('k', () => ({ a: 1 }));
    await docs.update<{ a: number }>('k', (d) => d);
    expect(stats.sets).toBe(1);
    await docs.update('k', () => undefined);
    expect(await store.get('k')).toBeUndefined();
  });
});
