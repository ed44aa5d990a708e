import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { createLogger } from '../../src/logger.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { openRecords } from '../../src/store/open-store.ts';
import { PollStore } from '../../src/watchparty/poll-store.ts';
import { discordComplaints, startFakeDiscord, tempDir } from '../support/harness.ts';
import { ROOT, runScript, type Spawned } from '../support/spawn.ts';
import { onEveryBackend } from '../support/stores.ts';

/**
 * Two bot processes on one store, both holding the same server, as in every rolling restart:
 * the local Discord server hands the server's interactions to them in turn. Every rating and
 * vote acknowledged by either must be stored and counted. (With version 1's per-process document
 * queues, 500 concurrent ratings kept 297 on Redis and 379 on Postgres.)
 */
const quiet = createLogger({ level: 'error', write: () => {} });
/** Deferred answers of a burst leave through discord.js's REST queue, about 50 edits a second per process. */
const BURST_WAIT_MS = 30_000;

onEveryBackend(
  'two bot processes on one store',
  (fresh) => {
    let fake: FakeDiscord;
    let url: string;
    const running: Spawned[] = [];
    const start = async () => {
      const before = fake.sessions;
      const bot = runScript('src/index.ts', [], {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: url,
        DATA_DIR: `${ROOT}data`,
        LOG_LEVEL: 'info',
      });
      running.push(bot);
      await fake.waitFor(() => fake.sessions > before, 'the bot process to connect', 40_000);
      for (let waited = 0; !bot.stderr().includes('watch parties restored'); waited += 50) {
        if (waited > 20_000) throw new Error(`the bot did not get ready: ${bot.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return bot;
    };

    beforeAll(async () => {
      fake = await startFakeDiscord();
      url = fresh();
      const deploy = runScript('src/deploy.ts', [], {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATA_DIR: `${ROOT}data`,
      });
      expect(await deploy.exit).toBe(0);
      await start();
      await start();
    }, 90_000);
    afterEach(() => expect(discordComplaints(fake)).toEqual([]));
    afterAll(async () => {
      for (const bot of running) bot.child.kill('SIGKILL');
      await fake?.close();
    });

    it('counts all of 500 concurrent /rate spread over both processes, and all of 300 votes', async () => {
      const answers = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          fake
            .command('/rate', { title: 'd:soundtrack-1', score: (i % 10) + 1 }, { user: 1_000 + i })
            .reply(BURST_WAIT_MS),
        ),
      );
      const saved = answers.filter((a) => a.content.startsWith('Saved your')).length;
      const poll = await fake
        .command('/watchparty start', { title: 'd:squid-game', episodes: '1-4' }, { user: 1 })
        .reply();
      const votes = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          fake.click(poll, `Ep ${(i % 4) + 1}`, { user: 2_000 + i }).reply(BURST_WAIT_MS),
        ),
      );
      const recorded = votes.filter((v) => v.content.startsWith('You voted for')).length;

      const records = await openRecords(url);
      try {
        const ratings = new Ratings(records, quiet);
        const stored = await ratings.dramaRatings(fake.guild.id, 'soundtrack-1');
        expect({ saved, stored: Object.keys(stored?.byMember ?? {}).length }).toEqual({ saved: 500, stored: 500 });
        expect((await ratings.summary(fake.guild.id, 'soundtrack-1')).count).toBe(500);
        const polls = await new PollStore(records, quiet).list(fake.guild.id);
        const counted = Object.keys(polls.open[0]!.votes).length;
        expect({ recorded, counted }).toEqual({ recorded: 300, counted: 300 });
      } finally {
        await records.close();
      }
      const card = await fake.command('/ratings', { title: 'd:soundtrack-1' }).reply();
      expect(card.embeds[0]!.fields!.find((f: { name: string }) => f.name === 'Average')!.value).toBe(
        '**5.5** / 10 from 500 ratings',
      );
    }, 120_000);

    it('announces a poll result once when both processes hold the poll at its deadline', async () => {
      const poll = await fake
        .command('/watchparty start', { title: 'd:goblin', episodes: '1-3', duration: '10s' }, { user: 1 })
        .reply();
      await fake.click(poll, 'Ep 2', { user: 5 }).reply();
      // A third process started now restores the open poll and arms its own timer for it.
      await start();
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, Date.parse(poll.timestamp) + 10_000 - Date.now())),
      );
      const results = () =>
        fake.channelMessages().filter((m) => m.content.startsWith('Watch-party result for **Guardian'));
      await fake.waitFor(() => results().length > 0, 'the result', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(results()).toHaveLength(1);
      expect(results()[0]!.content).toMatch(/🏆 \*\*Episode 2\*\* wins with 1 vote of 1\./);
    }, 60_000);

    it('loses no acknowledged rating when one process is killed with SIGKILL in the middle of a burst', async () => {
      const burst = Array.from({ length: 300 }, (_, i) =>
        fake
          .command('/rate', { title: 'd:vincenzo', score: 7 }, { user: 5_000 + i })
          .reply()
          .then((m) => (m.content.startsWith('Saved your') ? `${5_000 + i}` : undefined))
          .catch(() => undefined),
      );
      setTimeout(() => running[0]!.child.kill('SIGKILL'), 150);
      const acknowledged = (await Promise.all(burst)).filter((u): u is string => u !== undefined);
      expect(acknowledged.length).toBeGreaterThan(0);
      const records = await openRecords(url);
      try {
        const stored = (await new Ratings(records, quiet).dramaRatings(fake.guild.id, 'vincenzo'))?.byMember ?? {};
        const ids = new Set(Object.keys(stored));
        const missing = acknowledged.map((n) => fake.member(Number(n)).id).filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
      } finally {
        await records.close();
      }
    }, 60_000);
  },
  ['Redis', 'Postgres'],
);

onEveryBackend(
  'two machines’ worth of shards',
  (fresh) => {
    it('runs shards 0,1 and 2,3 of 4 from two managers sharing the store: every server answered once, every rating counted', async () => {
      const fake = await startFakeDiscord({ guilds: 8 });
      const url = fresh();
      const managers: Spawned[] = [];
      try {
        const env = {
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiUrl,
          DATABASE_URL: url,
          DATA_DIR: `${ROOT}data`,
          SHARD_COUNT: '4',
        };
        expect(await runScript('src/deploy.ts', [], env).exit).toBe(0);
        // One machine runs its shards as threads (the default), the other as processes.
        managers.push(runScript('src/sharded.ts', [], { ...env, SHARD_LIST: '0,1' }));
        managers.push(runScript('src/sharded.ts', [], { ...env, SHARD_LIST: '2,3', SHARD_MODE: 'process' }));
        await fake.waitFor(() => fake.identifies.length === 4, 'four shards to identify', 60_000);
        expect(fake.identifies.map((i) => i.shard[0]).sort()).toEqual([0, 1, 2, 3]);
        expect(fake.identifies.every((i) => i.shard[1] === 4)).toBe(true);
        // Each guild lives on one shard; the local server spreads the eight over all four.
        const answers = await Promise.all(
          fake.guilds.flatMap((guild) =>
            Array.from({ length: 5 }, (_, i) =>
              fake
                .command('/rate', { title: 'd:vincenzo', score: i + 6 }, { guildId: guild.id, user: 10 + i })
                .reply(BURST_WAIT_MS),
            ),
          ),
        );
        expect(answers.every((a) => a.content.startsWith('Saved your'))).toBe(true);
        const records = await openRecords(url);
        try {
          const ratings = new Ratings(records, quiet);
          for (const guild of fake.guilds)
            expect(await ratings.summary(guild.id, 'vincenzo')).toMatchObject({ count: 5, average: 8 });
        } finally {
          await records.close();
        }
        const pings = fake.guilds.map((guild) => fake.command('/ping', {}, { guildId: guild.id }));
        for (const ping of pings) expect((await ping.reply()).content).toMatch(/^Pong!/);
        expect(discordComplaints(fake)).toEqual([]);
      } finally {
        for (const manager of managers) manager.child.kill('SIGTERM');
        await Promise.all(managers.map((m) => m.exit));
        await fake.close();
      }
    }, 120_000);
  },
  ['Postgres'],
);

it('runs SHARD_COUNT=4 as four threads over one shared copy of the catalog: every shard answers, and SIGTERM stops them all cleanly', async () => {
  const fake = await startFakeDiscord({ guilds: 8 });
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_URL: `sqlite://${join(tempDir(), 'sharded.sqlite')}`,
    DATA_DIR: `${ROOT}data`,
    SHARD_COUNT: '4',
  };
  const manager = runScript('src/sharded.ts', [], env);
  try {
    expect(await runScript('src/deploy.ts', [], env).exit).toBe(0);
    await fake.waitFor(() => fake.identifies.length === 4, 'four shards to identify', 60_000);
    for (let waited = 0; !/INFO ready shard=3/.test(manager.stderr()); waited += 50) {
      if (waited > 20_000) throw new Error(`shard 3 did not get ready: ${manager.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fake.identifies.map((i) => i.shard[0]).sort()).toEqual([0, 1, 2, 3]);
    expect(manager.stderr().match(/shard started shard=\d of=4 as=worker/g)).toHaveLength(4);
    // The manager read the compiled catalog once; every thread opened its catalog over that one copy.
    expect(manager.stderr().match(/INFO catalog shared by every shard /g)).toHaveLength(1);
    expect(manager.stderr().match(/INFO catalog opened over the shared copy shard=\d/g)).toHaveLength(4);
    // The local server hands each guild's interactions to the one session of the shard that holds it.
    for (const guild of fake.guilds) {
      const card = await fake.command('/drama info', { title: 'd:vincenzo' }, { guildId: guild.id }).reply();
      expect(card.embeds[0]!.title).toMatch(/^Vincenzo/);
      const choices = await fake.autocomplete('/drama info', { title: 'goblin' }, 'title', { guildId: guild.id });
      expect(choices.map((c) => c.value)).toContain('d:goblin');
    }
    const rating = await fake
      .command('/rate', { title: 'd:goblin', score: 9 }, { guildId: fake.guilds[5]!.id })
      .reply();
    expect(rating.content).toMatch(/^Saved your/);

    manager.child.kill('SIGTERM');
    expect(await manager.exit, manager.stderr().slice(-2_000)).toBe(0);
    for (const shard of [0, 1, 2, 3]) expect(manager.stderr()).toMatch(new RegExp(`INFO stopped shard=${shard}\\b`));
    expect(discordComplaints(fake)).toEqual([]);
  } finally {
    manager.child.kill('SIGKILL');
    await fake.close();
  }
}, 120_000);
