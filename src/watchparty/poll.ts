/**
 * A watch-party poll as stored, and the pure rules about it: who may close it, how votes are
 * counted, who wins. Nothing here touches Discord or the store.
 */
type PollKind = 'episodes' | 'dramas';

/** One choice: an episode of a drama ("episodes" polls) or a drama ("dramas" polls). */
export interface PollOption {
  dramaId: string;
  episode?: number;
}

export interface PollResult {
  /** Votes per option, in option order. */
  counts: number[];
  total: number;
  /** Index of the winning option; absent when nobody voted. */
  winner?: number;
  /** Other options with as many votes as the winner (the tie the rule broke). */
  tiedWith: number[];
}

export interface ClosedPoll {
  at: number;
  /** A user id, or 'timer' when the duration ran out. */
  by: string;
  result: PollResult;
  /** The scheduled event created for the winner, or why none could be. */
  eventId?: string;
  eventProblem?: 'no-start' | 'started' | 'failed' | 'no-winner';
  /** Set once the result is posted: a process taking over an interrupted close does not post it twice. */
  announcedAt?: number;
}

export interface Poll {
  id: string;
  guildId: string;
  channelId: string;
  /** Set once the poll message is posted (or by the first vote on it, if that write was lost). */
  messageId?: string;
  hostId: string;
  /** The host's language: the public message and its result are written in it. */
  locale: string;
  kind: PollKind;
  /** Episodes in ascending order; dramas in the order the host listed them. */
  options: PollOption[];
  /** Each drama's title in the host's language when the poll started: still shown if the dataset drops it. */
  titles: Record<string, string>;
  question?: string;
  createdAt: number;
  closesAt: number;
  startsAt?: number;
  createEvent?: boolean;
  /** Where the party happens, for the scheduled event ("#drama-night"). */
  place?: string;
  /** By Discord user id: the index of the option they voted for. One vote per member. */
  votes: Record<string, number>;
  closed?: ClosedPoll;
}

/** At most 4 rows of 25 menu options: the fifth row holds Close and Withdraw. */
export const MAX_OPTIONS = 100;
/** Up to this many options are buttons (4 rows of 5); more become select menus. */
export const MAX_BUTTON_OPTIONS = 20;
export const MAX_TITLES = 10;
/** Open polls per server: what autocomplete and /watchparty list can show, and a bound on timers. */
export const MAX_OPEN_POLLS = 25;
/** Open polls per host: Manage Server can close any of them (see canClose). */
export const MAX_OPEN_POLLS_PER_HOST = 3;
/** How many closed polls each server keeps listed for /watchparty results. */
export const CLOSED_KEPT = 25;

/**
 * Counts the votes. The winner has the most votes; a tie goes to the earliest option, which is
 * the lowest episode number (options are stored in ascending order) or the first drama listed.
 */
export function tally(poll: Pick<Poll, 'options' | 'votes'>): PollResult {
  const counts = poll.options.map(() => 0);
  for (const option of Object.values(poll.votes)) if (option >= 0 && option < counts.length) counts[option]! += 1;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return { counts, total, tiedWith: [] };
  const top = Math.max(...counts);
  const leaders = counts.flatMap((c, i) => (c === top ? [i] : []));
  return { counts, total, winner: leaders[0]!, tiedWith: leaders.slice(1) };
}

/** A poll takes no vote once closed, or once its deadline has passed even if the timer has not run yet. */
export function isOpen(poll: Poll, now: number): boolean {
  return !poll.closed && now < poll.closesAt;
}

export function canClose(poll: Poll, userId: string, canManageServer: boolean): boolean {
  return poll.hostId === userId || canManageServer;
}

/** Short, unique enough within a server, and safe in a custom_id. */
export function newPollId(now = Date.now()): string {
  return `${now.toString(36)}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, '0')}`;
}

/** A poll and its count: what every view of a poll shows. */
export interface CountedPoll {
  poll: Poll;
  result: PollResult;
}

/** The live tally while the poll is open, the final count once it is closed. */
export function counted(poll: Poll): CountedPoll {
  return { poll, result: poll.closed?.result ?? tally(poll) };
}
