/**
 * `npm run bench:store`: the store on each backend, with one busy server. For SQLite always, for
 * Redis and Postgres when BENCH_REDIS_URL / BENCH_POSTGRES_URL (or TEST_REDIS_URL /
 * TEST_POSTGRES_URL, as `.ci/backends.sh` prints them) are set; each run uses a namespace of its
 * own and removes nothing else.
 *
 *   - 10,000 ratings of 69 dramas by 2,000 members in one server, 200 at a time: ratings per second;
 *   - the leaderboard and a drama card's rating line, 1,000 reads each: p50 / p99;
 *   - one drama's ratings (the most rated, ~145 members): p50 / p99;
 *   - 1,000 members voting on one poll at once: votes per second, all counted;
 *   - end to end through the local Discord server on SQLite: 1,000 concurrent /rate, until every
 *     member has their confirmation: confirmations per second.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../bot.ts';
import { parseConfig } from '../config.ts';
import { deployCommands } from '../deploy-commands.ts';
import { FakeDiscord } from '../dev/fake-discord/server.ts';
import { createLogger } from '../logger.ts';
import { Ratings } from '../ratings/ratings.ts';
import { openRecords } from '../store/open-store.ts';
import { PollStore } from '../watchparty/poll-store.ts';
import { latency, type Latency } from './measure.ts';

const quiet = createLogger({ level: 'error', write: () => {} });
const RATINGS = 10_000;
const DRAMAS = 69;
const MEMBERS = 2_000;
const WAVE = 200;
const READS = 1_000;

interface StoreFigures {
  backend: string;
  ratingsPerSecond: number;
  counted: number;
  leaderboard: Latency;
  dramaSummary: Latency;
  dramaRatings: Latency;
  votesPerSecond: number;
  votesCounted: number;
}

async function timed(n: number, work: () => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return latency(samples);
}

async function measureStore(backend: string, url: string): Promise<StoreFigures> {
  const records = await openRecords(url);
  try {
    const ratings = new Ratings(records, quiet);
    // Member m rates dramas m, m+1, … (mod 69): 5 ratings each, no member rates a drama twice.
    const jobs = Array.from({ length: RATINGS }, (_, i) => ({
      user: `u${i % MEMBERS}`,
      drama: `drama-${((i % MEMBERS) + Math.floor(i / MEMBERS)) % DRAMAS}`,
      score: (i % 10) + 1,
    }));
    const started = performance.now();
    for (let i = 0; i < jobs.length; i += WAVE)
      await Promise.all(
        jobs.slice(i, i + WAVE).map((j) => ratings.rate('g', j.drama, j.user, { score: j.score, at: Date.now() })),
      );
    const ratingsPerSecond = Math.round(RATINGS / ((performance.now() - started) / 1000));
    const board = await ratings.summaries('g');
    const counted = [...board.values()].reduce((n, s) => n + s.count, 0);
    const busiest = [...board].sort((a, b) => b[1].count - a[1].count)[0]![0];
    const leaderboard = await timed(READS, () => ratings.summaries('g'));
    const dramaSummary = await timed(READS, () => ratings.summary('g', busiest));
    const dramaRatings = await timed(READS, () => ratings.dramaRatings('g', busiest));

    const polls = new PollStore(records, quiet);
    const now = Date.now();
    await polls.create({
      id: 'bench',
      guildId: 'g',
      channelId: 'c',
      hostId: 'h',
      locale: 'en-US',
      kind: 'episodes',
      options: Array.from({ length: 16 }, (_, i) => ({ dramaId: 'drama-1', episode: i + 1 })),
      titles: {},
      createdAt: now,
      closesAt: now + 3_600_000,
      votes: {},
    });
    const voting = performance.now();
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => polls.vote('g', 'bench', `v${i}`, i % 16, now)));
    const votesPerSecond = Math.round(1_000 / ((performance.now() - voting) / 1000));
    const votesCounted = Object.keys((await polls.get('g', 'bench'))!.votes).length;
    return {
      backend,
      ratingsPerSecond,
      counted,
      leaderboard,
      dramaSummary,
      dramaRatings,
      votesPerSecond,
      votesCounted,
    };
  } finally {
    await records.close();
  }
}

/** 1,000 members rate at once through the local Discord server; how fast every confirmation arrives. */
async function confirmations(dir: string): Promise<{ confirmed: number; seconds: number; perSecond: number }> {
  const fake = await new FakeDiscord().start();
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guild.id,
    DATABASE_URL: `sqlite://${join(dir, 'e2e.sqlite')}`,
  });
  const bot = await startBot({ config, logger: quiet });
  try {
    await deployCommands(config, bot.commands, 'deploy');
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        fake.command('/rate', { title: 'd:goblin', score: (i % 10) + 1 }, { user: 100 + i }).reply(120_000),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const confirmed = replies.filter((r) => r.content.startsWith('Saved your')).length;
    return { confirmed, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(confirmed / seconds) };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

function namespaced(base: string, id: string): string {
  const url = new URL(base);
  url.searchParams.set('namespace', id);
  return url.toString();
}

const dir = mkdtempSync(join(tmpdir(), 'dramabot-bench-store-'));
const id = `bench_${Date.now().toString(36)}`;
const targets: Array<[string, string]> = [['SQLite', `sqlite://${join(dir, 'store.sqlite')}`]];
const redis = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL;
const postgres = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
if (redis) targets.push(['Redis', namespaced(redis, id)]);
if (postgres) targets.push(['Postgres', namespaced(postgres, id)]);

const ms = (l: Latency) => `${l.p50} / ${l.p99}`;
console.log(`| | ${targets.map(([name]) => name).join(' | ')} |`);
console.log(`|---|${targets.map(() => '---').join('|')}|`);
const figures: StoreFigures[] = [];
for (const [name, url] of targets) figures.push(await measureStore(name, url));
const row = (label: string, cell: (f: StoreFigures) => string) =>
  console.log(`| ${label} | ${figures.map(cell).join(' | ')} |`);
row('10,000 ratings, 200 at a time', (f) => `${f.ratingsPerSecond.toLocaleString('en')}/s, ${f.counted} counted`);
row('leaderboard p50 / p99 (ms)', (f) => ms(f.leaderboard));
row("a drama card's rating line p50 / p99 (ms)", (f) => ms(f.dramaSummary));
row(`one drama's ratings (~${Math.round(RATINGS / DRAMAS)}) p50 / p99 (ms)`, (f) => ms(f.dramaRatings));
row('1,000 concurrent votes', (f) => `${f.votesPerSecond.toLocaleString('en')}/s, ${f.votesCounted} counted`);
const e2e = await confirmations(dir);
console.log(
  `\nEnd to end on SQLite: 1,000 concurrent /rate, ${e2e.confirmed} confirmed in ${e2e.seconds} s (${e2e.perSecond} confirmations/s)`,
);
if (redis || postgres) console.log(`(Redis keys under ${id}:*, Postgres schema ${id}: drop them when done)`);
process.exit(0);
