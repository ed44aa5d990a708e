import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../data/load-catalog.ts';
import { PROJECT_ROOT } from '../paths.ts';
import type { SeriesSnapshot } from '../sync/snapshot.ts';
import { measureInChild } from './child.ts';
import { indexLookup, openCompiled } from './dataset.ts';
import { ourEngine } from './engines.ts';
import { makeQueries, type BenchQuery } from './queries.ts';
import { runEngine, type EngineResult } from './run-size.ts';
import type { StartFigures } from './run-start.ts';
import { namePool, random, titlePool } from './synthetic-catalog.ts';

/**
 * The synced-shaped profile of `npm run bench`: what a full `npm run catalog:sync` leaves behind.
 * `series` TMDB snapshots with 40 credits each (36 cast, a director, a writer...), drawn from four
 * times as many people as series, most of them in one or two series and a few in dozens, beside
 * the curated files; then the compiled catalog on it: compile, start, lookup and autocomplete.
 */
export interface SyncedResult {
  series: number;
  credits: number;
  dramas: number;
  people: number;
  compiled: SyncedFigures;
}

interface SyncedFigures {
  start: StartFigures;
  compileMs: number;
  lookup: EngineResult;
  /** Autocomplete as members get it: ranked, labelled, its records decoded. */
  autocomplete: EngineResult;
}

const CAST_PER_SERIES = 36;
const PEOPLE_PER_SERIES = 4;
const NETWORKS = ['tvN', 'JTBC', 'KBS2', 'SBS', 'MBC', 'Netflix', 'ENA', 'Disney+', 'Coupang Play', 'TVING'];

function writeSnapshots(dir: string, count: number): number {
  const rnd = random(count);
  const people = namePool(rnd).slice(0, count * PEOPLE_PER_SERIES);
  const characters = namePool(rnd);
  const titles = titlePool(rnd, count);
  // Squaring skews the draw: a few people recur in many series, most in one or two.
  const someone = () => Math.floor(rnd() ** 2 * people.length);
  const seriesDir = join(dir, 'tmdb', 'series');
  mkdirSync(seriesDir, { recursive: true });
  let credits = 0;
  titles.forEach(({ title, nativeTitle }, i) => {
    const year = 2000 + Math.floor(rnd() * 26);
    const first = `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    const castIds = new Set<number>();
    while (castIds.size < CAST_PER_SERIES) castIds.add(someone());
    const person = (k: number) => ({ id: 1_000_000 + k, name: people[k]!.name, originalName: people[k]!.hangul });
    const crew = [someone(), someone(), someone(), someone()];
    const snapshot: SeriesSnapshot = {
      tmdbId: 100_000 + i,
      name: title,
      originalName: nativeTitle,
      originCountry: ['KR'],
      overview: `A synthetic series for the benchmark: ${title}.`,
      firstAirDate: first,
      status: 'Ended',
      genres: ['Drama', rnd() < 0.5 ? 'Crime' : 'Comedy'],
      networks: [NETWORKS[i % NETWORKS.length]!],
      posterPath: `/poster-${i}.jpg`,
      episodeMarker: 'bench',
      seasons: [
        {
          number: 1,
          episodes: Array.from({ length: 16 }, (_, k) => ({ number: k + 1, ...(k === 0 ? { airDate: first } : {}) })),
        },
      ],
      cast: [...castIds].map((k) => ({
        ...person(k),
        characters: [characters[Math.floor(rnd() * characters.length)]!.name],
      })),
      crew: [
        { ...person(crew[0]!), jobs: ['director'] },
        { ...person(crew[1]!), jobs: ['director'] },
        { ...person(crew[2]!), jobs: ['writer'] },
        { ...person(crew[3]!), jobs: ['writer'] },
      ],
    };
    credits += snapshot.cast.length + snapshot.crew.length;
    writeFileSync(join(seriesDir, `${snapshot.tmdbId}.json`), JSON.stringify(snapshot));
  });
  writeFileSync(
    join(dir, 'tmdb', 'state.json'),
    JSON.stringify({
      images: { poster: 'https://image.tmdb.org/t/p/w342', profile: 'https://image.tmdb.org/t/p/w185' },
      failed: [],
      pending: [],
    }),
  );
  return credits;
}

/** The compiled catalog on the synced folder: compile and start in processes of their own, autocomplete here. */
function measureCatalog(dir: string, queries: readonly BenchQuery[]): SyncedFigures {
  const inChild = (what: string) => measureInChild<StartFigures>('./run-start.ts', [what, dir, queries[0]!.text]);
  const compileMs = inChild('compile').ms;
  const start = inChild('start');
  const opened = openCompiled(dir);
  return {
    start,
    compileMs,
    lookup: runEngine(indexLookup(opened), queries, start.ms),
    autocomplete: runEngine(ourEngine(opened.search, opened.catalog), queries, start.ms),
  };
}

export function runSynced(series: number, log: (line: string) => void = () => {}): SyncedResult {
  const dir = mkdtempSync(join(tmpdir(), `dramabot-bench-synced-${series}-`));
  try {
    cpSync(join(PROJECT_ROOT, 'data', 'dramas'), join(dir, 'dramas'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'data', 'people'), join(dir, 'people'), { recursive: true });
    const credits = writeSnapshots(dir, series);
    log(`synced ${series}: ${credits} credits written`);
    const { catalog } = loadDataset(dir);
    const counts = { dramas: catalog.dramas.length, people: catalog.people.length };
    const queries = makeQueries({ dramas: [...catalog.dramas], people: [...catalog.people] });
    const compiled = measureCatalog(dir, queries);
    log(`synced ${series}: compiled in ${compiled.compileMs} ms, started in ${compiled.start.ms} ms`);
    return { series, credits, ...counts, compiled };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a child of `npm run bench`, in its own process so the memory figures are its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runSynced(Number(process.argv[2] ?? 10_000), (line) => process.stderr.write(`  … ${line}\n`));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
