import { join } from 'node:path';
import { createLogger } from '../logger.ts';
import { Ratings } from '../ratings/ratings.ts';
import { openRecords } from '../store/open-store.ts';
import type { Records } from '../store/records.ts';
import { PollStore } from '../watchparty/poll-store.ts';
import type { Engine } from './engines.ts';
import { QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries.ts';

/**
 * The parts of the benchmark that are about being right, not fast: recall@10 per query class,
 * and every one of 1,000 concurrent ratings and votes counted. `npm test` runs them too.
 */
export interface Recall {
  overall: number;
  byClass: Partial<Record<QueryClass, number>>;
  /** A few queries that missed, to look at. */
  misses: Array<{ class: QueryClass; text: string; target: string; got: string[] }>;
}

export function recallAt10(engine: Engine, queries: readonly BenchQuery[], latencies?: number[]): Recall {
  const hits: Partial<Record<QueryClass, [number, number]>> = {};
  const misses: Recall['misses'] = [];
  let found = 0;
  for (const q of queries) {
    const started = performance.now();
    const top = engine.top10(q);
    latencies?.push(performance.now() - started);
    const hit = top.includes(q.target);
    const [h, n] = hits[q.class] ?? [0, 0];
    hits[q.class] = [h + (hit ? 1 : 0), n + 1];
    if (hit) found += 1;
    else if (misses.length < 20) misses.push({ class: q.class, text: q.text, target: q.target, got: top.slice(0, 3) });
  }
  const byClass: Recall['byClass'] = {};
  for (const cls of QUERY_CLASSES) if (hits[cls]) byClass[cls] = hits[cls]![0] / hits[cls]![1];
  return { overall: queries.length ? found / queries.length : 0, byClass, misses };
}

export interface WriteThroughput {
  writers: number;
  counted: number;
  ms: number;
  perSecond: number;
}

const quiet = createLogger({ level: 'error', write: () => {} });

async function withStore<T>(dir: string, name: string, work: (store: Records) => Promise<T>): Promise<T> {
  const store = await openRecords(`sqlite://${join(dir, name)}`);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `writers` members rate one drama at the same moment on SQLite; how fast, and were all counted. */
export function concurrentRatings(dir: string, writers = 1_000): Promise<WriteThroughput> {
  return withStore(dir, 'ratings.sqlite', async (store) => {
    const ratings = new Ratings(store, quiet);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        ratings.rate('g', 'bench-drama', `u${i}`, { score: (i % 10) + 1, at: Date.now() }),
      ),
    );
    const ms = performance.now() - started;
    const counted = Object.keys((await ratings.dramaRatings('g', 'bench-drama'))?.byMember ?? {}).length;
    return { writers, counted, ms: Math.round(ms), perSecond: Math.round(writers / (ms / 1000)) };
  });
}

/** `writers` members vote in one watch-party poll at the same moment on SQLite. */
export function concurrentVotes(dir: string, writers = 1_000): Promise<WriteThroughput> {
  return withStore(dir, 'votes.sqlite', async (store) => {
    const polls = new PollStore(store, quiet);
    const now = Date.now();
    const options = Array.from({ length: 16 }, (_, i) => ({ dramaId: 'bench-drama', episode: i + 1 }));
    await polls.create({
      id: 'bench',
      guildId: 'g',
      channelId: 'c',
      hostId: 'h',
      locale: 'en-US',
      kind: 'episodes',
      options,
      titles: {},
      createdAt: now,
      closesAt: now + 3_600_000,
      votes: {},
    });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, (_, i) => polls.vote('g', 'bench', `u${i}`, i % options.length, now)),
    );
    const ms = performance.now() - started;
    const counted = Object.keys((await polls.get('g', 'bench'))?.votes ?? {}).length;
    return { writers, counted, ms: Math.round(ms), perSecond: Math.round(writers / (ms / 1000)) };
  });
}
