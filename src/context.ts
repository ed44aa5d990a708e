import type Keyv from 'keyv';
import type { Catalog } from './catalog/catalog.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

/** What command handlers get besides the interaction: everything is passed in, nothing is global. */
export interface BotContext {
  config: Config;
  catalog: Catalog;
  logger: Logger;
  store: Keyv;
}
