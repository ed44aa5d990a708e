import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratingKeys, type DramaRatings } from '../../src/ratings/keys.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT } from '../support/spawn.ts';

describe('a process killed in the middle of a burst of ratings', () => {
  it('keeps every rating it acknowledged, in the one document the counts come from', async () => {
    const file = join(tempDir(), 'crash.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/rating-burst.ts'), file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked = new Set<string>();
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acked.add(line.slice(4));
        // Kill -9 once a good part of the burst is acknowledged, while more are in flight.
        if (acked.size >= 1_000 && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(acked.size).toBeGreaterThanOrEqual(1_000);

    const store = await openStore(`sqlite://${file}`);
    try {
      const doc = await store.get<DramaRatings>(ratingKeys.drama('g1', 'soundtrack-1'));
      const stored = new Set(Object.keys(doc?.byMember ?? {}));
      const missing = [...acked].filter((user) => !stored.has(user));
      expect(missing).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acked.size);
      expect((await store.get<{ dramaIds: string[] }>(ratingKeys.ratedIndex('g1')))?.dramaIds).toEqual([
        'soundtrack-1',
      ]);
    } finally {
      await store.disconnect();
    }
  }, 60_000);
});
