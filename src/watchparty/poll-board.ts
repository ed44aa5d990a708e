import type { Logger } from '../logger.ts';
import type { Claims } from '../store/claims.ts';
import { CloseTimers } from './close-timers.ts';
import { CoalescedEdits } from './coalesced-edits.ts';
import { MAX_OPEN_POLLS_PER_HOST, type Poll } from './poll.ts';
import type { CloseOutcome, PollStore, VoteOutcome } from './poll-store.ts';
import { StoreUnavailable, UserError } from '../errors.ts';

/**
 * How the board shows polls outside an interaction (in the bot: the REST client and the cards,
 * src/discord/poll-messenger.ts). The board says what happened; the messenger renders and sends it.
 */
export interface PollMessenger {
  /** Shows the poll's current state (live tally, or the result once closed) on its message. */
  editPoll(poll: Poll): Promise<void>;
  /** Announces a closed poll's result in its channel, as a reply to the poll message. */
  announce(poll: Poll): Promise<void>;
  /** Creates the scheduled event for a closed poll's winner; resolves to its id. */
  createEvent(poll: Poll): Promise<string>;
}

/** Where a close is shown when it comes from an interaction (a button press, a command). */
export type CloseSurfaces = Partial<Pick<PollMessenger, 'editPoll' | 'announce'>>;

export interface PollBoardOptions {
  store: PollStore;
  /** Who closes a poll when several processes hold it: the one that claims the close. */
  claims: Claims;
  messenger: PollMessenger;
  logger: Logger;
  now?: () => number;
  /** Minimum time between two edits of one poll message. */
  editIntervalMs?: number;
  /** How long to wait before trying again to close a poll whose close failed (store down). */
  retryCloseMs?: number;
}

/** How long a process holds a poll's close before another may take it over (it died half-way). */
const CLOSE_CLAIM_MS = 30_000;
/** A finished close stays claimed this long: late timers of other processes skip it. */
const CLOSE_DONE_KEEP_MS = 24 * 3_600_000;

/**
 * Runs the server's watch parties: stores polls and votes, keeps each poll message's tally up to
 * date (coalesced), closes polls at their deadline (also after a restart), creates the event for
 * the winner and announces the result.
 */
export class PollBoard {
  readonly store: PollStore;
  private readonly claims: Claims;
  private readonly messenger: PollMessenger;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly edits: CoalescedEdits;
  private readonly timers: CloseTimers;
  private readonly retryCloseMs: number;
  private stopped = false;

  constructor(options: PollBoardOptions) {
    this.store = options.store;
    this.claims = options.claims;
    this.messenger = options.messenger;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.retryCloseMs = options.retryCloseMs ?? 60_000;
    this.timers = new CloseTimers(this.now);
    this.edits = new CoalescedEdits(options.editIntervalMs ?? 1_000, (key, error) =>
      this.logger.warn('could not update a poll message', { poll: key, reason: (error as Error).message }),
    );
  }

  /** Stores a new poll and arms its deadline; false when the server already has too many open. */
  async open(poll: Poll): Promise<boolean> {
    // One member cannot fill the server's slots: a host keeps at most a few polls open at once.
    // (Two starts by one member at the same instant may both pass; the server cap still holds.)
    const { open } = await this.store.list(poll.guildId).catch((error: unknown) => {
      // A read on the way to a write: the member hears that nothing was saved.
      throw error instanceof StoreUnavailable
        ? new StoreUnavailable(error.message, true, error.feature, { cause: error })
        : error;
    });
    if (open.filter((p) => p.hostId === poll.hostId).length >= MAX_OPEN_POLLS_PER_HOST)
      throw new UserError('party.tooManyOwnOpen', { max: MAX_OPEN_POLLS_PER_HOST });
    const created = await this.store.create(poll);
    if (created) this.arm(poll);
    return created;
  }

  /** Remembers the posted poll message. A failure is only logged: the first vote records it too. */
  async posted(poll: Poll, messageId: string): Promise<void> {
    try {
      await this.store.attachMessage(poll.guildId, poll.id, messageId);
    } catch (error) {
      this.logger.warn('could not record the poll message', { poll: poll.id, reason: (error as Error).message });
    }
  }

  /** Records (or with option undefined withdraws) a vote; resolves once stored, then refreshes the tally. */
  async vote(
    guildId: string,
    pollId: string,
    userId: string,
    option: number | undefined,
    messageId?: string,
  ): Promise<VoteOutcome> {
    const outcome = await this.store.vote(guildId, pollId, userId, option, this.now(), messageId);
    if (outcome.kind === 'recorded' || outcome.kind === 'changed' || outcome.kind === 'withdrawn')
      this.refresh(outcome.poll);
    // A vote that finds the poll past its deadline closes it, in case the timer is late.
    if (outcome.kind === 'closed' && !outcome.poll.closed) void this.closeQuietly(guildId, pollId);
    return outcome;
  }

  /**
   * Closes a poll: final count, the scheduled event for the winner if asked for, the poll message
   * shows the result, and the result is announced. Closing a closed poll changes nothing. When
   * several processes hold the poll (a rolling restart, two shards' worth of timers), only the one
   * that claims the close in the store does it: the others get `busy`.
   */
  async close(
    guildId: string,
    pollId: string,
    by: string,
    surfaces: CloseSurfaces = {},
  ): Promise<CloseOutcome | { kind: 'busy' }> {
    const job = `poll-close:${guildId}:${pollId}`;
    const claimed = await this.claims
      .once(job, { ttlMs: CLOSE_CLAIM_MS, keepMs: CLOSE_DONE_KEEP_MS }, () =>
        this.closeClaimed(guildId, pollId, by, surfaces),
      )
      .catch((error: unknown) => {
        throw error instanceof StoreUnavailable
          ? error
          : new StoreUnavailable((error as Error).message, true, 'watchparty', { cause: error });
      });
    if (claimed.ran) return claimed.value;
    // Not ours: finished by another process (or this one earlier), or being closed right now.
    const poll = await this.store.get(guildId, pollId);
    if (!poll) return { kind: 'unknown' };
    return poll.closed?.announcedAt !== undefined ? { kind: 'already-closed', poll } : { kind: 'busy' };
  }

