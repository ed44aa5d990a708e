import { FINISHED, type Guard, type PutResult, type Records, type RemoveResult, type WriteOptions } from './records.ts';

/** What the SQL records need of a database: reads, and write transactions run one at a time per record. */
export type Row = Record<string, unknown>;
export interface SqlTx {
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Postgres: waits for an advisory lock held until the transaction ends (no-op on SQLite, whose write lock is global). */
  lock(key: string, shared?: boolean): Promise<void>;
}
export interface SqlDriver {
  readonly backend: 'sqlite' | 'postgres';
  /** SQL for the database's clock in ms since the epoch: claims expire on one clock, not on each machine's. */
  readonly nowMs: string;
  read(sql: string, params?: unknown[]): Promise<Row[]>;
  write<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Table names; the same three tables on SQLite and Postgres. */
const TABLES = { records: 'dramabot_records', tallies: 'dramabot_tallies', claims: 'dramabot_claims' };

export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS ${TABLES.records} (map TEXT NOT NULL, member TEXT NOT NULL, value TEXT NOT NULL, bucket TEXT, PRIMARY KEY (map, member))`,
  `CREATE TABLE IF NOT EXISTS ${TABLES.tallies} (key TEXT NOT NULL, bucket TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (key, bucket))`,
  `CREATE TABLE IF NOT EXISTS ${TABLES.claims} (name TEXT PRIMARY KEY, owner TEXT NOT NULL, until_ms BIGINT NOT NULL)`,
];

const guardLock = (guard: Guard) => `guard\u001f${guard.map}\u001f${guard.member}`;
const memberLock = (map: string, member: string) => `member\u001f${map}\u001f${member}`;

/** Records on SQLite or Postgres: every operation is one transaction. */
export class SqlRecords implements Records {
  readonly backend: 'sqlite' | 'postgres';

  constructor(private readonly db: SqlDriver) {
    this.backend = db.backend;
  }

  put(map: string, member: string, value: string, { tally, unless }: WriteOptions = {}): Promise<PutResult> {
    return this.db.write(async (tx) => {
      if (unless && (await this.guarded(tx, unless))) return { refused: true };
      await tx.lock(memberLock(map, member));
      const [before] = await tx.query(`SELECT value, bucket FROM ${TABLES.records} WHERE map = ? AND member = ?`, [
        map,
        member,
      ]);
      await tx.query(
        `INSERT INTO ${TABLES.records} (map, member, value, bucket) VALUES (?, ?, ?, ?)
         ON CONFLICT (map, member) DO UPDATE SET value = excluded.value, bucket = excluded.bucket`,
        [map, member, value, tally?.bucket ?? null],
      );
      if (tally) {
        const moves = new Map<string, number>([[tally.bucket, 1]]);
        const old = before?.bucket as string | null | undefined;
        if (old != null) moves.set(old, (moves.get(old) ?? 0) - 1);
        await this.moveCounts(tx, tally.key, moves);
      }
      return { refused: false, previous: before?.value as string | undefined };
    });
  }

  remove(map: string, member: string, { tallyKey, unless }: { tallyKey?: string; unless?: Guard } = {}) {
    return this.db.write<RemoveResult>(async (tx) => {
      if (unless && (await this.guarded(tx, unless))) return { refused: true };
      await tx.lock(memberLock(map, member));
      const [before] = await tx.query(
        `DELETE FROM ${TABLES.records} WHERE map = ? AND member = ? RETURNING value, bucket`,
        [map, member],
      );
      const old = before?.bucket as string | null | undefined;
      if (tallyKey && old != null) await this.moveCounts(tx, tallyKey, new Map([[old, -1]]));
      return { refused: false, removed: before?.value as string | undefined };
    });
  }

  add(map: string, member: string, value: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      // Exclusive: waits for every guarded write in flight, and none starts until this one commits.
      await tx.lock(guardLock({ map, member }), false);
      const rows = await tx.query(
        `INSERT INTO ${TABLES.records} (map, member, value) VALUES (?, ?, ?) ON CONFLICT (map, member) DO NOTHING RETURNING member`,
        [map, member, value],
      );
      return rows.length > 0;
    });
  }

  async get(map: string, member: string): Promise<string | undefined> {
    const [row] = await this.db.read(`SELECT value FROM ${TABLES.records} WHERE map = ? AND member = ?`, [map, member]);
    return row?.value as string | undefined;
  }

  async entries(map: string): Promise<Map<string, string>> {
    return (await this.entriesOfMany([map]))[0]!;
  }

  async entriesOfMany(maps: readonly string[]): Promise<Array<Map<string, string>>> {
    const result = maps.map(() => new Map<string, string>());
    if (maps.length === 0) return result;
    const position = new Map(maps.map((m, i) => [m, i]));
    const rows = await this.db.read(
      `SELECT map, member, value FROM ${TABLES.records} WHERE map IN (${maps.map(() => '?').join(', ')})`,
      [...maps],
    );
    for (const row of rows) result[position.get(row.map as string)!]!.set(row.member as string, row.value as string);
    return result;
  }

  clear(map: string, tallyKey?: string): Promise<number> {
    return this.db.write(async (tx) => {
      const rows = await tx.query(`DELETE FROM ${TABLES.records} WHERE map = ? RETURNING bucket`, [map]);
      if (tallyKey) {
        const moves = new Map<string, number>();
        for (const { bucket } of rows)
          if (bucket != null) moves.set(bucket as string, (moves.get(bucket as string) ?? 0) - 1);
        await this.moveCounts(tx, tallyKey, moves);
      }
      return rows.length;
    });
  }

  async tallies(key: string, buckets?: readonly string[]): Promise<Map<string, number>> {
    const only = buckets ? ` AND bucket IN (${buckets.map(() => '?').join(', ')})` : '';
    const rows = await this.db.read(`SELECT bucket, n FROM ${TABLES.tallies} WHERE key = ? AND n > 0${only}`, [
      key,
      ...(buckets ?? []),
    ]);
    return new Map(rows.map((r) => [r.bucket as string, Number(r.n)]));
  }

  setTallies(key: string, counts: ReadonlyMap<string, number>): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.query(`DELETE FROM ${TABLES.tallies} WHERE key = ?`, [key]);
      for (const [bucket, n] of counts)
        await tx.query(`INSERT INTO ${TABLES.tallies} (key, bucket, n) VALUES (?, ?, ?)`, [key, bucket, n]);
    });
  }

  claim(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.db.write(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO ${TABLES.claims} (name, owner, until_ms) VALUES (?, ?, ${this.db.nowMs} + ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
         WHERE ${TABLES.claims}.until_ms <= ${this.db.nowMs} RETURNING owner`,
        [name, owner, ttlMs],
      );
      return rows.length > 0;
    });
  }

  async finishClaim(name: string, owner: string, keepMs: number): Promise<void> {
    await this.db.write((tx) =>
      tx.query(`UPDATE ${TABLES.claims} SET owner = ?, until_ms = ${this.db.nowMs} + ? WHERE name = ? AND owner = ?`, [
        FINISHED,
        keepMs,
        name,
        owner,
      ]),
    );
  }

  async releaseClaim(name: string, owner: string): Promise<void> {
    await this.db.write((tx) => tx.query(`DELETE FROM ${TABLES.claims} WHERE name = ? AND owner = ?`, [name, owner]));
  }

  async ping(): Promise<void> {
    await this.db.read('SELECT 1 AS one');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async guarded(tx: SqlTx, guard: Guard): Promise<boolean> {
    // Shared: many guarded writes run together; `add` of the guard waits for them all.
    await tx.lock(guardLock(guard), true);
    const rows = await tx.query(`SELECT 1 AS one FROM ${TABLES.records} WHERE map = ? AND member = ?`, [
      guard.map,
      guard.member,
    ]);
    return rows.length > 0;
  }

  /** Adds to counts with one statement, buckets in a fixed order so two moves never deadlock. */
  private async moveCounts(tx: SqlTx, key: string, moves: ReadonlyMap<string, number>): Promise<void> {
    const changes = [...moves].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changes.length === 0) return;
    await tx.query(
      `INSERT INTO ${TABLES.tallies} (key, bucket, n) VALUES ${changes.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (key, bucket) DO UPDATE SET n = ${TABLES.tallies}.n + excluded.n`,
      changes.flatMap(([bucket, n]) => [key, bucket, n]),
    );
  }
}
