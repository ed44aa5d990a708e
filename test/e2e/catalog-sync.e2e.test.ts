import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTmdb, type FakeTmdb } from '../fake-tmdb/server.ts';
import { discordComplaints, liveBot, tempDir } from '../support/harness.ts';
import { field, labels, title } from '../support/messages.ts';
import { ROOT, runScript } from '../support/spawn.ts';

/**
 * `npm run catalog:sync` against the local TMDB, then the bot on that data folder: synced series
 * answer like curated ones, curated facts survive a sync that disagrees, and people are one.
 */
describe('catalog:sync, then the bot on the synced catalog', () => {
  const dataDir = tempDir('dramabot-synced-');
  // The curated files as they were when the issue was filed: without Tangerines, which only the sync brings.
  cpSync(join(ROOT, 'data', 'dramas'), join(dataDir, 'dramas'), {
    recursive: true,
    filter: (file) => !file.endsWith('when-life-gives-you-tangerines.json'),
  });
  cpSync(join(ROOT, 'data', 'people'), join(dataDir, 'people'), { recursive: true });
  let tmdb: FakeTmdb;
  const sync = () =>
    runScript('src/sync/cli.ts', ['--limit', '20'], {
      TMDB_API_TOKEN: tmdb.token,
      TMDB_API_URL: tmdb.url,
      DATA_DIR: dataDir,
    });
  let firstRun = '';

  beforeAll(async () => {
    tmdb = await startFakeTmdb();
    const run = sync();
    expect(await run.exit).toBe(1); // one series always fails on the local TMDB
    firstRun = run.stdout();
  }, 60_000);
  afterAll(async () => {
    await tmdb.close();
  });
  const live = liveBot({ env: { DATA_DIR: dataDir, DATABASE_URL: `sqlite://${join(tempDir(), 'synced.sqlite')}` } });

  it('the sync sums up what it did, naming the series that failed', () => {
    expect(firstRun).toContain('4 series: 3 new, 0 changed, 0 unchanged, 1 failed (ids 900300)');
    // …and recompiles the catalog, so the bot's start opens it without compiling.
    expect(firstRun).toMatch(/^catalog: full compile \(no previous build\) in \d+ ms: \d+ dramas/m);
    expect(tmdb.violations).toEqual([]);
  });

  it('npm start reads the synced data with no extra setting, and says so in its log', () => {
    expect(live.bot.logs.find((l) => l.includes('dataset loaded'))).toMatch(
      /syncedSeries=3 syncedDramas=\d+ leftOut=0/,
    );
    expect(live.bot.logs.filter((l) => l.includes('compile'))).toEqual([]);
  });

  it('/drama info finds a synced series: Hangul title, leads as their characters, poster, links, TMDB credit', async () => {
    const card = await live.fake.command('/drama info', { title: 'When Life Gives You Tangerines' }).reply();
    expect(title(card)).toBe('When Life Gives You Tangerines (폭싹 속았수다)');
    expect(field(card, 'Year')).toBe('2025');
    expect(field(card, 'Network')).toBe('Netflix');
    expect(field(card, 'Episodes')).toBe('16 episodes');
    expect(field(card, 'Status')).toBe('Ended');
    expect(field(card, 'Leading cast')).toContain('IU as Oh Ae-sun');
    expect(field(card, 'Leading cast')).toContain('Park Bo-gum as Yang Gwan-sik');
    expect(card.embeds[0]!.thumbnail?.url).toBe('https://image.tmdb.org/t/p/w342/q29q6AByug53pnylCytwLA7m6AY.jpg');
    expect(card.embeds[0]!.footer?.text).toContain('Includes data from TMDB');
    const links = card.components.flatMap((r) => r.components).filter((c) => 'url' in c && c.url);
    expect(links.map((c) => (c as { url: string }).url)).toEqual(['https://www.themoviedb.org/tv/219246']);
    expect(labels(card)).toContain('Cast');
  });

  it('autocomplete offers the synced series, by English or Hangul title', async () => {
    const english = await live.fake.autocomplete('/drama info', { title: 'tangerines' }, 'title');
    expect(english[0]).toEqual({ name: 'When Life Gives You Tangerines (2025) · drama', value: expect.any(String) });
    const korean = await live.fake.autocomplete('/drama info', { title: '폭싹' }, 'title', { locale: 'ko' });
    expect(korean[0]?.name).toMatch(/^폭싹 속았수다 \(2025\)/);
  });

  it('/cast shows one card for a curated actor, with curated and synced dramas together', async () => {
    const choices = await live.fake.autocomplete('/cast', { name: 'Park Hyung-sik' }, 'name');
    expect(choices.filter((c) => c.name.startsWith('Park Hyung-sik'))).toHaveLength(1);
    const card = await live.fake.command('/cast', { name: 'Park Hyung-sik' }).reply();
    expect(title(card)).toBe('Park Hyung-sik (박형식)');
    // Buried Hearts may be curated too (then TMDB's record merged into it): one line either way.
    expect(card.embeds[0]!.description?.match(/\*\*Buried Hearts\*\*/g)).toHaveLength(1);
    expect(card.embeds[0]!.description).toMatch(/2025 · \*\*Buried Hearts\*\* · as Seo Dong-j(u|oo) \(main\)/);
    expect(card.embeds[0]!.description).toContain('2022 · **Soundtrack #1** · as Han Sun-woo (main)');
  });

  it('/cast IU lists the synced series beside her curated dramas, with her TMDB photo link', async () => {
    const card = await live.fake.command('/cast', { name: 'IU' }).reply();
    expect(title(card)).toBe('IU (아이유)');
    expect(card.embeds[0]!.description).toContain('2025 · **When Life Gives You Tangerines** · as Oh Ae-sun (main)');
    expect(card.embeds[0]!.description).toContain('2018 · **My Mister** · as Lee Ji-an (main)');
    const links = card.components.flatMap((r) => r.components).filter((c) => 'url' in c && c.url);
    expect(links.map((c) => (c as { url: string }).url)).toEqual(['https://www.themoviedb.org/person/900001']);
  });

  it('keeps every curated fact of Soundtrack #1 although TMDB disagrees', async () => {
    const card = await live.fake.command('/drama info', { title: 'Soundtrack #1' }).reply();
    expect(field(card, 'Leading cast')).toContain('Han So-hee as Lee Eun-soo');
    expect(field(card, 'Leading cast')).not.toContain('Seo Eun-soo');
    expect(field(card, 'Director')).toBe('Kim Hee-won');
    expect(field(card, 'Genres')).toBe('Romance, Music');
    expect(card.embeds[0]!.description).toMatch(/^Photographer Han Sun-woo and lyricist Lee Eun-soo/);
    // What TMDB may add: the poster and the links.
    expect(card.embeds[0]!.thumbnail?.url).toBe('https://image.tmdb.org/t/p/w342/soundtrack-1-poster.jpg');
    const links = card.components.flatMap((r) => r.components).filter((c) => 'url' in c && c.url);
    expect(links.map((c) => (c as { url: string }).url)).toEqual([
      'https://www.themoviedb.org/tv/900200',
      'https://www.imdb.com/title/tt900200/',
    ]);
  });

  it('a second sync changes nothing', async () => {
    const run = sync();
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toContain('4 series: 0 new, 0 changed, 3 unchanged, 1 failed (ids 900300)');
  }, 30_000);

  it('Discord accepted every body the bot sent', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
  });
});
