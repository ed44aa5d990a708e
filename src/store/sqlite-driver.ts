import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { ConfigError } from '../config.ts';
import { SCHEMA_SQL, type Row, type SqlDriver, type SqlTx } from './sql-records.ts';

/**
 * SQLite for the records. Every process on the machine shares the file's write lock: a
 * transaction starts with BEGIN IMMEDIATE, so two bots on one file never interleave writes.
 *
 * - Writes queued in this process share one transaction (group commit): 1,000 ratings at once
 *   are a few commits, not 1,000. Each write runs in its own savepoint, so one failing write does
 *   not undo the others.
 * - Waiting for a lock held by another process happens in libuv's thread pool (busy_timeout),
 *   never on the event loop, and gives up after `busyTimeoutMs`.
 * - A write still queued when its deadline passes is dropped, not run: its caller has already been
 *   told that nothing was saved, so it must never land later.
 * - A connection that found the file read-only is reopened for the next write, so the store
 *   recovers once the file is writable again.
 */
export interface SqliteOptions {
  busyTimeoutMs?: number;
  /** A write not started this long after it was asked for is dropped (its caller has given up). */
  writeDeadlineMs?: number;
}

interface Job {
  work: (tx: SqlTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  deadline: number;
  /** Tried once on a connection that found the file read-only: the next try opens the file again. */
  retried?: boolean;
}

const MAX_GROUP = 500;
const REOPEN_CODES = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR']);

const noLock = async () => {};

export async function openSqlite(file: string, options: SqliteOptions = {}): Promise<SqlDriver> {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const driver = new SqliteDriver(file, options);
  try {
    await driver.init();
  } catch (error) {
    await driver.close().catch(() => {});
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new ConfigError(
        `DATABASE_URL points at ${file}, which is not an SQLite database (${code}): point it at a new file, or restore the store from a backup.`,
      );
    if (code === 'SQLITE_CANTOPEN')
      throw new ConfigError(
        `DATABASE_URL points at ${file}, which cannot be opened (${code}): check the folder and its permissions.`,
      );
    throw error;
  }
  return driver;
}

class SqliteDriver implements SqlDriver {
  readonly backend = 'sqlite' as const;
  readonly nowMs = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
  private db: Promise<sqlite3.Database> | undefined;
  private readonly queue: Job[] = [];
  private running = false;
  private closed = false;
  private readonly busyTimeoutMs: number;
  private readonly writeDeadlineMs: number;

  constructor(
    private readonly file: string,
    options: SqliteOptions,
  ) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 2_000;
    this.writeDeadlineMs = options.writeDeadlineMs ?? 2_500;
  }

  async init(): Promise<void> {
    const db = await this.connection();
    await run(db, 'PRAGMA journal_mode = WAL').catch(() => {});
    for (const sql of SCHEMA_SQL) await run(db, sql);
  }

  read(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.withConnection((db) => all(db, sql, params));
  }

  write<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        resolve: resolve as (v: unknown) => void,
        reject,
        deadline: Date.now() + this.writeDeadlineMs,
      });
      if (!this.running) void this.drain();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await new Promise((r) => setTimeout(r, 10));
    const db = await this.db?.catch(() => undefined);
    this.db = undefined;
    if (db) await new Promise<void>((r) => db.close(() => r()));
  }

  private connection(): Promise<sqlite3.Database> {
    this.db ??= new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(this.file, (error) => {
        if (error) reject(error);
        else {
          db.configure('busyTimeout', this.busyTimeoutMs);
          resolve(db);
        }
      });
    });
    const opening = this.db;
    opening.catch(() => {
      if (this.db === opening) this.db = undefined;
    });
    return opening;
  }

  private async withConnection<T>(use: (db: sqlite3.Database) => Promise<T>): Promise<T> {
    const db = await this.connection();
    try {
      return await use(db);
    } catch (error) {
      this.reopenAfter(error);
      throw error;
    }
  }

  /** A read-only (or vanished) file: the next operation opens the file again, so it recovers once fixed. */
  private reopenAfter(error: unknown): void {
    if (!REOPEN_CODES.has((error as { code?: string }).code ?? '') || !this.db) return;
    const stale = this.db;
    this.db = undefined;
    // Closed once the statements in flight on it are done (a group may still be committing).
    setTimeout(() => void stale.then((d) => d.close(() => {})).catch(() => {}), 5_000).unref();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        await this.runGroup(group).catch((error: unknown) => {
          for (const job of group) job.reject(error);
        });
      }
    } finally {
      this.running = false;
    }
  }

  private async runGroup(group: Job[]): Promise<void> {
    await this.withConnection(async (db) => {
      await run(db, 'BEGIN IMMEDIATE');
      const outcomes: Array<() => void> = [];
      try {
        const tx: SqlTx = { query: (sql, params = []) => all(db, sql, params), lock: noLock };
        for (const job of group) {
          if (Date.now() > job.deadline) {
            outcomes.push(() => job.reject(new Error('the store did not answer in time; nothing was written')));
            continue;
          }
          await run(db, 'SAVEPOINT job');
          try {
            const value = await job.work(tx);
            await run(db, 'RELEASE job');
            outcomes.push(() => job.resolve(value));
          } catch (error) {
            await run(db, 'ROLLBACK TO job');
            await run(db, 'RELEASE job');
            this.reopenAfter(error);
            // The connection may predate the file becoming writable: one more try on a fresh one.
            if (REOPEN_CODES.has((error as { code?: string }).code ?? '') && !job.retried) {
              job.retried = true;
              outcomes.push(() => this.queue.unshift(job));
            } else outcomes.push(() => job.reject(error));
          }
        }
        await run(db, 'COMMIT');
      } catch (error) {
        await run(db, 'ROLLBACK').catch(() => {});
        throw error;
      }
      // Only once committed does any caller hear "saved".
      for (const settle of outcomes) settle();
    });
  }
}

function all(db: sqlite3.Database, sql: string, params: unknown[]): Promise<Row[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
  );
}

function run(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}
