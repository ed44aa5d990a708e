import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUERY_CLASSES } from './queries.ts';
import type { EngineResult, SizeResult } from './run-size.ts';
import type { SyncedResult } from './run-synced.ts';

/**
 * `npm run bench [-- --quick | --synced-only]`: synthetic catalogs of 1k, 10k and 100k dramas (1k
 * and 10k with --quick), each measured in its own process, then the synced-shaped profile (10k
 * TMDB series beside the curated files, as `npm run catalog:sync` leaves them; run-synced.ts).
 * Prints tables and a one-line summary per size and writes everything to bench-results.json
 * (git-ignored).
 */
const quick = process.argv.includes('--quick');
const syncedOnly = process.argv.includes('--synced-only');
const SIZES = syncedOnly ? [] : quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const SYNCED_SERIES = 10_000;
/**
 * The other engines get an even sample of the queries (every class kept) where all 2,000 would
 * take minutes: fuse.js takes 50 ms a query at 1k dramas and seconds at 10k and beyond.
 */
const SAMPLES: Record<number, { fuse: number; minisearch: number }> = quick
  ? { 1_000: { fuse: 100, minisearch: 1_000 }, 10_000: { fuse: 10, minisearch: 300 } }
  : {
      1_000: { fuse: 200, minisearch: 2_000 },
      10_000: { fuse: 20, minisearch: 500 },
      100_000: { fuse: 2, minisearch: 20 },
    };
const SIZE_RUNNER = fileURLToPath(new URL('./run-size.ts', import.meta.url));
const SYNCED_RUNNER = fileURLToPath(new URL('./run-synced.ts', import.meta.url));

/** One measurement in its own Node process (its memory figures are its own); its last line is JSON. */
function measureInChild<T>(runner: string, args: string[]): T {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', runner, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

function engineRows(results: SizeResult[]): string[][] {
  const rows = [
    ['engine', 'dramas', 'queries', 'recall@10', 'p50 ms', 'p99 ms', 'max ms', 'build ms', ...QUERY_CLASSES],
  ];
  for (const r of results) {
    for (const e of [r.ours, ...r.others] as EngineResult[]) {
      rows.push([
        e.name,
        label(r.size),
        String(e.queries),
        pct(e.recall.overall),
        ms(e.latency.p50),
        ms(e.latency.p99),
        ms(e.latency.max),
        String(e.buildMs),
        ...QUERY_CLASSES.map((c) => (e.recall.byClass[c] === undefined ? '–' : pct(e.recall.byClass[c]!))),
      ]);
    }
  }
  return rows;
}

function summary(r: SizeResult): string {
  const fastest = [...r.others].sort((a, b) => a.latency.p99 - b.latency.p99)[0]!;
  return (
    `${label(r.size)} dramas: load+index ${r.loadMs + r.indexMs} ms, RSS ${r.rssMB} MB, autocomplete p99 ${ms(r.ours.latency.p99)} ms at ${pct(r.ours.recall.overall)} recall@10 ` +
    `(${fastest.name}: p99 ${ms(fastest.latency.p99)} ms at ${pct(fastest.recall.overall)}, ${(fastest.latency.p99 / Math.max(r.ours.latency.p99, 0.001)).toFixed(0)}× slower), ` +
    `votes ${r.votes.perSecond}/s (${r.votes.counted}/${r.votes.writers} counted), e2e p99 ${ms(r.e2e.p99)} ms`
  );
}

const results: SizeResult[] = [];
const started = performance.now();
for (const size of SIZES) {
  process.stderr.write(`measuring ${label(size)} dramas…\n`);
  results.push(
    measureInChild<SizeResult>(SIZE_RUNNER, [
      String(size),
      String(SAMPLES[size]!.fuse),
      String(SAMPLES[size]!.minisearch),
    ]),
  );
}
process.stderr.write(`measuring the synced profile: ${label(SYNCED_SERIES)} TMDB series…\n`);
const synced = measureInChild<SyncedResult>(SYNCED_RUNNER, [String(SYNCED_SERIES)]);

const other = [
  [
    'dramas',
    'people',
    'entries',
    'load ms',
    'index ms',
    'heap MB',
    'RSS MB',
    'card p50/p99 ms',
    'recommend p50/p99 ms',
    'ratings/s (counted)',
    'votes/s (counted)',
    'e2e p50/p99 ms',
  ],
];
for (const r of results) {
  other.push([
    label(r.size),
    String(r.people),
    String(r.entries),
    String(r.loadMs),
    String(r.indexMs),
    String(r.heapMB),
    String(r.rssMB),
    `${ms(r.renderMs.p50)}/${ms(r.renderMs.p99)}`,
    `${ms(r.recommendMs.p50)}/${ms(r.recommendMs.p99)}`,
    `${r.ratings.perSecond} (${r.ratings.counted}/${r.ratings.writers})`,
    `${r.votes.perSecond} (${r.votes.counted}/${r.votes.writers})`,
    `${ms(r.e2e.p50)}/${ms(r.e2e.p99)}`,
  ]);
}
if (results.length) {
  console.log(
    `\nAutocomplete: the same queries through each engine (recall@10 by query class)\n\n${table(engineRows(results))}`,
  );
  console.log(
    `\nCatalog, cards, recommendations, writes on SQLite (1,000 concurrent writers), end to end through the local Discord\n\n${table(other)}\n`,
  );
}
for (const r of results) console.log(summary(r));
console.log(
  `synced profile: ${label(synced.series)} TMDB series (${synced.credits} credits) + the curated files → ${synced.dramas} dramas, ${synced.people} people: ` +
    `load (schema, merge, cross-checks) ${synced.loadMs} ms + index ${synced.indexMs} ms, RSS ${synced.rssMB} MB, ` +
    `autocomplete p50 ${ms(synced.autocomplete.latency.p50)} ms, p99 ${ms(synced.autocomplete.latency.p99)} ms at ${pct(synced.autocomplete.recall.overall)} recall@10`,
);
writeFileSync(
  'bench-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, seconds: Math.round((performance.now() - started) / 1000), results, synced }, null, 2)}\n`,
);
console.log(`\nbench-results.json written (${Math.round((performance.now() - started) / 1000)} s).`);
