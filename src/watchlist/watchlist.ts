/**
 * A member's watchlist: what they watch, plan to watch or gave up, and how far they got. It
 * belongs to the member, not to a server, so the same list shows in every server and in DMs.
 */
export const WATCH_STATUSES = ['watching', 'plan-to-watch', 'completed', 'on-hold', 'dropped'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

export interface WatchEntry {
  dramaId: string;
  status: WatchStatus;
  /** Episodes seen; absent when the member has not said. */
  episode?: number;
  addedAt: number;
  updatedAt: number;
}

/** How many dramas one list holds: enough for any fan, small enough to read in one store call. */
export const MAX_WATCHLIST_ENTRIES = 500;

export function isWatchStatus(value: unknown): value is WatchStatus {
  return typeof value === 'string' && (WATCH_STATUSES as readonly string[]).includes(value);
}

export type EntryProblem =
  | { problem: 'episode-too-high'; episodeCount: number }
  | { problem: 'list-full'; max: number }
  | { problem: 'not-on-list' };

/**
 * The entry after `/watchlist add`: a new one, or the existing one with what the member said
 * changed (adding a drama twice never makes two entries). Completed means every episode seen.
 */
export function addedEntry(
  existing: WatchEntry | undefined,
  input: { dramaId: string; status?: WatchStatus; episode?: number },
  episodeCount: number,
  listSize: number,
  now: number,
): WatchEntry | EntryProblem {
  if (input.episode !== undefined && input.episode > episodeCount) return { problem: 'episode-too-high', episodeCount };
  if (!existing && listSize >= MAX_WATCHLIST_ENTRIES) return { problem: 'list-full', max: MAX_WATCHLIST_ENTRIES };
  const status = input.status ?? existing?.status ?? 'watching';
  const episode = status === 'completed' ? episodeCount : (input.episode ?? existing?.episode);
  return {
    dramaId: input.dramaId,
    status,
    ...(episode !== undefined ? { episode } : {}),
    addedAt: existing?.addedAt ?? now,
    updatedAt: now,
  };
}

/**
 * The entry after `/watchlist progress`: the member says how far they got. A drama they only
 * planned to watch, or had put on hold, becomes "watching". `finished` says they reached the last
 * episode, so the bot offers to mark it completed (and to rate it).
 */
export function progressedEntry(
  existing: WatchEntry | undefined,
  episode: number,
  episodeCount: number,
  now: number,
): { entry: WatchEntry; finished: boolean } | EntryProblem {
  if (!existing) return { problem: 'not-on-list' };
  if (episode > episodeCount) return { problem: 'episode-too-high', episodeCount };
  const status = existing.status === 'completed' && episode < episodeCount ? 'watching' : existing.status;
  const entry: WatchEntry = {
    ...existing,
    status: status === 'plan-to-watch' || status === 'on-hold' ? 'watching' : status,
    episode,
    updatedAt: now,
  };
  return { entry, finished: episode === episodeCount && entry.status !== 'completed' };
}

export function completedEntry(existing: WatchEntry, episodeCount: number, now: number): WatchEntry {
  return { ...existing, status: 'completed', episode: episodeCount, updatedAt: now };
}

/** The list in reading order: by status as WATCH_STATUSES lists them, the most recently touched first. */
export function orderedEntries(entries: Iterable<WatchEntry>, status?: WatchStatus): WatchEntry[] {
  const rank = (s: WatchStatus) => WATCH_STATUSES.indexOf(s);
  return [...entries]
    .filter((e) => status === undefined || e.status === status)
    .sort((a, b) => rank(a.status) - rank(b.status) || b.updatedAt - a.updatedAt || (a.dramaId < b.dramaId ? -1 : 1));
}

/** Dramas whose new episodes a member's reminder covers: the ones they watch or plan to. */
export function remindedDramaIds(entries: Iterable<WatchEntry>): string[] {
  return [...entries].filter((e) => e.status === 'watching' || e.status === 'plan-to-watch').map((e) => e.dramaId);
}

/** Reads a stored entry, or undefined when it is not one (a bad record is skipped, never fatal). */
export function parseEntry(dramaId: string, text: string): WatchEntry | undefined {
  try {
    const value = JSON.parse(text) as Partial<WatchEntry>;
    if (!isWatchStatus(value.status)) return undefined;
    if (value.episode !== undefined && !(Number.isInteger(value.episode) && value.episode >= 0)) return undefined;
    const addedAt = Number(value.addedAt) || 0;
    return {
      dramaId,
      status: value.status,
      ...(value.episode !== undefined ? { episode: value.episode } : {}),
      addedAt,
      updatedAt: Number(value.updatedAt) || addedAt,
    };
  } catch {
    return undefined;
  }
}

export function serializeEntry({ dramaId: _id, ...rest }: WatchEntry): string {
  return JSON.stringify(rest);
}
