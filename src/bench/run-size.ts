import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBot } from '../bot.ts';
import { renderDramaCard } from '../cards/drama-card.ts';
import { parseConfig } from '../config.ts';
import { loadCatalog } from '../data/load-catalog.ts';
import { deployCommands } from '../deploy-commands.ts';
import { FakeDiscord } from '../dev/fake-discord/server.ts';
import { createLogger } from '../logger.ts';
import { recommend } from '../recommend/recommend.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { buildSearchIndex, type SearchIndex } from '../search/search-index.ts';
import { concurrentRatings, concurrentVotes, recallAt10, type Recall, type WriteThroughput } from './correctness.ts';
import { fuseEngine, miniSearchEngine, ourEngine, type Engine } from './engines.ts';
import { latency, megabytes, timeEach, type Latency } from './measure.ts';
import { makeQueries, QUERY_CLASSES, type BenchQuery } from './queries.ts';
import { generateCatalog, writeCatalog } from './synthetic-catalog.ts';

export interface EngineResult {
  name: string;
  /** How many of the queries it ran (fuse.js is too slow for all of them at large sizes). */
  queries: number;
  recall: Recall;
  latency: Latency;
  buildMs: number;
}

export interface SizeResult {
  size: number;
  people: number;
  entries: number;
  loadMs: number;
  indexMs: number;
  heapMB: number;
  rssMB: number;
  ours: EngineResult;
  others: EngineResult[];
  renderMs: Latency;
  recommendMs: Latency;
  ratings: WriteThroughput;
  votes: WriteThroughput;
  e2e: Latency;
}

export interface SizeOptions {
  size: number;
  queries?: number;
  /** Queries given to fuse.js and minisearch, which take far longer per query on big catalogs. */
  fuseQueries?: number;
  miniQueries?: number;
  e2eRequests?: number;
  log?: (line: string) => void;
}

/** An evenly spread sample that keeps every query class. */
function sample(queries: readonly BenchQuery[], n: number): BenchQuery[] {
  if (n >= queries.length) return [...queries];
  const step = queries.length / n;
  return Array.from({ length: n }, (_, i) => queries[Math.floor(i * step)]!);
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
async function endToEnd(
  dataDir: string,
  dataset: { catalog: Catalog; search: SearchIndex },
  ids: readonly string[],
  requests: number,
): Promise<Latency> {
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
 * Writes a catalog of `size` dramas to `dir` and returns the queries made from it. The generated
 * objects go out of scope here, so the memory measured after loading is the loader's alone.
 */
function writeSyntheticCatalog(dir: string, size: number, queryCount: number): BenchQuery[] {
  const synthetic = generateCatalog(size);
  writeCatalog(dir, synthetic);
  return makeQueries(synthetic, queryCount);
}

export async function runSize({
  size,
  queries: queryCount = 2_000,
  fuseQueries,
  miniQueries,
  e2eRequests = 200,
  log = () => {},
}: SizeOptions): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `dramabot-bench-${size}-`));
  try {
    const queries = writeSyntheticCatalog(dir, size, queryCount);
    log(`${size}: catalog written, ${queries.length} queries`);

    global.gc?.();
    const [catalog, loadMs] = timed(() => loadCatalog(dir));
    const [index, indexMs] = timed(() => buildSearchIndex(catalog));
    global.gc?.();
    const memory = process.memoryUsage();
    log(`${size}: loaded in ${Math.round(loadMs)} ms, indexed in ${Math.round(indexMs)} ms`);

    const ours = runEngine(ourEngine(index, catalog), queries, loadMs + indexMs);
    log(`${size}: ours p99 ${ours.latency.p99} ms, recall ${ours.recall.overall}`);
    // Each engine is built, measured and let go, so the next (and the bot below) has the memory.
    const measure = (make: () => Engine, n: number | undefined) => {
      const [engine, buildMs] = timed(make);
      return runEngine(engine, sample(queries, n ?? queries.length), buildMs);
    };
    const others = [
      measure(() => miniSearchEngine(index, catalog), miniQueries),
      measure(() => fuseEngine(index, catalog), fuseQueries),
    ];
    global.gc?.();
    log(`${size}: competitors done`);

    const dramas = catalog.dramas.slice(0, 500);
    const renderMs = latency(timeEach(dramas, (d) => renderDramaCard(d, catalog, 'en-US')));
    const recommendMs = latency(
      timeEach(dramas.slice(0, 200), (d) =>
        recommend(catalog, { seeds: [{ drama: d, weight: 1 }], serverRatings: new Map(), exclude: new Set([d.id]) }),
      ),
    );
    const ratings = await concurrentRatings(dir);
    const votes = await concurrentVotes(dir);
    log(`${size}: writes done`);
    const e2e = await endToEnd(
      dir,
      { catalog, search: index },
      dramas.map((d) => d.id),
      e2eRequests,
    );
    return {
      size,
      people: catalog.people.length,
      entries: index.entryCount,
      loadMs: Math.round(loadMs),
      indexMs: Math.round(indexMs),
      heapMB: megabytes(memory.heapUsed),
      rssMB: megabytes(memory.rss),
      ours,
      others,
      renderMs,
      recommendMs,
      ratings,
      votes,
      e2e,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { QUERY_CLASSES };

// Run as a child of `npm run bench`: one catalog size per process, so memory figures are its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [size, fuseQueries, miniQueries] = process.argv.slice(2).map(Number);
  runSize({
    size: size!,
    ...(fuseQueries ? { fuseQueries } : {}),
    ...(miniQueries ? { miniQueries } : {}),
    log: (line) => process.stderr.write(`  … ${line}\n`),
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}
