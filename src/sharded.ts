import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { REST } from '@discordjs/rest';
import { DiscordjsErrorCodes, ShardingManager, Routes, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { DRAIN_MS } from './bot.ts';
import { ConfigError, loadEnvironment, parseConfig, requireToken, type Config } from './config.ts';
import { compileDataset, describeCompile, openDataset, StaleCatalog } from './data/compile-dataset.ts';
import { DataError } from './data/load-catalog.ts';
import { createLogger, redact, type Logger } from './logger.ts';
import { COMPILED, moduleUrl } from './paths.ts';
import { SHARED_CATALOG, STOP_SHARD } from './sharding.ts';

/**
 * `npm run start:sharded`: discord.js's ShardingManager. By default every shard is a worker thread
 * of this one process (SHARD_MODE=worker); SHARD_MODE=process gives each shard a process of its
 * own. Shards on several machines (SHARD_LIST) need a shared store: Redis or Postgres (see
 * README, Scaling out).
 */
/** Young-generation cap per shard thread, in MB (see below). */
const SHARD_SEMI_SPACE_MB = 2;

async function run(): Promise<void> {
  loadEnvironment();
  const config = parseConfig(process.env);
  const token = requireToken(config);
  const logger = createLogger({ level: config.logLevel, secrets: [token] });
  if (config.databaseUrl.startsWith('sqlite')) {
    if (config.shardList)
      throw new ConfigError(
        'SHARD_LIST splits the bot across machines, which must share Redis or Postgres: set DATABASE_URL.',
      );
    logger.warn(
      'several shards share one SQLite file: fine on one machine, use Redis or Postgres to run shards on several (DATABASE_URL)',
    );
  }
  // discord.js asks discord.com for the recommended count; ask the configured API instead.
  const totalShards =
    config.shardCount ??
    ((await new REST({ api: config.apiUrl }).setToken(token).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult)
      .shards;
  const threads = config.shardMode === 'worker';
  // Every thread is a V8 heap of its own, and its young generation alone kept about 30 MB at rest.
  // Capped at 2 MB (set before any thread starts, so it applies to theirs), four shards on the
  // shipped dataset took 480 MB instead of 620 MB; a scavenge of 2 MB stays under a millisecond.
  if (threads) setFlagsFromString(`--max-semi-space-size=${SHARD_SEMI_SPACE_MB}`);
  const manager = new ShardingManager(
    // Compiled (npm run start:sharded), a shard starts from dist/src/shard.js. Under tsx, a thread
    // starts from plain JavaScript that registers tsx, and a process gets tsx from its flags.
    fileURLToPath(
      COMPILED || !threads ? moduleUrl('./shard.ts', import.meta.url) : new URL('./shard-entry.mjs', import.meta.url),
    ),
    {
      token,
      totalShards,
      mode: config.shardMode,
      // Several machines run one bot: each starts its own shards of the total (SHARD_LIST).
      ...(config.shardList ? { shardList: config.shardList } : {}),
      // A process shard gets what scripts/start.mjs set up here: source maps for the compiled code,
      // or tsx by an absolute loader URL ('--import tsx' would resolve from the current folder).
      ...(threads ? {} : { execArgv: COMPILED ? ['--enable-source-maps'] : ['--import', import.meta.resolve('tsx')] }),
    },
  );
  const hotPart = prepareCatalog(config, logger);
  manager.on('shardCreate', (shard) => {
    // Before the thread starts: discord.js hands shard.env to it as its workerData.
    if (hotPart) (shard.env as Record<string, unknown>)[SHARED_CATALOG] = hotPart;
    logger.info('shard started', { shard: shard.id, of: totalShards, as: config.shardMode });
  });
  if (config.shardList)
    logger.info('running part of the shards', { shards: config.shardList.join(','), of: totalShards });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal, shards: manager.shards.size });
    manager.respawn = false;
    void Promise.all(manager.shards.map((shard) => stopShard(shard, logger))).finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await manager.spawn({ timeout: 60_000 });
}

/**
 * Compiles the catalog once, here, when the dataset changed (shards starting together would each
 * compile it), and for threads reads its hot part (ids, columns, search index) once into shared
 * memory that every shard opens its catalog over. Processes each read the file themselves.
 */
function prepareCatalog(config: Config, logger: Logger): SharedArrayBuffer | undefined {
  if (config.shardMode === 'process') {
    if (!config.catalogAutoBuild) return undefined; // each shard refuses a stale catalog itself
    const report = compileDataset(config.dataDir);
    if (report.mode !== 'up to date') logger.info(`catalog ${describeCompile(report)}`);
    return undefined;
  }
  const dataset = openDataset(config.dataDir, { autoBuild: config.catalogAutoBuild, shared: true });
  if (dataset.compiled) logger.info(`catalog ${describeCompile(dataset.compiled)}`);
  const shared = dataset.hotPart.buffer as SharedArrayBuffer;
  logger.info('catalog shared by every shard', {
    dramas: dataset.catalog.dramas.length,
    people: dataset.catalog.people.length,
    sharedMB: (shared.byteLength / 1_048_576).toFixed(1),
  });
  return shared;
}

/**
 * Asks one shard to stop as `npm start` stops (answers in flight finish, the store closes) and
 * waits for it, killing it only if it is still running once the drain time is over.
 */
async function stopShard(shard: Shard, logger: Logger): Promise<void> {
  const running = shard.worker ?? shard.process;
  if (!running || (shard.process && shard.process.exitCode !== null)) return;
  const exited = once(running, 'exit');
  if (shard.worker) shard.worker.postMessage(STOP_SHARD);
  else shard.process!.kill('SIGTERM');
  const overdue = setTimeout(() => {
    logger.warn('shard did not stop in time: killed', { shard: shard.id });
    if (shard.worker) void shard.worker.terminate();
    else shard.process?.kill('SIGKILL');
  }, DRAIN_MS + 5_000);
  await exited;
  clearTimeout(overdue);
}

/** A shard that could not start has already said why on its own line; the manager adds which one, without a stack. */
const SHARD_START_FAILURES = new Set<string>([
  DiscordjsErrorCodes.ShardingReadyDied,
  DiscordjsErrorCodes.ShardingReadyDisconnected,
  DiscordjsErrorCodes.ShardingReadyTimeout,
]);

/** Problems the admin fixes by editing a file or running a command: one line, no stack. */
const EXPECTED = [ConfigError, DataError, StaleCatalog];

run().catch((error: Error & { code?: string }) => {
  const expected = EXPECTED.some((type) => error instanceof type) || SHARD_START_FAILURES.has(error.code ?? '');
  const text = expected ? error.message : (error.stack ?? error.message);
  process.stderr.write(`dramabot: ${redact(text, [process.env.DISCORD_TOKEN])}\n`);
  process.exit(1);
});
