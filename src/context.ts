import type Keyv from 'keyv';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

/** What command handlers get besides the interaction: everything is passed in, nothing is global. */
export interface BotContext {
  config: Config;
  logger: Logger;
  store: Keyv;
}
