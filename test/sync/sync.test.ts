import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-catalog.ts';
import { readState, snapshotFile } from '../../src/sync/synced-files.ts';
import { summaryLine, syncCatalog } from '../../src/sync/sync.ts';
import { TmdbClient } from '../../src/sync/tmdb-client.ts';
import { startFakeTmdb, type FakeTmdb } from '../fake-tmdb/server.ts';
import { ALWAYS_FAILING, BURIED_HEARTS, SOUNDTRACK_1, TANGERINES } from '../fake-tmdb/series.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT, runScript } from '../support/spawn.ts';

let tmdb: FakeTmdb | undefined;
afterEach(async () => {
  await tmdb?.close();
  tmdb = undefined;
});

/** A data folder holding the project's curated files, so merging is exercised too. */
function dataDirWithCurated(): string {
  const dir = tempDir('dramabot-sync-');
  cpSync(join(ROOT, 'data', 'dramas'), join(dir, 'dramas'), { recursive: true });
  cpSync(join(ROOT, 'data', 'people'), join(dir, 'people'), { recursive: true });
  return dir;
}

const client = (server: FakeTmdb) =>
  new TmdbClient({ token: server.token, apiUrl: server.url, backoffMs: 5, perSecond: 200 });

const filesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(join(dir, 'tmdb', 'series'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, 'tmdb', 'series', f), 'utf8')]),
  );

