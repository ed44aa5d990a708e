import { writeFileSync } from 'node:fs';
import { measureInChild } from './child.ts';
import { QUERY_CLASSES } from './queries.ts';
import type { CatalogFigures, EngineResult, SizeResult } from './run-size.ts';
import type { SyncedResult } from './run-synced.ts';
import type { ShardsResult } from './shards.ts';

/**
 * `npm run bench [-- --quick | --synced-only]`: synthetic catalogs of 1k, 10k and 100k dramas (1k
 * and 10k with --quick), each measured in its own process through the compiled catalog, the
 * sharded bot's memory at the largest size, then the synced-shaped profile (TMDB series of 40
 * credits beside the curated files, as `npm run catalog:sync` leaves them; run-synced.ts) at 10k
 * and 50k series (10k with --quick). Prints the tables and writes everything to bench-results.json (git-ignored).
 */
const quick = process.argv.includes('--quick');
const syncedOnly = process.argv.includes('--synced-only');
/** `--sizes=1000,10000` and `--synced=10000` pick other sizes (0 for none). */
const listed = (flag: string) =>
  process.argv
    .find((a) => a.startsWith(`--${flag}=`))
    ?.slice(flag.length + 3)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const SIZES = listed('sizes') ?? (syncedOnly ? [] : quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]);
const SYNCED_SERIES = listed('synced') ?? (quick ? [10_000] : [10_000, 50_000]);
/**
 * The other engines get an even sample of the queries (every class kept) where all 2,000 would
 * take minutes: fuse.js takes 50 ms a query at 1k dramas and seconds at 10k and beyond. Above 10k
 * they are left out (0): building them over 2 million entries takes minutes of a run that also
 * measures the sharded bot (the run of 2026-11-21 has their figures).
 */
const SAMPLES: Record<number, { fuse: number; minisearch: number }> = quick
  ? { 1_000: { fuse: 100, minisearch: 1_000 }, 10_000: { fuse: 10, minisearch: 300 } }
  : {
      1_000: { fuse: 200, minisearch: 2_000 },
      10_000: { fuse: 20, minisearch: 500 },
      100_000: { fuse: 0, minisearch: 0 },
    };
/** For a size not above: about 200,000 / size fuse.js queries and 20,000,000 / size minisearch ones, none above 10k. */
const samplesFor = (size: number) =>
  SAMPLES[size] ??
  (size > 10_000
    ? { fuse: 0, minisearch: 0 }
    : { fuse: Math.round(200_000 / size), minisearch: Math.min(2_000, Math.round(20_000_000 / size)) });

/** The targets at 100k dramas (issue 17). */
const TARGETS = {
  start: '≤ 1,500',
  rss: '≤ 250',
  shards: '4 ≤ 1.5 × 1',
  compile: '≤ 30,000',
  recompile: '≤ 3,000',
  autocomplete: '≤ 1, 100 %',
  recommend: '≤ 30',
  card: '≤ 2',
};

/** Rounded down, so one miss in 2,000 shows as 99.9 %, never as 100 %. */
const pct = (x: number) => (x === 1 ? '100 %' : `${(Math.floor(x * 1000) / 10).toFixed(1)} %`);
const ms = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const NONE = '–';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/** "1 shard / 4 shards" total RSS of one way of running the shards, or – when it was not measured. */
function shardCell(runs: readonly ShardsResult[], variant: ShardsResult['variant']): string {
  const of = (n: number) => runs.find((r) => r.variant === variant && r.shards === n);
  const one = of(1);
  const four = of(4);
  if (!four) return NONE;
  return one ? `${ms(one.rssMB)} / ${ms(four.rssMB)} (${(four.rssMB / one.rssMB).toFixed(1)}×)` : ms(four.rssMB);
}

/** The table: each figure at every size, and the target. */
function figures(results: readonly SizeResult[]): string {
  const rows = [['figure', ...results.map((r) => label(r.size)), 'target (100k)']];
  const row = (figure: string, cell: (p: CatalogFigures) => string, target: string) =>
    rows.push([figure, ...results.map((r) => cell(r.compiled)), target]);
  row('start: loaded, ready to answer (ms)', (p) => ms(p.start.ms), TARGETS.start);
  row('RSS after start (MB)', (p) => ms(p.start.rssMB ?? 0), TARGETS.rss);
  rows.push(['total RSS, 1 / 4 shards (MB)', ...results.map((r) => shardCell(r.shards, 'worker')), TARGETS.shards]);
  row('full compile (ms)', (p) => ms(p.compileMs), TARGETS.compile);
  row('recompile, one drama changed (ms)', (p) => ms(p.recompileMs), TARGETS.recompile);
  const recallAndP99 = (e: EngineResult) => `${ms(e.latency.p99)}, ${pct(e.recall.overall)}`;
  row('autocomplete answer p99 (ms), recall@10', (p) => recallAndP99(p.autocomplete), TARGETS.autocomplete);
  row('index lookup alone p99 (ms), recall@10', (p) => recallAndP99(p.lookup), '');
  row('/recommend p99 (ms)', (p) => ms(p.recommendMs.p99), TARGETS.recommend);
  row('/drama info card render p99 (ms)', (p) => ms(p.renderMs.p99), TARGETS.card);
  return table(rows);
}

