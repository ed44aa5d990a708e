import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { ConfigError } from '../config.ts';

/**
 * Opens the Keyv store named by DATABASE_URL. SQLite (the default) ships with the bot; Redis and
 * Postgres use Keyv's own adapters, installed on demand, for bots that run as several processes.
 */
export async function openStore(databaseUrl: string): Promise<Keyv> {
  const adapter = await adapterFor(databaseUrl);
  // throwOnErrors: a store that is down must fail loudly, not look like an empty store (keyv#756).
  return new Keyv({ store: adapter, namespace: 'dramabot', throwOnErrors: true });
}

async function adapterFor(databaseUrl: string): Promise<KeyvStoreAdapter> {
  const scheme = databaseUrl.slice(0, databaseUrl.indexOf(':'));
  if (scheme === 'sqlite') {
    const file = databaseUrl.slice('sqlite://'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    return new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 }) as unknown as KeyvStoreAdapter;
  }
  const adapterPackage = scheme.startsWith('redis') ? '@keyv/redis' : '@keyv/postgres';
  try {
    const module = (await import(adapterPackage)) as { default: new (url: string) => KeyvStoreAdapter };
    return new module.default(databaseUrl);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new ConfigError(
        `DATABASE_URL uses ${scheme}: install its adapter first with: npm install ${adapterPackage}`,
      );
    }
    throw error;
  }
}
