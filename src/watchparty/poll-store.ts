import type Keyv from 'keyv';
import type { Logger } from '../logger.ts';
import { GuardedDocuments } from '../store/store-guard.ts';
import { CLOSED_KEPT, MAX_OPEN_POLLS, isOpen, tally, type Poll } from './poll.ts';

/**
 * Watch-party polls in Keyv, beside the ratings. The whole key layout is here:
 *
 *   g:<guild>:polls          → PollIndex: ids of the open polls, and of the latest closed ones
 *   g:<guild>:poll:<poll>    → Poll: the poll with every member's vote
 *
 * One document per poll holds all its votes, so a vote is stored by one atomic write and a count
 * can never disagree with the votes. Every change goes through DocUpdater's queue: a burst of
 * 500 votes is a handful of writes, none lost, and each vote is acknowledged once written.
 * The index is written before the poll and an id in it whose poll is missing is skipped.
 */
export const pollKeys = {
  index: (guildId: string) => `g:${guildId}:polls`,
  poll: (guildId: string, pollId: string) => `g:${guildId}:poll:${pollId}`,
};

interface PollIndex {
  open: string[];
  /** Oldest first, at most CLOSED_KEPT. */
  closed: string[];
}

export type VoteOutcome =
  | { kind: 'recorded' | 'same'; option: number; previous?: undefined; poll: Poll }
  | { kind: 'changed'; option: number; previous: number; poll: Poll }
  | { kind: 'withdrawn'; previous: number; poll: Poll }
  | { kind: 'not-voted'; poll: Poll }
  | { kind: 'closed'; poll: Poll }
  | { kind: 'unknown' };

export type CloseOutcome = { kind: 'closed' | 'already-closed'; poll: Poll } | { kind: 'unknown' };

/** Poll creation answers the host right after: it may not wait longer than this. */
const CREATE_TIMEOUT_MS = 2_000;

export class PollStore extends GuardedDocuments {
  constructor(store: Keyv, logger: Logger) {
    super(store, logger, 'watchparty');
  }

  /** Stores a new poll and lists it as open; resolves to false when the server has MAX_OPEN_POLLS open. */
  create(poll: Poll): Promise<boolean> {
    return this.guard.run(
      true,
      async () => {
        let room = true;
        await this.docs.update<PollIndex>(pollKeys.index(poll.guildId), (index) => {
          const next = index ?? { open: [], closed: [] };
          room = next.open.length < MAX_OPEN_POLLS;
          if (room) next.open.push(poll.id);
          return next;
        });
        if (room) await this.docs.update<Poll>(pollKeys.poll(poll.guildId, poll.id), () => poll);
        return room;
      },
      CREATE_TIMEOUT_MS,
    );
  }

  /** Records where the poll message is, so the tally and the timer can edit it. */
  attachMessage(guildId: string, pollId: string, messageId: string): Promise<Poll | undefined> {
    return this.guard.run(true, () =>
      this.docs.update<Poll>(pollKeys.poll(guildId, pollId), (poll) => {
        if (poll && !poll.messageId) poll.messageId = messageId;
        return poll;
      }),
    );
  }

  /**
   * Records, changes or (option undefined) withdraws a member's vote. Resolves once stored. A
   * vote reaching a poll past its deadline is refused even if the timer has not closed it yet.
   */
  vote(
    guildId: string,
    pollId: string,
    userId: string,
    option: number | undefined,
    now: number,
    messageId?: string,
  ): Promise<VoteOutcome> {
    return this.guard.run(true, async () => {
      let outcome: VoteOutcome = { kind: 'unknown' };
      await this.docs.update<Poll>(pollKeys.poll(guildId, pollId), (poll) => {
        if (!poll) return poll;
        if (messageId && !poll.messageId) poll.messageId = messageId;
        const previous = poll.votes[userId];
        if (!isOpen(poll, now)) outcome = { kind: 'closed', poll };
        else if (option === undefined) {
          if (previous === undefined) outcome = { kind: 'not-voted', poll };
          else {
            delete poll.votes[userId];
            outcome = { kind: 'withdrawn', previous, poll };
          }
        } else if (option < 0 || option >= poll.options.length) outcome = { kind: 'unknown' };
        else {
          poll.votes[userId] = option;
          outcome =
            previous === undefined
              ? { kind: 'recorded', option, poll }
              : previous === option
                ? { kind: 'same', option, poll }
                : { kind: 'changed', option, previous, poll };
        }
        return poll;
      });
      // The mutation saw the document before later changes of the batch; report the stored one.
      return outcome;
    });
  }

  /** Closes the poll with its final count (once: closing twice reports the first close). */
  close(guildId: string, pollId: string, by: string, now: number): Promise<CloseOutcome> {
    return this.guard.run(true, async () => {
      let kind: 'closed' | 'already-closed' = 'closed';
      const poll = await this.docs.update<Poll>(pollKeys.poll(guildId, pollId), (current) => {
        if (!current) return current;
        if (current.closed) kind = 'already-closed';
        else current.closed = { at: now, by, result: tally(current) };
        return current;
      });
      if (!poll) return { kind: 'unknown' };
      await this.docs.update<PollIndex>(pollKeys.index(guildId), (index) => {
        const next = index ?? { open: [], closed: [] };
        next.open = next.open.filter((id) => id !== pollId);
        if (!next.closed.includes(pollId)) next.closed = [...next.closed, pollId].slice(-CLOSED_KEPT);
        return next;
      });
      return { kind, poll };
    });
  }

  /** Records the scheduled event made for the winner, or why there is none. */
  recordEvent(
    guildId: string,
    pollId: string,
    event: { eventId: string } | { eventProblem: NonNullable<Poll['closed']>['eventProblem'] },
  ): Promise<Poll | undefined> {
    return this.guard.run(true, () =>
      this.docs.update<Poll>(pollKeys.poll(guildId, pollId), (poll) => {
        if (poll?.closed) Object.assign(poll.closed, event);
        return poll;
      }),
    );
  }

  get(guildId: string, pollId: string): Promise<Poll | undefined> {
    return this.guard.run(false, async () => (await this.store.get<Poll>(pollKeys.poll(guildId, pollId))) ?? undefined);
  }

  /** The server's open polls (oldest first) and its latest closed ones (newest first). */
  list(guildId: string): Promise<{ open: Poll[]; closed: Poll[] }> {
    return this.guard.run(false, async () => {
      const index = (await this.store.get<PollIndex>(pollKeys.index(guildId))) ?? { open: [], closed: [] };
      const ids = [...index.open, ...index.closed];
      const docs = ids.length ? await this.store.getMany<Poll>(ids.map((id) => pollKeys.poll(guildId, id))) : [];
      const polls = docs.filter((p): p is Poll => Boolean(p));
      return { open: polls.filter((p) => !p.closed), closed: polls.filter((p) => p.closed).reverse() };
    });
  }
}
