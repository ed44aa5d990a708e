import { type Airing, type DramaLookup, koreanDate, nextAiring } from '../alerts/airing.ts';
import type { Drama } from '../data/schema.ts';
import { UserError } from '../errors.ts';
import type { Watchlists } from './watchlist-store.ts';
import {
  type EntryProblem,
  type WatchEntry,
  type WatchStatus,
  addedEntry,
  completedEntry,
  orderedEntries,
  progressedEntry,
} from './watchlist.ts';

/**
 * What the /watchlist handlers do, as plain functions over the store: each resolves only once
 * the change is written, and refuses what it cannot do with a UserError the router translates.
 */
function refuse(problem: EntryProblem, drama: Drama): never {
  switch (problem.problem) {
    case 'episode-too-high':
      throw new UserError('watchlist.episodeTooHigh', { drama, total: problem.episodeCount });
    case 'list-full':
      throw new UserError('watchlist.listFull', { max: problem.max });
    case 'not-on-list':
      throw new UserError('watchlist.notOnList', { drama });
  }
}

export async function addToWatchlist(
  watchlists: Watchlists,
  userId: string,
  drama: Drama,
  input: { status?: WatchStatus; episode?: number },
  now: number,
): Promise<{ entry: WatchEntry; isNew: boolean }> {
  const list = await watchlists.list(userId);
  const existing = list.find((e) => e.dramaId === drama.id);
  const entry = addedEntry(existing, { dramaId: drama.id, ...input }, drama.episodeCount, list.length, now);
  if ('problem' in entry) refuse(entry, drama);
  await watchlists.save(userId, entry);
  return { entry, isNew: !existing };
}

export async function recordProgress(
  watchlists: Watchlists,
  userId: string,
  drama: Drama,
  episode: number,
  now: number,
): Promise<{ entry: WatchEntry; finished: boolean }> {
  const result = progressedEntry(await watchlists.entry(userId, drama.id), episode, drama.episodeCount, now);
  if ('problem' in result) refuse(result, drama);
  await watchlists.save(userId, result.entry);
  return result;
}

export async function markCompleted(
  watchlists: Watchlists,
  userId: string,
  drama: Drama,
  now: number,
): Promise<WatchEntry> {
  const existing = await watchlists.entry(userId, drama.id);
  const entry = existing
    ? completedEntry(existing, drama.episodeCount, now)
    : (addedEntry(undefined, { dramaId: drama.id, status: 'completed' }, drama.episodeCount, 0, now) as WatchEntry);
  await watchlists.save(userId, entry);
  return entry;
}

export async function removeFromWatchlist(watchlists: Watchlists, userId: string, drama: Drama): Promise<void> {
  if (!(await watchlists.entry(userId, drama.id))) refuse({ problem: 'not-on-list' }, drama);
  await watchlists.remove(userId, drama.id);
}

/** The list as shown: entries whose drama the catalog knows, in order, with the next episode of those still airing. */
export function watchlistLines(
  entries: readonly WatchEntry[],
  lookup: DramaLookup,
  now: number,
  status?: WatchStatus,
): Array<{ entry: WatchEntry; drama: Drama; next?: Airing }> {
  const today = koreanDate(now);
  return orderedEntries(entries, status).flatMap((entry) => {
    const drama = lookup(entry.dramaId);
    if (!drama) return [];
    const next = entry.status === 'completed' || entry.status === 'dropped' ? undefined : nextAiring(drama, today);
    return [{ entry, drama, ...(next ? { next } : {}) }];
  });
}
