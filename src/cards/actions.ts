import { action, defineActions } from '../discord/custom-id.ts';
import type { RandomFilter, SearchFilter } from '../lookup/filter.ts';

/**
 * Every custom_id the lookup cards put on buttons and menus, in one place. The first part names
 * the command file that handles the press; the rest is all the state there is, so a button works
 * for anyone, and still works after a restart. A page number present means "turn the page in
 * place"; absent, it means "open this list as a new message".
 */
/** With a network name of at most 16 and at most 25 pages, the longest search custom_id is 96 characters. */
export const SEARCH_QUERY_MAX = 40;

/** Reads a record id back; empty means the button was not ours. */
const idOf = (text: string | undefined) => (text ? text : undefined);
/** Reads a whole number back (a page, a track, a poll option). */
const whole = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
/** A page number present means "turn the page in place"; absent, "open this list as a new message". */
function withPage<T extends object>(
  fields: T | undefined,
  page: string | undefined,
): (T & { page?: number }) | undefined {
  if (!fields) return undefined;
  if (page === undefined) return fields;
  const n = whole(page);
  return n === undefined ? undefined : { ...fields, page: n };
}
const dramaRef = ([dramaId]: string[]) => (idOf(dramaId) ? { dramaId: dramaId! } : undefined);
const personRef = ([personId]: string[]) => (idOf(personId) ? { personId: personId! } : undefined);
const pollRef = ([pollId]: string[]) => (idOf(pollId) ? { pollId: pollId! } : undefined);
const pageRef = ([page]: string[]) => {
  const n = whole(page ?? '0');
  return n === undefined ? undefined : { page: n };
};

export const drama = defineActions('drama', {
  card: action('card', (dramaId: string) => [dramaId], dramaRef),
  /** Select menu whose values are drama ids. */
  openDrama: action('open-drama', () => []),
  cast: action(
    'cast',
    (dramaId: string, page?: number) => [dramaId, ...pageArg(page)],
    (args) => withPage(dramaRef(args), args[1]),
  ),
  episodes: action(
    'episodes',
    (dramaId: string, page?: number) => [dramaId, ...pageArg(page)],
    (args) => withPage(dramaRef(args), args[1]),
  ),
  /** 🎲 Another one: the filter, and the drama on the card now, so the next pick is a different one. */
  another: action(
    'another',
    (filter: RandomFilter, shownId: string) => [filter.genre ?? '', filter.maxEpisodes ?? '', shownId],
    parseRandomArgs,
  ),
  search: action(
    'search',
    (filter: SearchFilter, page: number) => [
      page,
      filter.genre ?? '',
      filter.year ?? '',
      filter.maxEpisodes ?? '',
      filter.network ?? '',
      sanitizeQuery(filter.query ?? ''),
    ],
    parseSearchArgs,
  ),
});

export const cast = defineActions('cast', {
  card: action('card', (personId: string) => [personId], personRef),
  page: action(
    'page',
    (personId: string, page: number) => [personId, page],
    (args) => withPage(personRef(args), args[1] ?? '0'),
  ),
  /** Select menu whose values are person ids. */
  openPerson: action('open-person', () => []),
  /** Select menu whose values are drama ids. */
  openDrama: action('open-drama', () => []),
});

export const ost = defineActions('ost', {
  tracks: action(
    'tracks',
    (dramaId: string, page?: number) => [dramaId, ...pageArg(page)],
    (args) => withPage(dramaRef(args), args[1]),
  ),
  song: action(
    'song',
    (dramaId: string, track: number) => [dramaId, track],
    ([dramaId, track]) => {
      const n = whole(track);
      return idOf(dramaId) && n !== undefined ? { dramaId: dramaId!, track: n } : undefined;
    },
  ),
  artist: action(
    'artist',
    (personId: string, page?: number) => [personId, ...pageArg(page)],
    (args) => withPage(personRef(args), args[1]),
  ),
  /** Select menu whose values are "s:<drama id>:<track>". */
  openSong: action('open-song', () => []),
});

