import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Catalog } from './catalog/catalog.ts';
import type { Command } from './command.ts';
import { loadCommands } from './command-loader.ts';
import { ConfigError, DEFAULT_API_URL, requireToken, type Config } from './config.ts';
import type { BotContext } from './context.ts';
import { describeCompile, openDataset } from './data/compile-dataset.ts';
import type { Logger } from './logger.ts';
import { COMMANDS_DIR, COMPILED } from './paths.ts';
import { createRouter } from './router.ts';
import type { SearchIndex } from './search/search-index.ts';
import { openLegacyKeyv, openRecords } from './store/open-store.ts';
import { Claims } from './store/claims.ts';
import { migrateV1 } from './store/migrate-v1.ts';
import { Metrics, observedRecords, serveMetrics } from './ops/metrics.ts';
import type { Server } from 'node:http';
import { Ratings } from './ratings/ratings.ts';
import { restPollMessenger } from './discord/poll-messenger.ts';
import { PollBoard } from './watchparty/poll-board.ts';
import { PollStore } from './watchparty/poll-store.ts';
import { AlertSettingsStore } from './alerts/alert-store.ts';
import { AlertScheduler } from './alerts/scheduler.ts';
import { restAlertPoster } from './discord/alert-poster.ts';
import { Watchlists } from './watchlist/watchlist-store.ts';

export interface RunningBot {
  client: Client;
  commands: ReadonlyMap<string, Command>;
  context: BotContext;
  /** Posts the servers' episode digests and the members' reminders; ticks every ALERT_PASS_MS. */
  alerts: AlertScheduler;
  /** Stops taking interactions, lets the ones in flight finish, closes the store and the gateway. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  commandsDir?: string;
  /** A dataset already loaded and indexed (the benchmark times loading on its own); read from config.dataDir otherwise. */
  dataset?: { catalog: Catalog; search: SearchIndex };
  /** Now, in ms (tests drive episode alerts with a clock of their own). Default Date.now. */
  clock?: () => number;
}

/** Nothing the bot posts may ping anyone unless a command opts in on that one message. */
const NO_PINGS: NonNullable<ClientOptions['allowedMentions']> = { parse: [], repliedUser: false };

/**
 * How long a stop waits for the answers in flight. Each member whose rating was saved must hear
 * so, and discord.js sends a burst of deferred answers at about 50 edits a second per process, so
 * 1,000 answers need about 20 s. Bounded: process managers stop waiting too (see README, systemd
 * TimeoutStopSec and docker stop -t).
 */
export const DRAIN_MS = 25_000;
/** How often the alert scheduler looks for digests and reminders that fell due. */
const ALERT_PASS_MS = 30_000;

/** Discord could not be reached at all: the start stops with this one line, no stack. */
export class DiscordUnreachable extends Error {
  override name = 'DiscordUnreachable';
}

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be looked up (DNS)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** A failed login as the one line a person can act on: a revoked token, or no way to reach Discord. */
function explainLoginFailure(error: unknown, apiUrl: string): unknown {
  const failure = error as { code?: string; status?: number; cause?: { code?: string } };
  if (failure.code === DiscordjsErrorCodes.TokenInvalid || failure.status === 401) {
    return new ConfigError(
      'Discord refused DISCORD_TOKEN (401): copy a fresh token from the Bot page of your application into .env.',
    );
  }
  const code = failure.code ?? failure.cause?.code;
  const reason = code === undefined ? undefined : NETWORK_REASONS[code];
  if (reason === undefined) return error;
  return new DiscordUnreachable(
    `cannot reach Discord at ${apiUrl} (${code}: ${reason}). Check the internet connection` +
      (apiUrl === DEFAULT_API_URL ? '' : ' and DISCORD_API_URL') +
      ', then start again.',
  );
}

