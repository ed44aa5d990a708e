import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { SHARD_MODES, type ShardMode } from './sharding.ts';

/**
 * Reads `.env` (without overriding what the shell set), then removes every variable that is set
 * but blank. An empty line in `.env` means "not set" everywhere, also for the variables libraries
 * read on their own: discord.js turns an empty SHARD_COUNT into 0 shards and crashes.
 */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // Blank before and after: a blank shell variable must not hide the value .env gives.
  dropBlank(env);
  loadDotenv({ quiet: true, processEnv: env as Record<string, string> });
  dropBlank(env);
  return env;
}

function dropBlank(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() === '') delete env[name];
}

/** Thrown for a missing or malformed setting: the message is the one line the user sees. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const COPY_HINT = 'Copy .env.example to .env and fill it in';

/** A bot token is three dot-separated parts, the first the bot's user id in base64. */
const tokenShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const snowflake = /^\d{17,20}$/;

function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0] ?? '';
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return snowflake.test(decoded) ? decoded : undefined;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .refine((t) => tokenShape.test(t) && applicationIdFromToken(t) !== undefined, {
        message: 'is not a bot token (three dot-separated parts, from the Bot page of your application)',
      }),
  ),
  DISCORD_CLIENT_ID: optional(z.string().trim().regex(snowflake, 'must be a numeric application id (17-20 digits)')),
  DISCORD_GUILD_ID: optional(z.string().trim().regex(snowflake, 'must be a numeric server id (17-20 digits)')),
  DISCORD_API_URL: optional(
    z
      .string()
      .trim()
      .url('must be a URL such as https://discord.com/api')
      .refine((u) => /^https?:\/\//.test(u), { message: 'must start with http:// or https://' }),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\/.+/, 'must start with sqlite://, redis:// or postgres://'),
  ),
  DATA_DIR: optional(z.string().trim()),
  CATALOG_AUTO_BUILD: optional(z.enum(['true', 'false'], { message: 'must be true or false' })),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  SHARD_COUNT: optional(
    z
      .string()
      .trim()
      .regex(/^[1-9]\d*$/, 'must be a whole number of shards, 1 or more'),
  ),
  SHARD_MODE: optional(z.enum(SHARD_MODES, { message: `must be ${SHARD_MODES.join(' or ')}` })),
  METRICS_PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, 'must be a port number (0 picks a free one)')
      .refine((p) => Number(p) <= 65_535, { message: 'must be a port number up to 65535' }),
  ),
  SHARD_LIST: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, 'must list shard ids separated by commas, like 0,1'),
  ),
});

export interface Config {
  token: string | undefined;
  clientId: string | undefined;
  guildId: string | undefined;
  /** Base of Discord's HTTP API, without the version: discord.js appends /v10. */
  apiUrl: string;
  databaseUrl: string;
  dataDir: string;
  /** Compile the catalog at start when the dataset changed (false: refuse to start until npm run catalog:build). */
  catalogAutoBuild: boolean;
  logLevel: LogLevel;
  shardCount: number | undefined;
  /** How npm run start:sharded runs its shards: threads of one process sharing one catalog, or processes. */
  shardMode: ShardMode;
  /** Serves /metrics (Prometheus) and /healthz on this port when set; 0 picks a free port. */
  metricsPort: number | undefined;
  /** The shards this machine runs (npm run start:sharded); the others run elsewhere. */
  shardList: number[] | undefined;
}

export const DEFAULT_API_URL = 'https://discord.com/api';
const DEFAULT_DATABASE_URL = 'sqlite://data/dramabot.sqlite';

/** Validates the environment once; the first problem becomes one clear line. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} ${issue.message}. ${COPY_HINT} (see README, Configuration).`);
  }
  const e = parsed.data;
  const shardList = e.SHARD_LIST?.split(',').map((id) => Number(id.trim()));
  if (shardList) {
    if (!e.SHARD_COUNT)
      throw new ConfigError(
        `SHARD_LIST needs SHARD_COUNT: the total number of shards across every machine. ${COPY_HINT}.`,
      );
    const outside = shardList.find((id) => id >= Number(e.SHARD_COUNT));
    if (outside !== undefined)
      throw new ConfigError(
        `SHARD_LIST names shard ${outside}, but shards run from 0 to ${Number(e.SHARD_COUNT) - 1} (SHARD_COUNT=${e.SHARD_COUNT}).`,
      );
  }
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID ?? (e.DISCORD_TOKEN ? applicationIdFromToken(e.DISCORD_TOKEN) : undefined),
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: (e.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    dataDir: e.DATA_DIR ?? 'data',
    catalogAutoBuild: e.CATALOG_AUTO_BUILD !== 'false',
    logLevel: e.LOG_LEVEL ?? 'info',
    shardCount: e.SHARD_COUNT ? Number(e.SHARD_COUNT) : undefined,
    shardMode: e.SHARD_MODE ?? 'worker',
    metricsPort: e.METRICS_PORT === undefined ? undefined : Number(e.METRICS_PORT),
    shardList: shardList ? [...new Set(shardList)].sort((a, b) => a - b) : undefined,
  };
}

/** The token is the one setting the bot cannot start without. */
export function requireToken(config: Config): string {
  if (!config.token) {
    throw new ConfigError(
      'DISCORD_TOKEN is not set. Copy .env.example to .env and paste your bot token into it, or try the bot offline with: npm run playground',
    );
  }
  return config.token;
}
