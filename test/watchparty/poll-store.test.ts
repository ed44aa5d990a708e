import { join } from 'node:path';
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { PollStore, pollKeys } from '../../src/watchparty/poll-store.ts';
import { tempDir } from '../support/harness.ts';
import { SAMPLE_NOW, samplePoll } from '../support/polls.ts';

const now = SAMPLE_NOW;
const quiet = createLogger({ level: 'error', write: () => {} });
const opened: Keyv[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.disconnect().catch(() => undefined)));
});

async function sqlitePolls(file = join(tempDir(), 'polls.sqlite')) {
  const store = await openStore(`sqlite://${file}`);
  store.on('error', () => {});
  opened.push(store);
  return { polls: new PollStore(store, quiet), store, file };
}

describe('polls and votes in SQLite', () => {
  it('counts 500 concurrent votes on one poll exactly, each acknowledged once stored', async () => {
    const { polls, file } = await sqlitePolls();
    await polls.create(samplePoll());
    const outcomes = await Promise.all(
      Array.from({ length: 500 }, (_, i) => polls.vote('g1', 'p1', `u${i}`, i % 4, now)),
    );
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    // Read back through a second connection: what was acknowledged is on disk.
    const { polls: reopened } = await sqlitePolls(file);
    const stored = (await reopened.get('g1', 'p1'))!;
    expect(Object.keys(stored.votes)).toHaveLength(500);
    expect(Object.values(stored.votes).filter((v) => v === 0)).toHaveLength(125);
  });

  it('says what a vote replaced, keeps a repeated one, withdraws one', async () => {
    const { polls } = await sqlitePolls();
    await polls.create(samplePoll());
    expect((await polls.vote('g1', 'p1', 'u', 1, now)).kind).toBe('recorded');
    expect(await polls.vote('g1', 'p1', 'u', 2, now)).toMatchObject({ kind: 'changed', option: 2, previous: 1 });
    expect(await polls.vote('g1', 'p1', 'u', 2, now)).toMatchObject({ kind: 'same', option: 2 });
    expect(await polls.vote('g1', 'p1', 'u', undefined, now)).toMatchObject({ kind: 'withdrawn', previous: 2 });
    expect((await polls.vote('g1', 'p1', 'u', undefined, now)).kind).toBe('not-voted');
    expect((await polls.vote('g1', 'p1', 'u', 9, now)).kind).toBe('unknown');
    expect((await polls.vote('g1', 'nope', 'u', 1, now)).kind).toBe('unknown');
  });

  it('refuses votes after the deadline even before the timer closes the poll, and after a close', async () => {
    const { polls } = await sqlitePolls();
    await polls.create(samplePoll());
    expect((await polls.vote('g1', 'p1', 'late', 0, now + 3_600_000)).kind).toBe('closed');
    await polls.vote('g1', 'p1', 'u1', 3, now);
    const closed = await polls.close('g1', 'p1', 'host', now + 10);
    expect(closed).toMatchObject({
      kind: 'closed',
      poll: { closed: { by: 'host', result: { counts: [0, 0, 0, 1], winner: 3 } } },
    });
    expect((await polls.vote('g1', 'p1', 'u2', 0, now)).kind).toBe('closed');
    expect((await polls.close('g1', 'p1', 'timer', now + 20)).kind).toBe('already-closed');
    const { open, closed: done } = await polls.list('g1');
    expect(open).toEqual([]);
    expect(done.map((p) => p.closed!.by)).toEqual(['host']);
  });

  it('counts every vote queued before a close and none after, when they race', async () => {
    const { polls } = await sqlitePolls();
    await polls.create(samplePoll());
    const before = Array.from({ length: 100 }, (_, i) => polls.vote('g1', 'p1', `a${i}`, 0, now));
    const closing = polls.close('g1', 'p1', 'host', now);
    const after = Array.from({ length: 100 }, (_, i) => polls.vote('g1', 'p1', `b${i}`, 1, now));
    const [results, closed, late] = await Promise.all([Promise.all(before), closing, Promise.all(after)]);
    expect(results.every((r) => r.kind === 'recorded')).toBe(true);
    expect(late.every((r) => r.kind === 'closed')).toBe(true);
    expect(closed.kind === 'closed' && closed.poll.closed!.result.counts).toEqual([100, 0, 0, 0]);
  });

  it('lists open polls oldest first and keeps the latest closed ones; an index entry without its poll is skipped', async () => {
    const { polls, store } = await sqlitePolls();
    for (const id of ['a', 'b', 'c']) await polls.create(samplePoll({ id }));
    await polls.close('g1', 'b', 'host', now);
    await store.set(pollKeys.index('g1'), { open: ['a', 'ghost', 'c'], closed: ['b'] });
    const { open, closed } = await polls.list('g1');
    expect(open.map((p) => p.id)).toEqual(['a', 'c']);
    expect(closed.map((p) => p.id)).toEqual(['b']);
  });

  it('refuses a new poll when the server already has 25 open, and takes one again after a close', async () => {
    const { polls } = await sqlitePolls();
    for (let i = 0; i < 25; i++) expect(await polls.create(samplePoll({ id: `p${i}` }))).toBe(true);
    expect(await polls.create(samplePoll({ id: 'one-too-many' }))).toBe(false);
    expect(await polls.get('g1', 'one-too-many')).toBeUndefined();
    await polls.close('g1', 'p0', 'host', now);
    expect(await polls.create(samplePoll({ id: 'next' }))).toBe(true);
  });

  it('reports a store that is down as unavailable for watch parties, saying whether anything was being saved', async () => {
    const fail = async () => {
      throw new Error('SQLITE_FULL');
    };
    const store = new Keyv({
      store: { get: fail, set: fail, delete: fail, clear: fail, getMany: fail } as never,
      throwOnErrors: true,
    });
    store.on('error', () => {});
    const polls = new PollStore(store, quiet);
    await expect(polls.create(samplePoll())).rejects.toMatchObject({
      name: 'StoreUnavailable',
      writing: true,
      feature: 'watchparty',
    });
    await expect(polls.vote('g1', 'p1', 'u', 1, now)).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(polls.list('g1')).rejects.toMatchObject({ writing: false, feature: 'watchparty' });
  });
});
