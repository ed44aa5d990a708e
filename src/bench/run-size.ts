import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { deployCommands } from '../deploy-commands.ts';
import { FakeDiscord } from '../dev/fake-discord/server.ts';
import { createLogger } from '../logger.ts';
import { measureInChild } from './child.ts';
import { concurrentRatings, concurrentVotes, recallAt10, type Recall, type WriteThroughput } from './correctness.ts';
import { botDataset, type Dataset, indexLookup, openCompiled, recommendLike, renderCard } from './dataset.ts';
import { fuseEngine, miniSearchEngine, ourEngine, type Engine } from './engines.ts';
import { latency, timeEach, type Latency } from './measure.ts';
import { makeQueries, type BenchQuery } from './queries.ts';
import type { StartFigures } from './run-start.ts';
import { measureShards, type ShardsResult } from './shards.ts';
import { generateCatalog, writeCatalog } from './synthetic-catalog.ts';

export interface EngineResult {
  name: string;
  /** How many of the queries it ran (fuse.js is too slow for all of them at large sizes). */
  queries: number;
  recall: Recall;
  latency: Latency;
  buildMs: number;
}

/** Everything the table shows for the compiled catalog at one size. */
export interface CatalogFigures {
  start: StartFigures;
  compileMs: number;
  recompileMs: number;
  /** The index lookup alone. */
  lookup: EngineResult;
  /** Autocomplete as members get it: ranked, labelled, its records decoded. */
  autocomplete: EngineResult;
  recommendMs: Latency;
  renderMs: Latency;
}

export interface SizeResult {
  size: number;
  people: number;
  entries: number;
  compiled: CatalogFigures;
  /** Total memory of the sharded bot: its shards as threads, and as processes. */
  shards: ShardsResult[];
  others: EngineResult[];
  ratings: WriteThroughput;
  votes: WriteThroughput;
  e2e: Latency;
}

interface SizeOptions {
  size: number;
  queries?: number;
  /** Queries given to fuse.js and minisearch, which take far longer per query on big catalogs (0: skip it). */
  fuseQueries?: number;
  miniQueries?: number;
  e2eRequests?: number;
  /** Measure the sharded bot's memory (1 and 4 shards): the largest size of a run only, it takes minutes. */
  shards?: boolean;
  log?: (line: string) => void;
}

