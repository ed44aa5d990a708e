import { describe, expect, it } from 'vitest';
import {
  MAX_WATCHLIST_ENTRIES,
  type WatchEntry,
  addedEntry,
  completedEntry,
  orderedEntries,
  parseEntry,
  progressedEntry,
  remindedDramaIds,
  serializeEntry,
} from '../../src/watchlist/watchlist.ts';

const entry = (dramaId: string, status: WatchEntry['status'], updatedAt: number, episode?: number): WatchEntry => ({
  dramaId,
  status,
  ...(episode !== undefined ? { episode } : {}),
  addedAt: 1,
  updatedAt,
});

describe('addedEntry', () => {
  it('adds as watching by default and keeps the episode given', () => {
    expect(addedEntry(undefined, { dramaId: 'buried-hearts', episode: 5 }, 16, 0, 100)).toEqual({
      dramaId: 'buried-hearts',
      status: 'watching',
      episode: 5,
      addedAt: 100,
      updatedAt: 100,
    });
  });

  it('changes the existing entry instead of adding the drama twice, keeping when it was added', () => {
    const first = entry('goblin', 'plan-to-watch', 5);
    expect(addedEntry(first, { dramaId: 'goblin', status: 'watching', episode: 2 }, 16, 1, 50)).toMatchObject({
      status: 'watching',
      episode: 2,
      addedAt: 1,
      updatedAt: 50,
    });
  });

  it('counts every episode as seen for a completed drama', () => {
    expect(addedEntry(undefined, { dramaId: 'goblin', status: 'completed' }, 16, 0, 1)).toMatchObject({ episode: 16 });
  });

  it('refuses an episode past the last and a full list', () => {
    expect(addedEntry(undefined, { dramaId: 'goblin', episode: 17 }, 16, 0, 1)).toEqual({
      problem: 'episode-too-high',
      episodeCount: 16,
    });
    expect(addedEntry(undefined, { dramaId: 'x' }, 16, MAX_WATCHLIST_ENTRIES, 1)).toMatchObject({
      problem: 'list-full',
    });
  });
});

describe('progressedEntry', () => {
  it('moves the member forward and starts a planned drama', () => {
    const result = progressedEntry(entry('goblin', 'plan-to-watch', 1), 3, 16, 9);
    expect(result).toEqual({ entry: { ...entry('goblin', 'watching', 9, 3) }, finished: false });
  });

  it('says the last episode was reached, so completion can be offered', () => {
    const result = progressedEntry(entry('goblin', 'watching', 1, 15), 16, 16, 9);
    expect(result).toMatchObject({ finished: true, entry: { status: 'watching', episode: 16 } });
    if ('entry' in result) expect(completedEntry(result.entry, 16, 10)).toMatchObject({ status: 'completed' });
  });

  it('refuses a drama not on the list and an episode past the last', () => {
    expect(progressedEntry(undefined, 3, 16, 9)).toEqual({ problem: 'not-on-list' });
    expect(progressedEntry(entry('goblin', 'watching', 1), 40, 16, 9)).toMatchObject({ problem: 'episode-too-high' });
  });
});

describe('lists', () => {
  it('orders by status, most recently touched first, and filters by status', () => {
    const list = [entry('a', 'completed', 5), entry('b', 'watching', 1), entry('c', 'watching', 9)];
    expect(orderedEntries(list).map((e) => e.dramaId)).toEqual(['c', 'b', 'a']);
    expect(orderedEntries(list, 'completed').map((e) => e.dramaId)).toEqual(['a']);
  });

  it('reminds of what the member watches or plans to, not of what they finished or dropped', () => {
    const list = [
      entry('a', 'completed', 5),
      entry('b', 'watching', 1),
      entry('c', 'plan-to-watch', 1),
      entry('d', 'dropped', 1),
    ];
    expect(remindedDramaIds(list)).toEqual(['b', 'c']);
  });

  it('reads back what it stored and skips a record that is not an entry', () => {
    const e = entry('goblin', 'on-hold', 7, 4);
    expect(parseEntry('goblin', serializeEntry(e))).toEqual(e);
    expect(parseEntry('goblin', '{"status":"binging"}')).toBeUndefined();
    expect(parseEntry('goblin', 'not json')).toBeUndefined();
  });
});