describe('syncCatalog against the local TMDB', () => {
  it('writes one file per series, honours 429 and reports the series that keeps failing', async () => {
    tmdb = await startFakeTmdb({ throttledFirstTries: 2 });
    const dir = dataDirWithCurated();
    const report = await syncCatalog({ dataDir: dir, client: client(tmdb), limit: 20 });

    expect(report.counts).toEqual({ new: 3, changed: 0, unchanged: 0, failed: 1 });
    expect(report.outcomes.find((o) => o.status === 'failed')).toMatchObject({
      id: ALWAYS_FAILING.id,
      title: 'Always Failing Series',
    });
    expect(summaryLine(report)).toBe(`4 series: 3 new, 0 changed, 0 unchanged, 1 failed (ids ${ALWAYS_FAILING.id})`);
    // The first try of two series got 429; each was retried and then answered.
    const throttled = tmdb.log.filter((l) => l.endsWith('→ 429'));
    expect(throttled).toHaveLength(2);
    for (const line of throttled) expect(tmdb.log).toContain(line.replace('429', '200'));
    expect(existsSync(snapshotFile(dir, TANGERINES.id))).toBe(true);
    expect(existsSync(snapshotFile(dir, ALWAYS_FAILING.id))).toBe(false);
    expect(readState(dir)).toMatchObject({
      failed: [{ id: ALWAYS_FAILING.id, title: 'Always Failing Series' }],
      pending: [],
    });
    expect(tmdb.violations).toEqual([]);
  });

  it('keeps TMDB’s Korean overview from the same request as the details (no request per language)', async () => {
    tmdb = await startFakeTmdb({ throttledFirstTries: 0 });
    const dir = dataDirWithCurated();
    await syncCatalog({ dataDir: dir, client: client(tmdb), limit: 20 });
    const requests = tmdb.log.filter((l) => l.includes(`/tv/${TANGERINES.id}`));
    expect(requests).toEqual([`GET /3/tv/${TANGERINES.id} → 200`, `GET /3/tv/${TANGERINES.id}/season/1 → 200`]);
    const stored = JSON.parse(readFileSync(snapshotFile(dir, TANGERINES.id), 'utf8'));
    expect(stored.overviewKo).toBe(TANGERINES.overview_ko);
    expect(JSON.parse(readFileSync(snapshotFile(dir, BURIED_HEARTS.id), 'utf8')).overviewKo).toBeUndefined();
    const tangerines = loadDataset(dir).catalog.dramas.find((d) => d.tmdbId === TANGERINES.id)!;
    expect(tangerines.nativeSynopsis).toBe(TANGERINES.overview_ko);
    // The curated English synopsis stays; only what the curated file lacks comes from TMDB.
    expect(tangerines.synopsis).not.toBe(TANGERINES.overview);
    expect(tmdb.violations).toEqual([]);
  });

  it('changes nothing on a second run: same files, every series unchanged, failures retried first', async () => {
    tmdb = await startFakeTmdb();
    const dir = dataDirWithCurated();
    await syncCatalog({ dataDir: dir, client: client(tmdb), limit: 20 });
    const before = filesOf(dir);
    const state = readFileSync(join(dir, 'tmdb', 'state.json'), 'utf8');
    tmdb.log.length = 0;

    const order: number[] = [];
    const again = await syncCatalog({
      dataDir: dir,
      client: client(tmdb),
      limit: 20,
      parallel: 1,
      onSeries: (o) => order.push(o.id),
    });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, failed: 1 });
    expect(order[0]).toBe(ALWAYS_FAILING.id);
    expect(filesOf(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'tmdb', 'state.json'), 'utf8')).toBe(state);
    // Unchanged episode markers: one request per series, no season requests.
    expect(tmdb.log.filter((l) => l.includes('/season/'))).toEqual([]);
  });

  it('rewrites only the series whose facts changed', async () => {
    tmdb = await startFakeTmdb();
    const dir = dataDirWithCurated();
    await syncCatalog({ dataDir: dir, client: client(tmdb), ids: [TANGERINES.id, BURIED_HEARTS.id] });
    const buried = readFileSync(snapshotFile(dir, BURIED_HEARTS.id), 'utf8');
    tmdb.series = tmdb.series.map((s) => (s.id === TANGERINES.id ? { ...s, poster_path: '/another-poster.jpg' } : s));
    const report = await syncCatalog({ dataDir: dir, client: client(tmdb), ids: [TANGERINES.id, BURIED_HEARTS.id] });
    expect(report.outcomes.map((o) => [o.id, o.status])).toEqual([
      [TANGERINES.id, 'changed'],
      [BURIED_HEARTS.id, 'unchanged'],
    ]);
    expect(readFileSync(snapshotFile(dir, BURIED_HEARTS.id), 'utf8')).toBe(buried);
  });

  it('with --since, syncs only what TMDB lists as changed (and what was never synced)', async () => {
    tmdb = await startFakeTmdb();
    const dir = dataDirWithCurated();
    await syncCatalog({ dataDir: dir, client: client(tmdb), ids: [TANGERINES.id, SOUNDTRACK_1.id] });
    tmdb.changed = [SOUNDTRACK_1.id];
    const report = await syncCatalog({
      dataDir: dir,
      client: client(tmdb),
      limit: 20,
      since: '2026-11-20',
      today: () => '2026-11-30',
    });
    expect(report.outcomes.map((o) => o.id).sort()).toEqual(
      [SOUNDTRACK_1.id, BURIED_HEARTS.id, ALWAYS_FAILING.id].sort(),
    );
    expect(tmdb.log.some((l) => l.startsWith('GET /3/tv/changes'))).toBe(true);
  });

  it('writes nothing on a dry run', async () => {
    tmdb = await startFakeTmdb();
    const dir = dataDirWithCurated();
    const report = await syncCatalog({ dataDir: dir, client: client(tmdb), limit: 20, dryRun: true });
    expect(report.counts.new).toBe(3);
    expect(existsSync(join(dir, 'tmdb'))).toBe(false);
  });

  it('resumes after being killed half-way, and the dataset stays valid meanwhile', async () => {
    tmdb = await startFakeTmdb({ delayMs: 150, throttledFirstTries: 0 });
    const dir = dataDirWithCurated();
    const env = { TMDB_API_TOKEN: tmdb.token, TMDB_API_URL: tmdb.url, DATA_DIR: dir };
    const first = runScript('src/sync/cli.ts', ['--limit', '20'], env);
    await expect.poll(() => first.stderr(), { timeout: 20_000 }).toMatch(/\[1\/4\] new/);
    first.child.kill('SIGKILL');
    await first.exit;

    const state = readState(dir);
    expect(state.pending.length).toBeGreaterThan(0);
    expect(state.pending.length).toBeLessThan(4);
    // What was written is whole: the bot could start on it right now.
    expect(() => loadDataset(dir)).not.toThrow();

    const second = runScript('src/sync/cli.ts', ['--limit', '20'], env);
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toMatch(/resuming: \d+ series left from a run that did not finish/);
    expect(second.stdout()).toMatch(/^4 series: \d new, 0 changed, \d unchanged, 1 failed \(ids 900300\)$/m);
    expect(readState(dir).pending).toEqual([]);
    expect(Object.keys(filesOf(dir))).toEqual(['219246.json', '900100.json', '900200.json']);
  }, 40_000);

  it('says in one line where to get a token when TMDB_API_TOKEN is missing', async () => {
    const run = runScript('src/sync/cli.ts', [], {});
    expect(await run.exit).not.toBe(0);
    expect(run.stderr().trim()).toBe(
      'catalog:sync: TMDB_API_TOKEN is not set. Get a free API Read Access Token on themoviedb.org (your account → Settings → API) and put it in .env.',
    );
  });
});
