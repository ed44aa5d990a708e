import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { ConfigError } from '../config.ts';
import { openPostgres } from './postgres-driver.ts';
import type { Records } from './records.ts';
import { openRedis } from './redis-records.ts';
import { SqlRecords } from './sql-records.ts';
import { openSqlite } from './sqlite-driver.ts';

/**
 * Where the bot keeps its state, from DATABASE_URL:
 *   sqlite://data/dramabot.sqlite          one machine (the default)
 *   redis://host:6379[?namespace=name]     several processes; keys start with `<namespace>:`
 *   postgres://user:pass@host/db[?namespace=name]   several processes; tables in schema <namespace>
 * The namespace (default `dramabot` on Redis, `public` on Postgres) lets several bots, or test
 * runs, share one server without meeting.
 */
export interface StoreLocation {
  backend: 'sqlite' | 'redis' | 'postgres';
  /** The URL the driver gets (without our own `namespace` parameter). */
  url: string;
  /** SQLite: the file. */
  file?: string;
  namespace?: string;
}

export function storeLocation(databaseUrl: string): StoreLocation {
  const scheme = databaseUrl.slice(0, databaseUrl.indexOf(':'));
  if (scheme === 'sqlite') return { backend: 'sqlite', url: databaseUrl, file: databaseUrl.slice('sqlite://'.length) };
  const url = new URL(databaseUrl);
  const namespace = url.searchParams.get('namespace') ?? undefined;
  url.searchParams.delete('namespace');
  const backend = scheme.startsWith('redis') ? 'redis' : 'postgres';
  return { backend, url: url.toString(), ...(namespace ? { namespace } : {}) };
}

/** Opens the records named by DATABASE_URL; a URL that cannot work becomes one clear ConfigError. */
export async function openRecords(databaseUrl: string): Promise<Records> {
  const where = storeLocation(databaseUrl);
  const opts = where.namespace ? { namespace: where.namespace } : {};
  try {
    if (where.backend === 'sqlite') return new SqlRecords(await openSqlite(where.file!));
    if (where.backend === 'postgres') return new SqlRecords(await openPostgres(where.url, opts));
    return await openRedis(where.url, opts);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `DATABASE_URL: could not open the ${where.backend} store (${(error as Error).message}). Check that it is running and the URL is right.`,
    );
  }
}

/**
 * The Keyv store of version 1 at the same place (one document per drama or poll), which the
 * migration reads once. Keyv stays the reader of that layout; it cannot serve the current one,
 * which needs per-member atomic writes (see src/store/records.ts).
 */
export function openLegacyKeyv(databaseUrl: string): Keyv {
  const where = storeLocation(databaseUrl);
  let adapter: KeyvStoreAdapter;
  if (where.backend === 'sqlite') {
    if (where.file !== ':memory:') mkdirSync(dirname(resolve(where.file!)), { recursive: true });
    adapter = new KeyvSqlite({ uri: `sqlite://${where.file}`, busyTimeout: 2_000 }) as unknown as KeyvStoreAdapter;
  } else if (where.backend === 'postgres') {
    adapter = new KeyvPostgres({
      uri: where.url,
      ...(where.namespace ? { schema: where.namespace } : {}),
    }) as unknown as KeyvStoreAdapter;
  } else adapter = new KeyvRedis(where.url) as unknown as KeyvStoreAdapter;
  const keyv = new Keyv({ store: adapter, namespace: 'dramabot', throwOnErrors: true });
  keyv.on('error', () => {});
  return keyv;
}
