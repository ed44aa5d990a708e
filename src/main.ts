import { DiscordUnreachable, DRAIN_MS, startBot, type RunningBot, type StartOptions } from './bot.ts';
import { CommandLoadError } from './command-loader.ts';
import { ConfigError, loadEnvironment, parseConfig, type Config } from './config.ts';
import { StaleCatalog } from './data/compile-dataset.ts';
import { DataError } from './data/load-catalog.ts';
import { createLogger, redact, type Logger } from './logger.ts';

/** Problems the user fixes by editing a file: one clear message, no stack. */
const EXPECTED = [ConfigError, CommandLoadError, DataError, StaleCatalog, DiscordUnreachable];

/** How `npm run start:sharded` runs one shard (src/shard.ts); `npm start` passes nothing. */
export interface ShardRole {
  id: number;
  /** The dataset the manager prepared for every shard; read from config.dataDir when absent. */
  dataset?: (config: Config, logger: Logger) => NonNullable<StartOptions['dataset']>;
  /** Calls `stop` when the manager asks this shard to stop (a worker thread receives no signals). */
  onStopRequest?: (stop: () => void) => void;
}

/**
 * Each shard serves its metrics on its own port, METRICS_PORT + its id (0 stays "any free port"):
 * threads of one process cannot all listen on one port.
 */
const shardMetricsPort = (port: number | undefined, shard: number) => (port ? port + shard : port);

/**
 * `npm start`, and each shard of `npm run start:sharded`: validates the configuration, starts the
 * bot, stops cleanly on SIGINT/SIGTERM (or when the manager asks).
 */
export async function main(shard?: ShardRole): Promise<void> {
  loadEnvironment();
  let bot: RunningBot;
  try {
    const parsed = parseConfig(process.env);
    const config = shard ? { ...parsed, metricsPort: shardMetricsPort(parsed.metricsPort, shard.id) } : parsed;
    const logger = createLogger({
      level: config.logLevel,
      secrets: config.token ? [config.token] : [],
      ...(shard ? { fields: { shard: shard.id } } : {}),
    });
    const dataset = shard?.dataset?.(config, logger);
    bot = await startBot({ config, logger, ...(dataset ? { dataset } : {}) });
    const shutDown = (signal: string) => {
      logger.info('shutting down', { signal });
      const force = setTimeout(() => process.exit(0), DRAIN_MS + 5_000).unref();
      void bot.stop().finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    };
    process.once('SIGINT', () => shutDown('SIGINT'));
    process.once('SIGTERM', () => shutDown('SIGTERM'));
    shard?.onStopRequest?.(() => shutDown('manager'));
  } catch (error) {
    if (EXPECTED.some((type) => error instanceof type)) {
      process.stderr.write(`dramabot: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(
        `dramabot: could not start: ${redact((error as Error).stack ?? String(error), [process.env.DISCORD_TOKEN])}\n`,
      );
    }
    process.exit(1);
  }
}