/** An evenly spread sample that keeps every query class. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

export function runEngine(engine: Engine, queries: readonly BenchQuery[], buildMs: number): EngineResult {
  // A tenth of the queries (at most 100) first, unmeasured, as a running bot has long been warm.
  for (const q of queries.slice(0, Math.min(100, Math.floor(queries.length / 10)))) engine.top10(q);
  const samples: number[] = [];
  const recall = recallAt10(engine, queries, samples);
  return {
    name: engine.name,
    queries: queries.length,
    recall,
    latency: latency(samples),
    buildMs: Math.round(buildMs),
  };
}

function timed<T>(make: () => T): [T, number] {
  const started = performance.now();
  const value = make();
  return [value, performance.now() - started];
}

/** Interaction → reply through the local Discord server: /drama info and autocomplete, one after another. */
async function endToEnd(dataDir: string, dataset: Dataset, ids: readonly string[], requests: number): Promise<Latency> {
  const fake = await new FakeDiscord().start();
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guild.id,
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite://${join(dataDir, 'e2e.sqlite')}`,
    LOG_LEVEL: 'error',
  });
  const bot = await startBot({ config, dataset, logger: createLogger({ level: 'error', write: () => {} }) });
  try {
    await deployCommands(config, bot.commands, 'deploy');
    const samples: number[] = [];
    for (let i = 0; i < requests + 20; i++) {
      const started = performance.now();
      if (i % 2 === 0)
        await fake.command('/drama info', { title: `d:${ids[i % ids.length]}` }, { user: 1 + (i % 50) }).reply();
      else await fake.autocomplete('/drama info', { title: ids[i % ids.length]!.slice(0, 6) }, 'title');
      // The first 20 warm the JIT and the connection up.
      if (i >= 20) samples.push(performance.now() - started);
    }
    return latency(samples);
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/**
 * The compiled catalog in `dir`: its compile and start-up in processes of their own, then
 * autocomplete, /recommend and the /drama info card here, each record fetched by id as a command
 * does (and decoded then).
 */
function measureCatalog(
  dir: string,
  queries: readonly BenchQuery[],
  ids: readonly string[],
  warmIds: readonly string[],
  log: (line: string) => void,
): CatalogFigures {
  const inChild = (what: string) => measureInChild<StartFigures>('./run-start.ts', [what, dir, queries[0]!.text]);
  const compileMs = inChild('compile').ms;
  const recompileMs = inChild('recompile').ms;
  const start = inChild('start');
  log(`compiled in ${compileMs} ms, again in ${recompileMs} ms; started in ${start.ms} ms, RSS ${start.rssMB} MB`);
  const opened = openCompiled(dir);
  const lookup = runEngine(indexLookup(opened), queries, start.ms);
  const autocomplete = runEngine(ourEngine(opened.search, opened.catalog), queries, start.ms);
  const drama = (id: string) => opened.catalog.drama(id)!;
  // A few other dramas first, unmeasured, as for the lookups: a running bot has long been warm (the
  // first call of a 100k-row scan runs in the interpreter). The measured records stay undecoded.
  for (const id of warmIds) {
    recommendLike(opened, drama(id));
    renderCard(opened, drama(id));
  }
  const recommendMs = latency(timeEach(ids.slice(0, 200), (id) => recommendLike(opened, drama(id))));
  const renderMs = latency(timeEach(ids, (id) => renderCard(opened, drama(id))));
  log(
    `lookup p99 ${lookup.latency.p99} ms, autocomplete p99 ${autocomplete.latency.p99} ms, recommend p99 ${recommendMs.p99} ms, card p99 ${renderMs.p99} ms`,
  );
  return { start, compileMs, recompileMs, lookup, autocomplete, recommendMs, renderMs };
}

async function runSize({
  size,
  queries: queryCount = 2_000,
  fuseQueries,
  miniQueries,
  e2eRequests = 200,
  shards = false,
  log = () => {},
}: SizeOptions): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `dramabot-bench-${size}-`));
  try {
    const synthetic = generateCatalog(size);
    writeCatalog(dir, synthetic);
    const queries = makeQueries(synthetic, queryCount);
    // 500 dramas spread over the whole catalog, for cards and recommendations.
    const ids = sample(
      synthetic.dramas.map((d) => d.id),
      500,
    );
    const measured = new Set(ids);
    const warmIds = synthetic.dramas
      .map((d) => d.id)
      .filter((id) => !measured.has(id))
      .slice(0, 20);
    const probe = synthetic.dramas[0]!.title.slice(0, 6);
    log(`${size}: catalog written, ${queries.length} queries`);

    const compiled = measureCatalog(dir, queries, ids, warmIds, (line) => log(`${size} ${line}`));
    global.gc?.();

    // The rest runs on the catalog as the bot opens it.
    const opened = botDataset(dir);
    // Each engine is built, measured and let go, so the next (and the bot below) has the memory.
    const measure = (make: () => Engine, n: number | undefined) => {
      const [engine, buildMs] = timed(make);
      return runEngine(engine, sample(queries, n ?? queries.length), buildMs);
    };
    const others = [
      ...(miniQueries === 0 ? [] : [measure(() => miniSearchEngine(opened.search, opened.catalog), miniQueries)]),
      ...(fuseQueries === 0 ? [] : [measure(() => fuseEngine(opened.search, opened.catalog), fuseQueries)]),
    ];
    global.gc?.();
    log(`${size}: competitors done`);
    const ratings = await concurrentRatings(dir);
    const votes = await concurrentVotes(dir);
    log(`${size}: writes done`);
    const e2e = await endToEnd(dir, opened, ids, e2eRequests);

    const shardRuns: ShardsResult[] = [];
    if (shards) {
      for (const variant of ['worker', 'process'] as const)
        for (const count of variant === 'process' ? [4] : [1, 4])
          shardRuns.push(await measureShards(dir, count, variant, probe, (line) => log(`${size} ${line}`)));
    }
    return {
      size,
      people: opened.catalog.people.length,
      entries: opened.search.entryCount,
      compiled,
      shards: shardRuns,
      others,
      ratings,
      votes,
      e2e,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a child of `npm run bench`: one catalog size per process, so memory figures are its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [size, fuseQueries, miniQueries, shards] = process.argv.slice(2).map(Number);
  runSize({
    size: size!,
    ...(fuseQueries === undefined ? {} : { fuseQueries }),
    ...(miniQueries === undefined ? {} : { miniQueries }),
    shards: shards === 1,
    log: (line) => process.stderr.write(`  … ${line}\n`),
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}
