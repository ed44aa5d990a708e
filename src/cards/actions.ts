import { customId } from '../discord/custom-id.ts';
import type { RandomFilter, SearchFilter } from '../lookup/filter.ts';

/**
 * Every custom_id the lookup cards put on buttons and menus, in one place. The first part names
 * the command file that handles the press; the rest is all the state there is, so a button works
 * for anyone, and still works after a restart. A page number present means "turn the page in
 * place"; absent, it means "open this list as a new message".
 */
/** With a network name of at most 16 and at most 25 pages, the longest search custom_id is 96 characters. */
export const SEARCH_QUERY_MAX = 40;

export const actions = {
  dramaCard: (dramaId: string) => customId('drama', 'card', dramaId),
  /** Select menu whose values are drama ids. */
  openDrama: (owner: 'drama' | 'cast' | 'ost') => customId(owner, 'open-drama'),
  cast: (dramaId: string, page?: number) => customId('drama', 'cast', dramaId, ...pageArg(page)),
  episodes: (dramaId: string, page?: number) => customId('drama', 'episodes', dramaId, ...pageArg(page)),
  /** 🎲 Another one: the filter, and the drama on the card now, so the next pick is a different one. */
  another: (filter: RandomFilter, shownId: string) =>
    customId('drama', 'another', filter.genre ?? '', filter.maxEpisodes ?? '', shownId),
  searchPage: (filter: SearchFilter, page: number) =>
    customId(
      'drama',
      'search',
      page,
      filter.genre ?? '',
      filter.year ?? '',
      filter.maxEpisodes ?? '',
      filter.network ?? '',
      sanitizeQuery(filter.query ?? ''),
    ),
  personCard: (personId: string) => customId('cast', 'card', personId),
  personPage: (personId: string, page: number) => customId('cast', 'page', personId, page),
  /** Select menu whose values are person ids. */
  openPerson: () => customId('cast', 'open-person'),
  tracks: (dramaId: string, page?: number) => customId('ost', 'tracks', dramaId, ...pageArg(page)),
  song: (dramaId: string, track: number) => customId('ost', 'song', dramaId, track),
  artist: (personId: string, page?: number) => customId('ost', 'artist', personId, ...pageArg(page)),
  /** Select menu whose values are "s:<drama id>:<track>". */
  openSong: () => customId('ost', 'open-song'),
  /** Opens the rating form for a drama; its submission comes back as rateSubmit. */
  rate: (dramaId: string) => customId('rate', 'open', dramaId),
  rateSubmit: (dramaId: string) => customId('rate', 'submit', dramaId),
  similar: (dramaId: string) => customId('recommend', 'similar', dramaId),
  leaderboardPage: (page: number) => customId('ratings', 'page', page),
  myRatingsPage: (page: number) => customId('ratings', 'mine', page),
  confirmReset: (dramaId: string) => customId('ratings-admin', 'reset', dramaId),
  cancelReset: () => customId('ratings-admin', 'cancel'),
  /** A vote button: the option's index in the poll. */
  vote: (pollId: string, option: number) => customId('watchparty', 'vote', pollId, option),
  /** A vote menu (one per 25 options, numbered because custom_ids must differ); values are option indexes. */
  pickVote: (pollId: string, menu: number) => customId('watchparty', 'pick', pollId, menu),
  withdrawVote: (pollId: string) => customId('watchparty', 'withdraw', pollId),
  closePoll: (pollId: string) => customId('watchparty', 'close', pollId),
};

const pageArg = (page: number | undefined) => (page === undefined ? [] : [page]);

/** The query rides in the custom_id: separators out, and cut to the option's own max length. */
function sanitizeQuery(query: string): string {
  return query.replace(/:/g, ' ').trim().slice(0, SEARCH_QUERY_MAX);
}

/** Reads back the filter `searchPage` wrote; the query is last and may itself be empty. */
export function parseSearchArgs(args: string[]): { page: number; filter: SearchFilter } {
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
export function parseRandomArgs(args: string[]): { filter: RandomFilter; shownId?: string } {
  const [genre = '', maxEpisodes = '', shownId = ''] = args;
  return {
    filter: {
      ...(genre ? { genre } : {}),
      ...(maxEpisodes && Number.isInteger(Number(maxEpisodes)) ? { maxEpisodes: Number(maxEpisodes) } : {}),
    },
    ...(shownId ? { shownId } : {}),
  };
}