  private async closeClaimed(
    guildId: string,
    pollId: string,
    by: string,
    surfaces: CloseSurfaces,
  ): Promise<CloseOutcome> {
    const outcome = await this.store.close(guildId, pollId, by, this.now());
    if (outcome.kind !== 'closed') return outcome;
    this.timers.cancel(keyOf(outcome.poll));
    let poll = outcome.poll;
    if (poll.createEvent && !poll.closed!.eventId && !poll.closed!.eventProblem) poll = await this.createEvent(poll);
    await this.edits
      .final(keyOf(poll), async () => {
        if (surfaces.editPoll) await surfaces.editPoll(poll);
        else if (poll.messageId) await this.messenger.editPoll(poll);
      })
      .catch((error: unknown) =>
        this.logger.warn('could not show the result on the poll message', {
          poll: poll.id,
          reason: (error as Error).message,
        }),
      );
    try {
      if (surfaces.announce) await surfaces.announce(poll);
      // A poll whose message never got posted was seen by nobody: no result to announce.
      else if (poll.messageId) await this.messenger.announce(poll);
    } catch (error) {
      this.logger.warn('could not announce a poll result', { poll: poll.id, reason: (error as Error).message });
    }
    await this.store.markAnnounced(guildId, pollId, this.now());
    this.logger.info('poll closed', { guild: guildId, poll: pollId, by, votes: poll.closed!.result.total });
    return { kind: 'closed', poll };
  }

  /**
   * After start-up: arms the deadline of every open poll of these servers and closes (and
   * announces) the ones that fell due while the bot was away.
   */
  async restore(guildIds: readonly string[]): Promise<{ open: number; closed: number }> {
    let open = 0;
    let closed = 0;
    for (const guildId of guildIds) {
      try {
        const { open: polls, closed: recent } = await this.store.list(guildId);
        // A close interrupted before its announcement (its process died) is finished here.
        for (const poll of recent)
          if (poll.closed?.announcedAt === undefined) await this.closeQuietly(guildId, poll.id);
        for (const poll of polls) {
          if (poll.closesAt <= this.now()) {
            await this.closeQuietly(guildId, poll.id);
            closed += 1;
          } else {
            this.arm(poll);
            open += 1;
          }
        }
      } catch (error) {
        this.logger.error('could not restore watch parties', { guild: guildId, error: error as Error });
      }
    }
    return { open, closed };
  }

  /** Sends pending tally edits and stops the timers (on shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.stop();
    await this.edits.flush();
  }

  /** Shows the latest tally: read when the edit is sent, so it counts votes taken by every process. */
  private refresh(poll: Poll): void {
    if (!poll.messageId) return;
    this.edits.request(keyOf(poll), async () => {
      const latest = await this.store.get(poll.guildId, poll.id);
      if (latest && !latest.closed) await this.messenger.editPoll(latest);
    });
  }

  private arm(poll: Poll): void {
    if (this.stopped) return;
    this.timers.at(keyOf(poll), poll.closesAt, () => void this.closeQuietly(poll.guildId, poll.id));
  }

  /**
   * The timer's close: a failure (store down) is logged and tried again later, never thrown. When
   * another process holds the close, this one looks again once that claim would have expired, in
   * case its holder died half-way.
   */
  private async closeQuietly(guildId: string, pollId: string): Promise<void> {
    try {
      const outcome = await this.close(guildId, pollId, 'timer');
      if (outcome.kind === 'busy' && !this.stopped)
        this.timers.at(
          `${guildId}:${pollId}`,
          this.now() + CLOSE_CLAIM_MS,
          () => void this.closeQuietly(guildId, pollId),
        );
    } catch (error) {
      this.logger.error('could not close a poll at its deadline; will try again', {
        guild: guildId,
        poll: pollId,
        error: error as Error,
      });
      if (!this.stopped)
        this.timers.at(
          `${guildId}:${pollId}`,
          this.now() + this.retryCloseMs,
          () => void this.closeQuietly(guildId, pollId),
        );
    }
  }

  /** The Discord scheduled event for the winner, at the party's start; what went wrong otherwise. */
  private async createEvent(poll: Poll): Promise<Poll> {
    const result = poll.closed!.result;
    const problem =
      poll.startsAt === undefined
        ? 'no-start'
        : result.winner === undefined
          ? 'no-winner'
          : poll.startsAt <= this.now() + 60_000
            ? 'started'
            : undefined;
    let record: { eventId: string } | { eventProblem: NonNullable<Poll['closed']>['eventProblem'] };
    if (problem) record = { eventProblem: problem };
    else {
      try {
        record = { eventId: await this.messenger.createEvent(poll) };
      } catch (error) {
        this.logger.warn('could not create the watch-party event', { poll: poll.id, reason: (error as Error).message });
        record = { eventProblem: 'failed' };
      }
    }
    Object.assign(poll.closed!, record);
    try {
      await this.store.recordEvent(poll.guildId, poll.id, record);
    } catch (error) {
      this.logger.warn('could not record the watch-party event', { poll: poll.id, reason: (error as Error).message });
    }
    return poll;
  }
}

const keyOf = (poll: Pick<Poll, 'guildId' | 'id'>) => `${poll.guildId}:${poll.id}`;
