import { parseArgs } from 'node:util';
import { loadEnvironment } from '../config.ts';
import { compileDataset, describeCompile } from '../data/compile-dataset.ts';
import { DataError } from '../data/load-catalog.ts';
import { redact } from '../logger.ts';
import { DEFAULT_LIMIT, summaryLine, syncCatalog, type SeriesOutcome } from './sync.ts';
import { DEFAULT_TMDB_API_URL, TmdbClient } from './tmdb-client.ts';

/**
 * `npm run catalog:sync [-- --limit N | --id ID ... | --since YYYY-MM-DD | --dry-run]`: fetches Korean
 * series from TMDB into <DATA_DIR>/tmdb/. Exits 1 when a series failed, so a cron job notices.
 */
const USAGE = 'usage: npm run catalog:sync -- [--limit N] [--id TMDB_ID ...] [--since YYYY-MM-DD] [--dry-run]';

function fail(message: string): never {
  process.stderr.write(`catalog:sync: ${message}\n`);
  process.exit(2);
}

const parseOptions = () =>
  parseArgs({
    options: {
      limit: { type: 'string' },
      id: { type: 'string', multiple: true },
      since: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });

function readOptions() {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;

  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number, 1 or more\n${USAGE}`);
  const ids = (values.id ?? []).map((id) => {
    if (!/^[1-9]\d*$/.test(id)) fail(`--id takes a TMDB series id such as 219246 (got "${id}")\n${USAGE}`);
    return Number(id);
  });
  const since = values.since;
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))))
    fail(`--since takes a date written YYYY-MM-DD (got "${since}")\n${USAGE}`);
  return { limit, ids, since, dryRun: values['dry-run'] ?? false };
}

/** A bar on a terminal; one line per series when the output goes to a file or a cron mail. */
function progressReporter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  const width = 30;
  return {
    plan(total: number, resumed: number) {
      if (resumed) stream.write(`resuming: ${resumed} series left from a run that did not finish\n`);
      stream.write(`syncing ${total} series from TMDB\n`);
    },
    series(outcome: SeriesOutcome, done: number, total: number) {
      const line = `${outcome.status.padEnd(9)} ${outcome.id} ${outcome.title}${outcome.error ? ` (${outcome.error})` : ''}`;
      if (!tty) {
        stream.write(`[${done}/${total}] ${line}\n`);
        return;
      }
      const filled = Math.round((done / total) * width);
      if (outcome.status === 'failed') stream.write(`\r\x1b[K${line}\n`);
      stream.write(
        `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${outcome.title.slice(0, 40)}`,
      );
      if (done === total) stream.write('\n');
    },
  };
}

/** The bot opens the compiled catalog: recompile it now, so the next start (or restart) is quick. */
function recompile(dataDir: string): boolean {
  try {
    process.stdout.write(`catalog: ${describeCompile(compileDataset(dataDir))}\n`);
    return true;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    process.stderr.write(`catalog:sync: synced, but the catalog was not recompiled: ${error.message}\n`);
    return false;
  }
}

async function main(): Promise<void> {
  loadEnvironment();
  const options = readOptions();
  const token = process.env.TMDB_API_TOKEN?.trim();
  if (!token)
    fail(
      'TMDB_API_TOKEN is not set. Get a free API Read Access Token on themoviedb.org (your account → Settings → API) and put it in .env.',
    );
  const apiUrl = process.env.TMDB_API_URL?.trim() || DEFAULT_TMDB_API_URL;
  const dataDir = process.env.DATA_DIR?.trim() || 'data';
  const progress = progressReporter(process.stderr);
  try {
    const report = await syncCatalog({
      dataDir,
      client: new TmdbClient({ token, apiUrl }),
      limit: options.limit,
      ids: options.ids,
      ...(options.since ? { since: options.since } : {}),
      dryRun: options.dryRun,
      onPlan: progress.plan,
      onSeries: progress.series,
    });
    if (options.dryRun)
      for (const o of report.outcomes.filter((o) => o.status === 'new' || o.status === 'changed'))
        process.stdout.write(`would write (${o.status}) ${o.id} ${o.title}\n`);
    for (const o of report.outcomes.filter((o) => o.status === 'failed'))
      process.stderr.write(`failed: ${o.id} ${o.title}: ${o.error} (retried on the next run)\n`);
    process.stdout.write(`${summaryLine(report, options.dryRun)}\n`);
    const compiled = options.dryRun || recompile(dataDir);
    process.exit(report.counts.failed || !compiled ? 1 : 0);
  } catch (error) {
    // The plan itself failed (TMDB unreachable, token refused): one line, never the token.
    fail(redact((error as Error).message, [token]));
  }
}

await main();
