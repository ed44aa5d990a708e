import { z } from 'zod';
import type { Logger } from '../logger.ts';
import type { Records } from '../store/records.ts';
import { GuardedRecords } from '../store/store-guard.ts';
import { CLOSED_KEPT, MAX_OPEN_POLLS, isOpen, tally, type ClosedPoll, type Poll } from './poll.ts';

/**
 * Watch-party polls in the store, beside the ratings. The whole key layout is here:
 *
 *   g:<guild>:polls             map: <poll id> → the poll as its host made it (no votes, no result)
 *   g:<guild>:polls-open        map: <poll id> → its deadline
 *   g:<guild>:polls-closed      map: <poll id> → { at, by, result, eventId?, announcedAt? }
 *   g:<guild>:votes:<poll>      map: <user id> → option index, one record per member
 *   g:<guild>:vote-counts:<poll>  tally: option index → votes
 *
 * A vote is its own record, so votes arriving through two processes at once are all kept. A
 * vote is written only while the poll has no closed record, checked in the same atomic operation;
 * closing adds that record first (excluding every vote still in flight), then counts. So a vote
 * acknowledged as recorded is always in the final count, and none lands after it.
 */
export const pollKeys = {
  polls: (guildId: string) => `g:${guildId}:polls`,
  open: (guildId: string) => `g:${guildId}:polls-open`,
  closed: (guildId: string) => `g:${guildId}:polls-closed`,
  votes: (guildId: string, pollId: string) => `g:${guildId}:votes:${pollId}`,
  voteCounts: (guildId: string, pollId: string) => `g:${guildId}:vote-counts:${pollId}`,
};

export type VoteOutcome =
  | { kind: 'recorded' | 'same'; option: number; previous?: undefined; poll: Poll }
  | { kind: 'changed'; option: number; previous: number; poll: Poll }
  | { kind: 'withdrawn'; previous: number; poll: Poll }
  | { kind: 'not-voted'; poll: Poll }
  | { kind: 'closed'; poll: Poll }
  | { kind: 'unknown' };

/**
 * `closed`: this call closed the poll (or found it closed but never announced) and must announce;
 * `already-closed`: closed and announced before.
 */
export type CloseOutcome = { kind: 'closed' | 'already-closed'; poll: Poll } | { kind: 'unknown' };

/** Poll creation answers the host right after: it may not wait longer than this. */
const CREATE_TIMEOUT_MS = 2_000;

const pollSchema = z
  .object({
    id: z.string(),
    guildId: z.string(),
    channelId: z.string(),
    hostId: z.string(),
    locale: z.string(),
    kind: z.enum(['episodes', 'dramas']),
    options: z.array(z.object({ dramaId: z.string(), episode: z.number().optional() })).min(1),
    titles: z.record(z.string(), z.string()),
    createdAt: z.number(),
    closesAt: z.number(),
  })
  .passthrough();
const closedSchema = z.object({
  at: z.number(),
  by: z.string(),
  result: z
    .object({
      counts: z.array(z.number()),
      total: z.number(),
      winner: z.number().optional(),
      tiedWith: z.array(z.number()),
    })
    .optional(),
  eventId: z.string().optional(),
  eventProblem: z.enum(['no-start', 'started', 'failed', 'no-winner']).optional(),
  announcedAt: z.number().optional(),
});
type StoredClosed = z.infer<typeof closedSchema>;

/** What a poll record holds: the poll without its votes and result, which live in their own records. */
const definitionOf = (poll: Poll): string => {
  const { votes: _votes, closed: _closed, ...definition } = poll;
  return JSON.stringify(definition);
};

export class PollStore extends GuardedRecords {
  constructor(records: Records, logger: Logger) {
    super(records, logger, 'watchparty');
  }

  /** Stores a new poll and lists it as open; resolves to false when the server has MAX_OPEN_POLLS open. */
  create(poll: Poll): Promise<boolean> {
    return this.guard.run(
      true,
      async () => {
        // Two processes creating the 25th poll at the same instant may both pass: the cap bounds
        // what menus show, it is not a guarantee worth a lock.
        const open = await this.records.entries(pollKeys.open(poll.guildId));
        if (open.size >= MAX_OPEN_POLLS) return false;
        await this.records.put(pollKeys.polls(poll.guildId), poll.id, definitionOf(poll));
        await this.records.put(pollKeys.open(poll.guildId), poll.id, String(poll.closesAt));
        return true;
      },
      CREATE_TIMEOUT_MS,
    );
  }