export async function startBot({
  config,
  logger,
  commandsDir = COMMANDS_DIR,
  dataset,
  clock = Date.now,
}: StartOptions): Promise<RunningBot> {
  const token = requireToken(config);
  const commands = await loadCommands(commandsDir);
  const loading = performance.now();
  // The compiled catalog (<DATA_DIR>/.compiled/catalog.bin), compiled first when the dataset changed.
  const compiled = dataset ? undefined : openDataset(config.dataDir, { autoBuild: config.catalogAutoBuild });
  if (compiled?.compiled) logger.info(`catalog ${describeCompile(compiled.compiled)}`);
  const catalog = dataset?.catalog ?? compiled!.catalog;
  const search = dataset?.search ?? compiled!.search;
  const info = compiled?.info;
  logger.info('dataset loaded', {
    dramas: catalog.dramas.length,
    people: catalog.people.length,
    songs: catalog.songs.length,
    // What npm run catalog:sync added; records it left out are data:check's to list.
    ...(info?.syncedSeries
      ? { syncedSeries: info.syncedSeries, syncedDramas: info.syncedDramas, leftOut: info.leftOut }
      : {}),
    ms: Math.round(performance.now() - loading),
  });
  const metrics = config.metricsPort === undefined ? undefined : new Metrics();
  const opened = await openRecords(config.databaseUrl);
  const records = metrics ? observedRecords(opened, metrics) : opened;
  try {
    await migrateV1(records, () => openLegacyKeyv(config.databaseUrl), logger);
  } catch (error) {
    await records.close();
    throw error;
  }
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    rest: { api: config.apiUrl },
  });
  const parties = new PollBoard({
    store: new PollStore(records, logger),
    claims: new Claims(records),
    messenger: restPollMessenger(client.rest, catalog),
    logger,
  });
  const context: BotContext = {
    config,
    catalog,
    search,
    logger,
    records,
    ratings: new Ratings(records, logger),
    parties,
    watchlists: new Watchlists(records, logger),
    alerts: new AlertSettingsStore(records, logger),
    clock,
  };
  const claims = new Claims(records);
  const alerts = new AlertScheduler({
    source: {
      digestTargets: () => context.alerts.digestTargets(),
      recordDigest: (guildId, outcome) => context.alerts.recordDigest(guildId, outcome),
      reminderTargets: () => context.watchlists.reminderTargets(),
      disableReminders: (userId, reason) => context.watchlists.disableReminders(userId, reason),
    },
    claims,
    lookup: (id) => catalog.drama(id),
    poster: restAlertPoster(client.rest, catalog),
    logger,
    now: clock,
  });

  const router = createRouter(
    commands,
    context,
    metrics && ((command, outcome, s) => metrics.interaction(command, outcome, s)),
  );
  // Up before login, so /healthz says 503 until the gateway is ready.
  let metricsServer: Server | undefined;
  if (metrics) {
    metrics.watchGateway(client);
    metricsServer = await serveMetrics(config.metricsPort!, metrics, { client, records }, logger);
  }
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (_event, shard) => logger.warn('gateway disconnected', { shard }));
  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, (c) => {
      logger.info('ready', {
        user: c.user.tag,
        guilds: c.guilds.cache.size,
        commands: [...commands.keys()].join(','),
        // Whether an edit to src/ is in: npm start runs dist/ (rebuilt when stale); tests and tools run the .ts.
        code: COMPILED ? 'dist' : 'typescript',
      });
      // Polls that fell due while the bot was away close now; the others get their timers back.
      void parties
        .restore([...c.guilds.cache.keys()])
        .then((restored) => logger.info('watch parties restored', restored));
      // A digest that fell due while the bot was down goes out now if its local day still runs.
      alerts.start(ALERT_PASS_MS);
      resolve();
    }),
  );

  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    await records.close();
    metricsServer?.close();
    throw explainLoginFailure(error, config.apiUrl);
  }
  await ready;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const deadline = Date.now() + DRAIN_MS;
      await router.drain(DRAIN_MS);
      await alerts.stop();
      await parties.stop();
      // Requests queued in discord.js's REST client (tally edits, announcements) leave before it closes.
      while (Date.now() < deadline && restBusy(client)) await new Promise((resolve) => setTimeout(resolve, 50));
      await client.destroy();
      await records.close();
      metricsServer?.close();
      logger.info('stopped');
    })());
  return { client, commands, context, alerts, stop };
}

/**
 * True while discord.js's REST client still has queued requests. Interaction callbacks go through
 * "burst" handlers, which queue nothing (and always report themselves active): they are skipped.
 */
function restBusy(client: Client): boolean {
  return [...client.rest.handlers.values()].some(
    (handler) => (handler as { majorParameter?: string }).majorParameter !== 'burst' && !handler.inactive,
  );
}
