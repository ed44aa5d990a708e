import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cards/message.ts';
import { renderAnnouncement, renderPoll, renderScheduledEvent } from '../../src/cards/watchparty-card.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { createLogger } from '../../src/logger.ts';
import { PollBoard, type PollMessenger } from '../../src/watchparty/poll-board.ts';
import { PollStore } from '../../src/watchparty/poll-store.ts';
import { Claims } from '../../src/store/claims.ts';
import { MemoryRecords } from '../support/memory-records.ts';
import { canClose, counted, type Poll } from '../../src/watchparty/poll.ts';
import { samplePoll } from '../support/polls.ts';

const catalog = loadCatalog('data');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingMessenger(options: { failEvents?: boolean } = {}) {
  const edits: Array<{ poll: string; card: Card }> = [];
  const announcements: Array<{ poll: string; content: string }> = [];
  const events: Array<{ poll: string; name: string; start: string }> = [];
  const messenger: PollMessenger = {
    async editPoll(poll) {
      edits.push({ poll: poll.id, card: renderPoll(counted(poll), catalog) });
    },
    async announce(poll) {
      announcements.push({ poll: poll.id, content: renderAnnouncement(counted(poll), catalog) });
    },
    async createEvent(poll) {
      const body = renderScheduledEvent(counted(poll), catalog);
      if (options.failEvents) throw new Error('Missing Permissions');
      events.push({ poll: poll.id, name: body.name, start: body.scheduled_start_time });
      return '1234567890123456789';
    },
  };
  return { messenger, edits, announcements, events };
}

function board(
  messenger: PollMessenger,
  store = new PollStore(new MemoryRecords(), createLogger({ level: 'error', write: () => {} })),
  logs: string[] = [],
  claims = new Claims(new MemoryRecords()),
) {
  return new PollBoard({
    store,
    claims,
    messenger,
    logger: createLogger({ level: 'debug', write: (l) => logs.push(l) }),
    editIntervalMs: 20,
    retryCloseMs: 30,
  });
}

const poll = (overrides: Partial<Poll> = {}) =>
  samplePoll({
    messageId: '1300000000000000000',
    createdAt: Date.now(),
    closesAt: Date.now() + 3_600_000,
    ...overrides,
  });

