import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { openRecords } from '../../src/store/open-store.ts';
import type { Records } from '../../src/store/records.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT, runScript } from '../support/spawn.ts';
import { onEveryBackend } from '../support/stores.ts';

/** Each store fault found in one process, reproduced: what the member hears, and that nothing is lost or invented. */
const at = 1_700_000_000_000;
const opened: Records[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close().catch(() => {})));
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function ratingsAt(url: string) {
  const records = await openRecords(url);
  opened.push(records);
  const logs: string[] = [];
  return { ratings: new Ratings(records, createLogger({ level: 'debug', write: (l) => logs.push(l) })), records, logs };
}

/** The longest the event loop went without running a 10 ms timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ stallMs: number; result: PromiseSettledResult<T> }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  return { stallMs, result: result! };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite faults', () => {
  it('a DATABASE_URL file that is not a database stops the bot with one clear line, no stack', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'my watch list: goblin, vincenzo, the glory\n'.repeat(200));
    await expect(openRecords(`sqlite://${file}`)).rejects.toThrow(ConfigError);
    await expect(openRecords(`sqlite://${file}`)).rejects.toThrow(/which is not an SQLite database \(SQLITE_NOTADB\)/);
    const run = runScript('src/index.ts', [], {
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.local-discord-server-token',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DATA_DIR: `${ROOT}data`,
      DATABASE_URL: `sqlite://${file}`,
    });
    expect(await run.exit).toBe(1);
    expect(
      run
        .stderr()
        .trim()
        .split('\n')
        .filter((l) => !l.includes(' INFO ')),
    ).toEqual([
      `dramabot: DATABASE_URL points at ${file}, which is not an SQLite database (SQLITE_NOTADB): point it at a new file, or restore the store from a backup.`,
    ]);
  }, 30_000);

  it('a read-only file: writes say nothing was saved, and work again once the file is writable, logged as back only then', async () => {
    const file = join(tempDir(), 'ro.sqlite');
    const first = await ratingsAt(`sqlite://${file}`);
    await first.ratings.rate('g1', 'goblin', 'u1', { score: 9, at });
    await first.records.close();
    // Immutable: read-only even for root, who ignores file modes.
    execFileSync('chattr', ['+i', file]);
    try {
      const { ratings, logs } = await ratingsAt(`sqlite://${file}`);
      await expect(ratings.rate('g1', 'goblin', 'u2', { score: 4, at })).rejects.toMatchObject({
        name: 'StoreUnavailable',
        writing: true,
      });
      // Reads still work: that must not be reported as the store being back.
      expect((await ratings.summary('g1', 'goblin')).count).toBe(1);
      expect(logs.some((l) => l.includes('store is back'))).toBe(false);
      execFileSync('chattr', ['-i', file]);
      await ratings.rate('g1', 'goblin', 'u3', { score: 7, at });
      expect((await ratings.summary('g1', 'goblin')).count).toBe(2);
      expect(logs.filter((l) => l.includes('ratings store is back'))).toHaveLength(1);
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
  });

  it('a file locked by another process: no wait blocks the event loop, writes answer within 3 s, and work once the lock is gone', async () => {
    const file = join(tempDir(), 'locked.sqlite');
    const { ratings } = await ratingsAt(`sqlite://${file}`);
    await ratings.rate('g1', 'goblin', 'u1', { score: 9, at });
    const locker = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('sqlite3').Database)(process.argv[1]);
         db.exec('BEGIN EXCLUSIVE', (e) => { if (e) throw e; console.log('locked'); setTimeout(() => db.exec('COMMIT', () => process.exit(0)), 6000); });`,
        file,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(locker);
    await new Promise((resolve) => locker.stdout!.once('data', resolve));
    const started = performance.now();
    const { stallMs, result } = await longestStall(() =>
      Promise.all(Array.from({ length: 20 }, (_, i) => ratings.rate('g1', 'goblin', `v${i}`, { score: 5, at }))),
    );
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toMatchObject({ name: 'StoreUnavailable', writing: true });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(stallMs).toBeLessThan(250);
    await new Promise((resolve) => locker.once('exit', resolve));
    await ratings.rate('g1', 'goblin', 'u2', { score: 7, at });
    // The refused ratings were never written later.
    expect((await ratings.summary('g1', 'goblin')).count).toBe(2);
  }, 30_000);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something accepts connections on the port (a server just started). */
async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.destroy() && true));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on port ${port}`);
}

onEveryBackend('Redis stopped in the middle of a burst and started later', () => {
  it('answers each write within 3 s as not saved, never lands them later, and works again when Redis is back', async () => {
    const dir = tempDir();
    const port = await freePort();
    const startRedis = async () => {
      const server = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
        { stdio: 'ignore' },
      );
      children.push(server);
      await waitForPort(port);
      return server;
    };
    let server = await startRedis();
    const { ratings, records } = await ratingsAt(`redis://127.0.0.1:${port}`);
    await ratings.rate('g1', 'goblin', 'before', { score: 9, at });
    const burst = Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        sleep(i * 2).then(() => ratings.rate('g1', 'goblin', `b${i}`, { score: 5, at })),
      ),
    );
    await sleep(100);
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const started = performance.now();
    const outcomes = await burst;
    const duringOutage = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => ratings.rate('g1', 'goblin', `down${i}`, { score: 1, at })),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(duringOutage.every((o) => o.status === 'rejected')).toBe(true);
    const acknowledged = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [`b${i}`] : []));
    server = await startRedis();
    // The client reconnects on its own (backing off up to 2 s between tries).
    for (let waited = 0; ; waited += 100) {
      try {
        await records.ping();
        break;
      } catch (error) {
        if (waited > 30_000) throw error;
        await sleep(100);
      }
    }
    await ratings.rate('g1', 'goblin', 'after', { score: 8, at });
    const stored = new Set(Object.keys((await ratings.dramaRatings('g1', 'goblin'))?.byMember ?? {}));
    // Every acknowledged rating is there; none asked for during the outage ever lands.
    expect(['before', 'after', ...acknowledged].filter((u) => !stored.has(u))).toEqual([]);
    expect([...stored].filter((u) => u.startsWith('down'))).toEqual([]);
    // At most the few commands on the wire when Redis died may have been applied unanswered.
    expect(stored.size - acknowledged.length - 2).toBeLessThanOrEqual(5);
    await sleep(500);
    expect((await ratings.summary('g1', 'goblin')).count).toBe(stored.size);
  }, 90_000);
}, ['Redis']);
