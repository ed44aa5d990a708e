import type { AlertSettingsStore } from './alerts/alert-store.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { Ratings } from './ratings/ratings.ts';
import type { SearchIndex } from './search/search-index.ts';
import type { Records } from './store/records.ts';
import type { PollBoard } from './watchparty/poll-board.ts';
import type { Watchlists } from './watchlist/watchlist-store.ts';

/** What command handlers get besides the interaction: everything is passed in, nothing is global. */
export interface BotContext {
  config: Config;
  catalog: Catalog;
  /** One index over titles, names, characters and songs, built once at start. */
  search: SearchIndex;
  logger: Logger;
  /** The shared store (SQLite, Redis or Postgres): per-member records, tallies, claims. */
  records: Records;
  /** This server's ratings, kept in the store. */
  ratings: Ratings;
  /** This server's watch-party polls: votes, tallies, deadlines. */
  parties: PollBoard;
  /** Members' own watchlists and reminder settings (per user, the same in every server). */
  watchlists: Watchlists;
  /** Servers' episode-alert settings. */
  alerts: AlertSettingsStore;
  /** Now, in ms: Date.now, or a test's clock (episode alerts and watchlists read it). */
  clock: () => number;
}
