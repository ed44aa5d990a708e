import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { openRecords } from '../../src/store/open-store.ts';
import { ROOT } from '../support/spawn.ts';
import { onEveryBackend } from '../support/stores.ts';

/** Starts a burst process; resolves with what it acknowledged once it exits (or is killed). */
function burst(url: string, who: string, total: number, killAfter?: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/fixtures/rating-burst.ts'), url, String(total), who],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acked = new Set<string>();
  const failed: string[] = [];
  let buffered = '';
  const done = new Promise<{ acked: Set<string>; failed: string[] }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve({ acked, failed }));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.add(line.slice(4));
        else if (line.startsWith('fail ')) failed.push(line.slice(5));
      }
      // Kill -9 once a good part of the burst is acknowledged, while more are in flight.
      if (killAfter !== undefined && acked.size >= killAfter && !child.killed) child.kill('SIGKILL');
    });
  });
  return { child, done };
}

onEveryBackend('two processes rating at once, one killed in the middle of its burst', (fresh) => {
  it('keeps every rating either process acknowledged, and the counts agree with the ratings', async () => {
    const url = fresh();
    const killed = burst(url, 'k', 20_000, 600);
    const survivor = burst(url, 's', 1_000);
    const [{ acked: fromKilled }, { acked: fromSurvivor, failed }] = await Promise.all([killed.done, survivor.done]);
    expect(fromKilled.size).toBeGreaterThanOrEqual(600);
    // Every rating of the survivor is answered: saved, or (a store too slow under load) not saved.
    expect(fromSurvivor.size + failed.length).toBe(1_000);
    // Most are saved; how many a loaded machine refuses as "not saved" varies run to run, so the
    // bound is loose: what must hold exactly is below (nothing acknowledged is lost).
    expect(fromSurvivor.size, failed.slice(0, 3).join('; ')).toBeGreaterThan(500);

    const records = await openRecords(url);
    try {
      const ratings = new Ratings(records, createLogger({ level: 'error' }));
      const stored = new Set(Object.keys((await ratings.dramaRatings('g1', 'soundtrack-1'))?.byMember ?? {}));
      const missing = [...fromKilled, ...fromSurvivor].filter((user) => !stored.has(user));
      expect(missing).toEqual([]);
      expect((await ratings.summary('g1', 'soundtrack-1')).count).toBe(stored.size);
    } finally {
      await records.close();
    }
  }, 90_000);
});