  /** Records where the poll message is, so the tally and the timer can edit it. */
  attachMessage(guildId: string, pollId: string, messageId: string): Promise<Poll | undefined> {
    return this.guard.run(true, async () => {
      const poll = await this.readDefinition(guildId, pollId);
      if (poll && !poll.messageId) {
        poll.messageId = messageId;
        // Only the host's process and the first votes write this, all with the same message id.
        await this.records.put(pollKeys.polls(guildId), pollId, definitionOf(poll));
      }
      return poll;
    });
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
      const poll = await this.readDefinition(guildId, pollId);
      if (!poll) return { kind: 'unknown' };
      if (messageId && !poll.messageId) {
        poll.messageId = messageId;
        await this.records.put(pollKeys.polls(guildId), pollId, definitionOf(poll));
      }
      if (!isOpen(poll, now)) return { kind: 'closed', poll: await this.withResult(poll) };
      const votes = pollKeys.votes(guildId, pollId);
      const unless = { map: pollKeys.closed(guildId), member: pollId };
      const tallyKey = pollKeys.voteCounts(guildId, pollId);
      if (option === undefined) {
        const removed = await this.records.remove(votes, userId, { tallyKey, unless });
        if (removed.refused) return { kind: 'closed', poll: await this.withResult(poll) };
        const previous = this.parseOption(removed.removed, poll);
        return previous === undefined ? { kind: 'not-voted', poll } : { kind: 'withdrawn', previous, poll };
      }
      if (!Number.isInteger(option) || option < 0 || option >= poll.options.length) return { kind: 'unknown' };
      const put = await this.records.put(votes, userId, String(option), {
        tally: { key: tallyKey, bucket: String(option) },
        unless,
      });
      if (put.refused) return { kind: 'closed', poll: await this.withResult(poll) };
      const previous = this.parseOption(put.previous, poll);
      if (previous === undefined) return { kind: 'recorded', option, poll };
      if (previous === option) return { kind: 'same', option, poll };
      return { kind: 'changed', option, previous, poll };
    });
  }

  /**
   * Closes the poll with its final count. The first close stops the votes; a close that finds the
   * poll closed but never announced (its closer died) finishes the job and reports `closed` too.
   */
  close(guildId: string, pollId: string, by: string, now: number): Promise<CloseOutcome> {
    return this.guard.run(true, async () => {
      const poll = await this.readDefinition(guildId, pollId);
      if (!poll) return { kind: 'unknown' };
      const closedMap = pollKeys.closed(guildId);
      // Adding the closed record waits for votes in flight and refuses every later one.
      await this.records.add(closedMap, pollId, JSON.stringify({ at: now, by } satisfies StoredClosed));
      const closed = this.parse(closedSchema, await this.records.get(closedMap, pollId), `${guildId}/${pollId}`) ?? {
        at: now,
        by,
      };
      if (closed.announcedAt !== undefined) return { kind: 'already-closed', poll: await this.withResult(poll) };
      if (!closed.result) {
        const votes = await this.readVotes(guildId, poll);
        closed.result = tally({ options: poll.options, votes });
        await this.records.put(closedMap, pollId, JSON.stringify(closed));
      }
      await this.records.remove(pollKeys.open(guildId), pollId);
      return {
        kind: 'closed',
        poll: { ...poll, votes: await this.readVotes(guildId, poll), closed: closed as ClosedPoll },
      };
    });
  }

  /** Records the scheduled event made for the winner, or why there is none. */
  recordEvent(
    guildId: string,
    pollId: string,
    event: { eventId: string } | { eventProblem: NonNullable<Poll['closed']>['eventProblem'] },
  ): Promise<void> {
    return this.updateClosed(guildId, pollId, event);
  }

  /** Records that the result was announced: nobody announces it again. */
  markAnnounced(guildId: string, pollId: string, at: number): Promise<void> {
    return this.updateClosed(guildId, pollId, { announcedAt: at });
  }

  get(guildId: string, pollId: string): Promise<Poll | undefined> {
    return this.guard.run(false, async () => {
      const poll = await this.readDefinition(guildId, pollId);
      return poll ? this.withResult({ ...poll, votes: await this.readVotes(guildId, poll) }) : undefined;
    });
  }

  /** The server's open polls (oldest first) and its latest closed ones (newest first). */
  list(guildId: string): Promise<{ open: Poll[]; closed: Poll[] }> {
    return this.guard.run(false, async () => {
      const [definitions, openIds, closedRecords] = await this.records.entriesOfMany([
        pollKeys.polls(guildId),
        pollKeys.open(guildId),
        pollKeys.closed(guildId),
      ]);
      const polls = new Map<string, Poll>();
      for (const [id, text] of definitions!) {
        const poll = this.parse(pollSchema, text, `${guildId}/${id}`) as Poll | undefined;
        if (poll) polls.set(id, { ...poll, votes: {} });
      }
      const closed: Poll[] = [];
      for (const [id, text] of closedRecords!) {
        const record = this.parse(closedSchema, text, `${guildId}/${id}`);
        const poll = polls.get(id);
        if (record && poll) closed.push({ ...poll, closed: record as ClosedPoll });
      }
      closed.sort((a, b) => b.closed!.at - a.closed!.at || a.id.localeCompare(b.id));
      const open = [...openIds!.keys()]
        .filter((id) => !closedRecords!.has(id))
        .flatMap((id) => polls.get(id) ?? [])
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      const listed = [...open, ...closed.slice(0, CLOSED_KEPT)];
      const votes = await this.records.entriesOfMany(listed.map((p) => pollKeys.votes(guildId, p.id)));
      listed.forEach((poll, i) => {
        poll.votes = this.votesOf(votes[i]!, poll);
        if (poll.closed && !poll.closed.result) poll.closed.result = tally(poll);
      });
      return { open, closed: closed.slice(0, CLOSED_KEPT) };
    });
  }

  private updateClosed(guildId: string, pollId: string, change: Partial<StoredClosed>): Promise<void> {
    return this.guard.run(true, async () => {
      const map = pollKeys.closed(guildId);
      const closed = this.parse(closedSchema, await this.records.get(map, pollId), `${guildId}/${pollId}`);
      // Only the holder of the poll's close claim writes here after the close.
      if (closed) await this.records.put(map, pollId, JSON.stringify({ ...closed, ...change }));
    });
  }

  private async readDefinition(guildId: string, pollId: string): Promise<Poll | undefined> {
    const text = await this.records.get(pollKeys.polls(guildId), pollId);
    const poll = this.parse(pollSchema, text, `${guildId}/${pollId}`) as Poll | undefined;
    return poll ? { ...poll, votes: {} } : undefined;
  }

  private async readVotes(guildId: string, poll: Poll): Promise<Record<string, number>> {
    return this.votesOf(await this.records.entries(pollKeys.votes(guildId, poll.id)), poll);
  }

  private votesOf(stored: ReadonlyMap<string, string>, poll: Poll): Record<string, number> {
    const votes: Record<string, number> = {};
    for (const [userId, text] of stored) {
      const option = this.parseOption(text, poll);
      if (option !== undefined) votes[userId] = option;
    }
    return votes;
  }

  private parseOption(text: string | undefined, poll: Poll): number | undefined {
    if (text === undefined) return undefined;
    const option = Number(text);
    if (Number.isInteger(option) && option >= 0 && option < poll.options.length) return option;
    this.logger.warn('skipped a malformed watchparty record', { record: `${poll.guildId}/${poll.id}`, value: text });
    return undefined;
  }

  /** The poll with its closed record, if it has one (a result not yet written is counted now). */
  private async withResult(poll: Poll): Promise<Poll> {
    const closed = this.parse(
      closedSchema,
      await this.records.get(pollKeys.closed(poll.guildId), poll.id),
      `${poll.guildId}/${poll.id}`,
    );
    if (!closed) return poll;
    const votes = Object.keys(poll.votes).length ? poll.votes : await this.readVotes(poll.guildId, poll);
    return { ...poll, votes, closed: { ...closed, result: closed.result ?? tally({ options: poll.options, votes }) } };
  }
}
