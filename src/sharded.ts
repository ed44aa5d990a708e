import { fileURLToPath } from 'node:url';
import { REST } from '@discordjs/rest';
import { ShardingManager, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { ConfigError, loadEnvironment, parseConfig, requireToken } from './config.ts';
import { createLogger, redact } from './logger.ts';

/**
 * `npm run start:sharded`: one process per shard. Several processes cannot share one SQLite
 * file safely: point DATABASE_URL at Redis or Postgres (see README, Scaling out).
 */
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
  const manager = new ShardingManager(fileURLToPath(new URL('./index.ts', import.meta.url)), {
    token,
    totalShards,
    // Several machines run one bot: each starts its own shards of the total (SHARD_LIST).
    ...(config.shardList ? { shardList: config.shardList } : {}),
    // An absolute loader URL: '--import tsx' would resolve from the current folder, not the project.
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  manager.on('shardCreate', (shard) => logger.info('shard started', { shard: shard.id, of: totalShards }));
  if (config.shardList)
    logger.info('running part of the shards', { shards: config.shardList.join(','), of: totalShards });
  const stop = () => {
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await manager.spawn({ timeout: 60_000 });
}

run().catch((error: Error) => {
  const text = error instanceof ConfigError ? error.message : (error.stack ?? error.message);
  process.stderr.write(`dramabot: ${redact(text, [process.env.DISCORD_TOKEN])}\n`);
  process.exit(1);
});
