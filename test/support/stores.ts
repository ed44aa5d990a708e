import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { storeLocation } from '../../src/store/open-store.ts';
import { tempDir } from './harness.ts';

/**
 * The three backends every store test runs on. SQLite always; Redis and Postgres at the URLs in
 * TEST_REDIS_URL and TEST_POSTGRES_URL (`.ci/backends.sh` starts both and prints them). In CI
 * (CI=true) a missing URL fails the run instead of skipping the tests.
 *
 * Every call of `fresh()` gives a store of its own: a new SQLite file, a new Redis key namespace,
 * a new Postgres schema, so test runs in other worktrees at the same time never meet. Namespaces
 * are dropped after the file's tests.
 */
export type BackendName = 'SQLite' | 'Redis' | 'Postgres';
const SERVERS: Array<[BackendName, string | undefined, string]> = [
  ['SQLite', 'sqlite://', ''],
  ['Redis', process.env.TEST_REDIS_URL || undefined, 'TEST_REDIS_URL'],
  ['Postgres', process.env.TEST_POSTGRES_URL || undefined, 'TEST_POSTGRES_URL'],
];

const created: string[] = [];

function freshStoreUrl(name: BackendName, base: string): string {
  const id = `t${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (name === 'SQLite') return `sqlite://${join(tempDir(), `${id}.sqlite`)}`;
  const url = new URL(base);
  url.searchParams.set('namespace', id);
  created.push(url.toString());
  return url.toString();
}

/** Runs `body` once per backend, inside a describe named after it. */
export function onEveryBackend(
  title: string,
  body: (fresh: () => string, name: BackendName) => void,
  only: readonly BackendName[] = ['SQLite', 'Redis', 'Postgres'],
): void {
  for (const [name, base, variable] of SERVERS) {
    if (!only.includes(name)) continue;
    if (!base) {
      if (process.env.CI === 'true')
        describe(`${title} on ${name}`, () => {
          it(`has a ${name} server to test on`, () => {
            throw new Error(`${variable} is not set: CI runs every store test on ${name} (see .ci/backends.sh)`);
          });
        });
      else describe.skip(`${title} on ${name} (set ${variable} to run)`, () => it('skipped', () => {}));
      continue;
    }
    describe(`${title} on ${name}`, () => body(() => freshStoreUrl(name, base), name));
  }
}

afterAll(async () => {
  await Promise.all(created.splice(0).map((url) => dropNamespace(url).catch(() => {})));
});

/** Deletes what a test namespace holds: the Postgres schema, or the Redis keys under its prefix. */
async function dropNamespace(databaseUrl: string): Promise<void> {
  const where = storeLocation(databaseUrl);
  if (!where.namespace) return;
  if (where.backend === 'postgres') {
    const client = new pg.Client({ connectionString: where.url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${where.namespace} CASCADE`);
    } finally {
      await client.end();
    }
  } else if (where.backend === 'redis') {
    const client = createClient({ url: where.url });
    client.on('error', () => {});
    await client.connect();
    try {
      for await (const keys of client.scanIterator({ MATCH: `${where.namespace}:*`, COUNT: 500 }))
        if (keys.length) await client.del(keys);
    } finally {
      await client.quit();
    }
  }
}