function engineRows(results: readonly SizeResult[]): string[][] {
  const rows = [['engine', 'dramas', 'queries', 'recall@10', 'p50 ms', 'p99 ms', 'max ms', ...QUERY_CLASSES]];
  for (const r of results) {
    const answer = { ...r.compiled.autocomplete, name: 'autocomplete answer' };
    for (const e of [r.compiled.lookup, answer, ...r.others]) {
      rows.push([
        e.name,
        label(r.size),
        String(e.queries),
        pct(e.recall.overall),
        ms(e.latency.p50),
        ms(e.latency.p99),
        ms(e.latency.max),
        ...QUERY_CLASSES.map((c) => (e.recall.byClass[c] === undefined ? NONE : pct(e.recall.byClass[c]!))),
      ]);
    }
  }
  return rows;
}

function syncedRows(synced: readonly SyncedResult[]): string[][] {
  const rows = [
    [
      'synced profile',
      'dramas',
      'people',
      'credits',
      'compile ms',
      'start ms',
      'RSS MB',
      'lookup p99 ms, recall@10',
      'autocomplete p50/p99 ms, recall@10',
    ],
  ];
  for (const { series, dramas, people, credits, compiled: p } of synced)
    rows.push([
      `${label(series)} series`,
      String(dramas),
      String(people),
      String(credits),
      ms(p.compileMs),
      ms(p.start.ms),
      ms(p.start.rssMB ?? 0),
      `${ms(p.lookup.latency.p99)}, ${pct(p.lookup.recall.overall)}`,
      `${ms(p.autocomplete.latency.p50)}/${ms(p.autocomplete.latency.p99)}, ${pct(p.autocomplete.recall.overall)}`,
    ]);
  return rows;
}

const results: SizeResult[] = [];
const started = performance.now();
for (const size of SIZES) {
  process.stderr.write(`measuring ${label(size)} dramas…\n`);
  const shards = size === SIZES.at(-1) ? '1' : '0';
  results.push(
    measureInChild<SizeResult>('./run-size.ts', [
      String(size),
      String(samplesFor(size).fuse),
      String(samplesFor(size).minisearch),
      shards,
    ]),
  );
}
const synced: SyncedResult[] = [];
for (const series of SYNCED_SERIES) {
  process.stderr.write(`measuring the synced profile: ${label(series)} TMDB series…\n`);
  synced.push(measureInChild<SyncedResult>('./run-synced.ts', [String(series)]));
}

if (results.length) {
  console.log(`\nThe compiled catalog (issue 17's targets)\n\n${figures(results)}`);
  const largest = results.at(-1)!;
  const processes = largest.shards.find((r) => r.variant === 'process');
  if (processes)
    console.log(
      `\nAt ${label(largest.size)}, 4 shards as processes (SHARD_MODE=process, each its own copy of the hot part): ${ms(processes.rssMB)} MB RSS, ${ms(processes.pssMB)} MB PSS; ` +
        `as threads: ${shardCell(largest.shards, 'worker')} MB RSS.`,
    );
  console.log(
    `\nAutocomplete: the same queries through each engine (recall@10 by query class)\n\n${table(engineRows(results))}`,
  );
  const other = [['dramas', 'people', 'entries', 'ratings/s (counted)', 'votes/s (counted)', 'e2e p50/p99 ms']];
  for (const r of results)
    other.push([
      label(r.size),
      String(r.people),
      String(r.entries),
      `${r.ratings.perSecond} (${r.ratings.counted}/${r.ratings.writers})`,
      `${r.votes.perSecond} (${r.votes.counted}/${r.votes.writers})`,
      `${ms(r.e2e.p50)}/${ms(r.e2e.p99)}`,
    ]);
  console.log(`\nWrites on SQLite (1,000 concurrent writers), end to end through the local Discord\n\n${table(other)}`);
}
console.log(
  `\nThe synced-shaped profile (40 credits a series, beside the curated files)\n\n${table(syncedRows(synced))}`,
);
writeFileSync(
  'bench-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, seconds: Math.round((performance.now() - started) / 1000), results, synced }, null, 2)}\n`,
);
console.log(`\nbench-results.json written (${Math.round((performance.now() - started) / 1000)} s).`);
