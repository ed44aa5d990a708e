import pg from 'pg';
import { SCHEMA_SQL, type Row, type SqlDriver, type SqlTx } from './sql-records.ts';

/**
 * Postgres for the records: a pool, and one transaction per write. Advisory locks (held until the
 * transaction ends) serialize the writes of one member and order votes against a poll's close;
 * counts move with INSERT … ON CONFLICT DO UPDATE SET n = n + delta, which commutes.
 * `namespace` is a schema: several bots (or test runs) share one database without meeting.
 */
export interface PostgresOptions {
  namespace?: string;
  /** A write whose transaction is not ready to commit this long after it began rolls back. */
  writeDeadlineMs?: number;
}

const toPositional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<SqlDriver> {
  const schema = options.namespace ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a Postgres schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 2_500,
    query_timeout: 3_000,
    idle_in_transaction_session_timeout: 10_000,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection must not crash the process: the next query reports it.
  pool.on('error', () => {});
  const driver = new PostgresDriver(pool, options.writeDeadlineMs ?? 2_500);
  try {
    await driver.init(schema);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return driver;
}

class PostgresDriver implements SqlDriver {
  readonly backend = 'postgres' as const;
  readonly nowMs = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

  constructor(
    private readonly pool: pg.Pool,
    private readonly writeDeadlineMs: number,
  ) {}

  async init(schema: string): Promise<void> {
    // Two processes creating the tables at once may collide once (unique violation): try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        for (const sql of SCHEMA_SQL) await this.pool.query(sql);
        return;
      } catch (error) {
        if (attempt >= 3 || (error as { code?: string }).code !== '23505') throw error;
      }
    }
  }

  async read(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(toPositional(sql), params)).rows;
  }

  async write<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.writeDeadlineMs;
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx: SqlTx = {
        query: async (sql, params = []) => (await client.query(toPositional(sql), params)).rows,
        lock: async (key, shared = false) => {
          await client.query(`SELECT pg_advisory_xact_lock${shared ? '_shared' : ''}(hashtextextended($1, 0))`, [key]);
        },
      };
      const value = await work(tx);
      // The caller stops waiting at its deadline and is told nothing was saved: make that true.
      if (Date.now() > deadline) throw new Error('the store did not answer in time; nothing was written');
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
