import { afterEach, expect, it } from 'vitest';
import { StoreUnavailable } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { openRecords } from '../../src/store/open-store.ts';
import type { Records } from '../../src/store/records.ts';
import { PollStore, pollKeys } from '../../src/watchparty/poll-store.ts';
import { SAMPLE_NOW, samplePoll } from '../support/polls.ts';
import { onEveryBackend } from '../support/stores.ts';

const now = SAMPLE_NOW;
const quiet = createLogger({ level: 'error', write: () => {} });
const opened: Records[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
});

async function pollsAt(url: string) {
  const records = await openRecords(url);
  opened.push(records);
  return { polls: new PollStore(records, quiet), records };
}

onEveryBackend('polls and votes', (fresh) => {
  const sqlitePolls = (url = fresh()) => pollsAt(url);

  it('counts 500 concurrent votes on one poll exactly, each acknowledged once stored', async () => {
    const url = fresh();
    const { polls } = await pollsAt(url);
    await polls.create(samplePoll());
    const outcomes = await Promise.all(
      Array.from({ length: 500 }, (_, i) => polls.vote('g1', 'p1', `u${i}`, i % 4, now)),
    );
    expect(outcomes.every((o) => o.kind === 'recorded')).toBe(true);
    // Read back through a second connection: what was acknowledged is stored.
    const { polls: reopened } = await pollsAt(url);
    const stored = (await reopened.get('g1', 'p1'))!;
    expect(Object.keys(stored.votes)).toHaveLength(500);
    expect(Object.values(stored.votes).filter((v) => v === 0)).toHaveLength(125);
  }, 30_000);

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
    // Closed but not announced yet (its closer died): a second close finishes the job, same result.
    expect(await polls.close('g1', 'p1', 'timer', now + 20)).toMatchObject({
      kind: 'closed',
      poll: { closed: { by: 'host' } },
    });
    await polls.markAnnounced('g1', 'p1', now + 30);
    expect((await polls.close('g1', 'p1', 'timer', now + 40)).kind).toBe('already-closed');
    const { open, closed: done } = await polls.list('g1');
    expect(open).toEqual([]);
    expect(done.map((p) => p.closed!.by)).toEqual(['host']);
  });

  it('counts exactly the votes acknowledged as recorded when votes race a close, and none refused', async () => {
    const { polls } = await sqlitePolls();
    await polls.create(samplePoll());
    const before = Array.from({ length: 100 }, (_, i) => polls.vote('g1', 'p1', `a${i}`, 0, now));
    const closing = polls.close('g1', 'p1', 'host', now);
    const after = Array.from({ length: 100 }, (_, i) => polls.vote('g1', 'p1', `b${i}`, 1, now));
    const [first, closed, second] = await Promise.all([Promise.all(before), closing, Promise.all(after)]);
    expect([...first, ...second].every((r) => r.kind === 'recorded' || r.kind === 'closed')).toBe(true);
    const recorded = (votes: typeof first) => votes.filter((r) => r.kind === 'recorded').length;
    expect(closed.kind === 'closed' && closed.poll.closed!.result.counts).toEqual([
      recorded(first),
      recorded(second),
      0,
      0,
    ]);
    const late = await polls.vote('g1', 'p1', 'c', 2, now);
    expect(late.kind).toBe('closed');
    expect((await polls.get('g1', 'p1'))!.closed!.result.total).toBe(recorded(first) + recorded(second));
  });

  it('lists open polls oldest first and keeps the latest closed ones; an open entry without its poll is skipped', async () => {
    const { polls, records } = await sqlitePolls();
    for (const id of ['a', 'b', 'c']) await polls.create(samplePoll({ id }));
    await polls.close('g1', 'b', 'host', now);
    await records.put(pollKeys.open('g1'), 'ghost', String(now));
    await records.put(pollKeys.polls('g1'), 'broken', '{"id":"broken"}');
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
    const polls = new PollStore(new Proxy({} as Records, { get: () => fail }), quiet);
    await expect(polls.create(samplePoll())).rejects.toMatchObject({
      name: 'StoreUnavailable',
      writing: true,
      feature: 'watchparty',
    });
    await expect(polls.vote('g1', 'p1', 'u', 1, now)).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(polls.list('g1')).rejects.toMatchObject({ writing: false, feature: 'watchparty' });
  });
});