describe('the watch-party board', () => {
  it('lets one member host at most 3 open polls, so nobody can fill the server’s 25 slots; a manager can close any', async () => {
    const parties = board(recordingMessenger().messenger);
    for (const id of ['a1', 'a2', 'a3']) expect(await parties.open(poll({ id, hostId: 'spammer' }))).toBe(true);
    await expect(parties.open(poll({ id: 'a4', hostId: 'spammer' }))).rejects.toThrow(
      'You already host 3 open polls. Close one first',
    );
    // Someone else still can, and the host can again once one of theirs is closed (here by a manager).
    expect(await parties.open(poll({ id: 'b1', hostId: 'someone-else' }))).toBe(true);
    expect(canClose(poll({ hostId: 'spammer' }), 'moderator', true)).toBe(true);
    expect((await parties.close('g1', 'a1', 'moderator')).kind).toBe('closed');
    expect(await parties.open(poll({ id: 'a4', hostId: 'spammer' }))).toBe(true);
    await parties.stop();
  });

  it('keeps the tally message up to date with a few edits for a burst of votes', async () => {
    const { messenger, edits } = recordingMessenger();
    const parties = board(messenger);
    await parties.open(poll());
    await Promise.all(Array.from({ length: 50 }, (_, i) => parties.vote('g1', 'p1', `u${i}`, i % 2)));
    await sleep(80);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.length).toBeLessThanOrEqual(2);
    expect(edits.at(-1)!.card.embeds[0]!.fields!.find((f) => f.name === 'Votes')!.value).toBe('50');
    await parties.stop();
  });

  it('after a restart, closes and announces the polls that fell due, and arms the others', async () => {
    const { messenger, announcements, edits } = recordingMessenger();
    const store = new PollStore(new MemoryRecords(), createLogger({ level: 'error', write: () => {} }));
    await store.create(poll({ id: 'due', closesAt: Date.now() - 1_000 }));
    await store.create(poll({ id: 'soon', closesAt: Date.now() + 60 }));
    await store.create(poll({ id: 'later' }));
    await store.vote('g1', 'due', 'u1', 2, Date.now() - 2_000);
    const parties = board(messenger, store);
    expect(await parties.restore(['g1'])).toEqual({ open: 2, closed: 1 });
    expect(announcements).toEqual([
      {
        poll: 'due',
        content: expect.stringMatching(
          /^Watch-party result for \*\*Squid Game\*\*:\n🏆 \*\*Episode 3\*\* wins with 1 vote of 1\./,
        ),
      },
    ]);
    expect(edits.find((e) => e.poll === 'due')!.card.components).toEqual([]);
    await sleep(150);
    expect(announcements.map((a) => a.poll)).toEqual(['due', 'soon']);
    const { open } = await store.list('g1');
    expect(open.map((p) => p.id)).toEqual(['later']);
    await parties.stop();
  });

  it('announces a result once, however many times the poll is closed', async () => {
    const { messenger, announcements } = recordingMessenger();
    const parties = board(messenger);
    await parties.open(poll());
    const outcomes = await Promise.all([
      parties.close('g1', 'p1', 'host'),
      parties.close('g1', 'p1', 'admin'),
      parties.close('g1', 'p1', 'timer'),
    ]);
    // One close holds the claim; the others find it busy, and a close after it finds it closed.
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['busy', 'busy', 'closed']);
    expect((await parties.close('g1', 'p1', 'host')).kind).toBe('already-closed');
    expect(announcements).toHaveLength(1);
    await parties.stop();
  });

  it('announces once when two processes hold a poll whose deadline passes', async () => {
    const shared = new MemoryRecords();
    const quiet = createLogger({ level: 'error', write: () => {} });
    const first = recordingMessenger();
    const second = recordingMessenger();
    const a = board(first.messenger, new PollStore(shared, quiet), [], new Claims(shared, 'process-a'));
    const b = board(second.messenger, new PollStore(shared, quiet), [], new Claims(shared, 'process-b'));
    const due = poll({ closesAt: Date.now() + 40 });
    await a.open(due);
    await b.restore(['g1']);
    await a.vote('g1', 'p1', 'u1', 3);
    await b.vote('g1', 'p1', 'u2', 3);
    await sleep(200);
    expect([...first.announcements, ...second.announcements]).toEqual([
      { poll: 'p1', content: expect.stringMatching(/🏆 \*\*Episode 4\*\* wins with 2 votes of 2\./) },
    ]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('creates the event for the winner at the start time, and says why when it cannot', async () => {
    const startsAt = Date.now() + 7_200_000;
    const ok = recordingMessenger();
    const parties = board(ok.messenger);
    await parties.open(poll({ startsAt, createEvent: true, place: '#drama-night' }));
    await parties.vote('g1', 'p1', 'u1', 1);
    const closed = await parties.close('g1', 'p1', 'host');
    expect(ok.events).toEqual([
      { poll: 'p1', name: 'Watch party: Squid Game, episode 2', start: new Date(startsAt).toISOString() },
    ]);
    expect(closed.kind === 'closed' && closed.poll.closed!.eventId).toBe('1234567890123456789');
    expect(ok.announcements[0]!.content).toContain('Event: https://discord.com/events/g1/1234567890123456789');

    const failing = recordingMessenger({ failEvents: true });
    const other = board(failing.messenger);
    await other.open(poll({ startsAt, createEvent: true }));
    await other.vote('g1', 'p1', 'u1', 1);
    await other.close('g1', 'p1', 'host');
    expect(failing.announcements[0]!.content).toContain(
      'I could not create the event (I need the **Create Events** permission).',
    );

    const nobody = recordingMessenger();
    const empty = board(nobody.messenger);
    await empty.open(poll({ startsAt, createEvent: true }));
    await empty.close('g1', 'p1', 'host');
    expect(nobody.events).toEqual([]);
    expect(nobody.announcements[0]!.content).toContain('Nobody voted, so there is no winner.\nThe party starts');
    await Promise.all([parties.stop(), other.stop(), empty.stop()]);
  });

  it('tries a failed automatic close again later instead of dropping it', async () => {
    const { messenger, announcements } = recordingMessenger();
    const logs: string[] = [];
    const store = new PollStore(new MemoryRecords(), createLogger({ level: 'error', write: () => {} }));
    let failures = 1;
    const close = store.close.bind(store);
    store.close = async (...args) => {
      if (failures-- > 0) throw new Error('store down');
      return close(...args);
    };
    const parties = board(messenger, store, logs);
    await parties.open(poll({ closesAt: Date.now() + 10 }));
    await sleep(150);
    expect(logs.some((l) => l.includes('could not close a poll at its deadline; will try again'))).toBe(true);
    expect(announcements).toHaveLength(1);
    await parties.stop();
  });
});
