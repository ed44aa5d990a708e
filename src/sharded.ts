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
    logger.warn(
      'several shards share one SQLite file: fine for a test, use Redis or Postgres in production (DATABASE_URL)',
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
    // An absolute loader URL: '--import tsx' would resolve from the current folder, not the project.
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  manager.on('shardCreate', (shard) => logger.info('shard started', { shard: shard.id, of: totalShards }));
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