export const rate = defineActions('rate', {
  /** Opens the rating form for a drama; its submission comes back as `rateForm.submit`. */
  open: action('open', (dramaId: string) => [dramaId], dramaRef),
});

/** The rating form (a modal): its own set, so a button id can never reach the form handler. */
export const rateForm = defineActions('rate', {
  submit: action('submit', (dramaId: string) => [dramaId], dramaRef),
});

export const recommend = defineActions('recommend', {
  similar: action('similar', (dramaId: string) => [dramaId], dramaRef),
});

export const ratings = defineActions('ratings', {
  leaderboardPage: action('page', (page: number) => [page], pageRef),
  myRatingsPage: action('mine', (page: number) => [page], pageRef),
});

export const ratingsAdmin = defineActions('ratings-admin', {
  confirmReset: action('reset', (dramaId: string) => [dramaId], dramaRef),
  cancelReset: action('cancel', () => []),
});

export const watchparty = defineActions('watchparty', {
  /** A vote button: the option's index in the poll. */
  vote: action(
    'vote',
    (pollId: string, option: number) => [pollId, option],
    ([pollId, option]) => {
      const n = whole(option);
      return idOf(pollId) && n !== undefined ? { pollId: pollId!, option: n } : undefined;
    },
  ),
  /** A vote menu (one per 25 options, numbered because custom_ids must differ); values are option indexes. */
  pick: action('pick', (pollId: string, menu: number) => [pollId, menu], pollRef),
  withdraw: action('withdraw', (pollId: string) => [pollId], pollRef),
  close: action('close', (pollId: string) => [pollId], pollRef),
});

export const watchlist = defineActions('watchlist', {
  /** Adds a drama to the presser's own watchlist (the buttons on episode digests and "did you mean"). */
  add: action('add', (dramaId: string) => [dramaId], dramaRef),
  /** Marks a drama completed after its last episode was reached. */
  complete: action('complete', (dramaId: string) => [dramaId], dramaRef),
  /** A page of a member's watchlist; an empty status means every status. */
  page: action(
    'page',
    (userId: string, status: string, page: number) => [userId, status, page],
    ([userId, status = '', page]) => {
      const n = whole(page);
      return idOf(userId) && n !== undefined ? { userId: userId!, status, page: n } : undefined;
    },
  ),
});

const pageArg = (page: number | undefined) => (page === undefined ? [] : [page]);

/** The query rides in the custom_id: separators out, and cut to the option's own max length. */
function sanitizeQuery(query: string): string {
  return query.replace(/:/g, ' ').trim().slice(0, SEARCH_QUERY_MAX);
}

/** Reads back the filter `searchPage` wrote; the query is last and may itself be empty. */
function parseSearchArgs(args: string[]): { page: number; filter: SearchFilter } {
  const [page = '0', genre = '', year = '', maxEpisodes = '', network = '', ...query] = args;
  const filter: SearchFilter = {};
  if (genre) filter.genre = genre;
  if (year && Number.isInteger(Number(year))) filter.year = Number(year);
  if (maxEpisodes && Number.isInteger(Number(maxEpisodes))) filter.maxEpisodes = Number(maxEpisodes);
  if (network) filter.network = network;
  const text = query.join(' ').trim();
  if (text) filter.query = text;
  return { page: Number(page) || 0, filter };
}

/** Reads back what `another` wrote: the filter, and the drama shown when the button was made. */
function parseRandomArgs(args: string[]): { filter: RandomFilter; shownId?: string } {
  const [genre = '', maxEpisodes = '', shownId = ''] = args;
  return {
    filter: {
      ...(genre ? { genre } : {}),
      ...(maxEpisodes && Number.isInteger(Number(maxEpisodes)) ? { maxEpisodes: Number(maxEpisodes) } : {}),
    },
    ...(shownId ? { shownId } : {}),
  };
}
