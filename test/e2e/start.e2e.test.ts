import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isEphemeral, type FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, startFakeDiscord, tempDir } from '../support/harness.ts';
import { ROOT, runScript } from '../support/spawn.ts';

/** `npm start` runs `tsx src/index.ts`: these tests run exactly that. */
describe('npm start (src/index.ts)', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('exits non-zero with one line that names DISCORD_TOKEN and points to the playground when there is no .env', async () => {
    const run = runScript('src/index.ts');
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DISCORD_TOKEN is not set');
    expect(lines[0]).toContain('.env.example');
    expect(lines[0]).toContain('npm run playground');
  });

  it('names a malformed variable and what to do in one line', async () => {
    const run = runScript('src/index.ts', [], { DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.a.b', LOG_LEVEL: 'loud' });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toMatch(
      /^dramabot: LOG_LEVEL must be one of debug, info, warn, error\. Copy \.env\.example to \.env/,
    );
  });

  it('says Discord refused the token, without printing it', async () => {
    fake = await startFakeDiscord();
    const wrong = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.d3Jvbmc.not-the-right-token';
    const run = runScript('src/index.ts', [], {
      DISCORD_TOKEN: wrong,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: `sqlite://${tempDir()}/db.sqlite`,
      DATA_DIR: `${ROOT}data`,
    });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('Discord refused DISCORD_TOKEN');
    expect(run.stderr() + run.stdout()).not.toContain(wrong);
  });

  it('starts from an unedited copy of .env.example plus a token: empty lines mean "not set", even SHARD_COUNT', async () => {
    fake = await startFakeDiscord();
    // The folder a new user has: .env copied from .env.example, and the dataset under data/.
    const project = tempDir('dramabot-fresh-');
    copyFileSync(`${ROOT}.env.example`, join(project, '.env'));
    mkdirSync(join(project, 'data'));
    for (const dir of ['dramas', 'people']) symlinkSync(`${ROOT}data/${dir}`, join(project, 'data', dir));
    // The token and the local Discord come from the shell; every other line is the example's own.
    const run = runScript('src/index.ts', [], { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, project);
    try {
      await fake.waitFor(() => fake!.connected || run.child.exitCode !== null, 'the bot to connect', 20_000);
      expect(run.stderr()).not.toMatch(/Error|at .*\.js:\d+/);
      expect(fake.connected).toBe(true);
      expect(fake.identifies.at(-1)?.shard ?? [0, 1]).toEqual([0, 1]);
    } finally {
      run.child.kill('SIGTERM');
      await run.exit;
    }
  });

  it('with CATALOG_AUTO_BUILD=false, refuses a dataset never compiled in one line saying what to run', async () => {
    const dataDir = tempDir('dramabot-uncompiled-');
    for (const dir of ['dramas', 'people']) symlinkSync(`${ROOT}data/${dir}`, join(dataDir, dir));
    const run = runScript('src/index.ts', [], {
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.local-discord-server-token',
      DATABASE_URL: `sqlite://${tempDir()}/db.sqlite`,
      DATA_DIR: dataDir,
      CATALOG_AUTO_BUILD: 'false',
    });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe(
      `dramabot: the dataset has not been compiled yet (${dataDir}/.compiled/catalog.bin) and CATALOG_AUTO_BUILD=false: run npm run catalog:build, then start again.`,
    );
  });

  it.each([
    ['a refused connection', 'http://127.0.0.1:9/api', 'ECONNREFUSED: the connection was refused'],
    ['a host name that does not resolve', 'http://discord.invalid/api', 'ENOTFOUND: the host name does not resolve'],
  ])('says in one line that Discord cannot be reached on %s', async (_case, apiUrl, reason) => {
    const run = runScript('src/index.ts', [], {
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.local-discord-server-token',
      DISCORD_API_URL: apiUrl,
      DATABASE_URL: `sqlite://${tempDir()}/db.sqlite`,
      DATA_DIR: `${ROOT}data`,
    });
    expect(await run.exit).toBe(1);
    // Before it: the usual log line of the dataset being loaded. No stack, no raw error.
    const lines = run.stderr().trim().split('\n');
    expect(
      lines.filter((line) => !/^\S+ INFO (dataset loaded|catalog (full|incremental) compile)/.test(line)),
    ).toHaveLength(1);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(lines.at(-1)).toBe(
      `dramabot: cannot reach Discord at ${apiUrl} (${reason}). Check the internet connection and DISCORD_API_URL, then start again.`,
    );
  });

  it('connects with a token and DISCORD_API_URL, answers a command within 3 s, and exits 0 on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guild.id,
      DATABASE_URL: `sqlite://${tempDir()}/db.sqlite`,
      DATA_DIR: `${ROOT}data`,
    };
    const deploy = runScript('src/deploy.ts', [], env);
    expect(await deploy.exit).toBe(0);
    const run = runScript('src/index.ts', [], env);
    await fake.waitFor(() => fake!.connected, 'the bot to connect', 20_000);
    const result = fake.command('/ping');
    const reply = await result.reply();
    expect(reply.content).toMatch(/^Pong! Gateway heartbeat .* · round trip \d+ ms$/);
    expect(isEphemeral(reply)).toBe(true);
    expect((await result.callback()).latencyMs).toBeLessThan(3_000);
    const started = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.stderr()).toMatch(/INFO interaction command=\/ping guild=\d+ latency_ms=\d+ outcome=ok/);
    expect(run.stderr()).toContain('INFO stopped');
    expect(run.stderr()).not.toContain(fake.token);
    expect(discordComplaints(fake)).toEqual([]);
  });
});

describe('npm run start:sharded (src/sharded.ts)', () => {
  it('with SHARD_MODE=process starts one process per shard, each identifying with its shard id, and answers in every server', async () => {
    const fake = await startFakeDiscord({ guilds: 2 });
    try {
      const env = {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: `sqlite://${tempDir()}/db.sqlite`,
        DATA_DIR: `${ROOT}data`,
        SHARD_COUNT: '2',
        SHARD_MODE: 'process',
      };
      const deploy = runScript('src/deploy.ts', [], env);
      expect(await deploy.exit).toBe(0);
      const run = runScript('src/sharded.ts', [], env);
      await fake.waitFor(() => fake.identifies.length === 2, 'two shards to identify', 40_000);
      expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const guild of fake.guilds) {
        const reply = await fake.command('/ping', {}, { guildId: guild.id }).reply();
        expect(reply.content).toMatch(/^Pong!/);
      }
      expect(run.stderr().match(/shard started shard=\d of=2 as=process/g)).toHaveLength(2);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      expect(run.stderr()).toMatch(/INFO stopped shard=0/);
      expect(run.stderr()).toMatch(/INFO stopped shard=1/);
    } finally {
      await fake.close();
    }
  }, 60_000);
});

describe('npm start with a broken dataset', () => {
  it('stops before connecting and lists every problem as file → path → what is wrong', async () => {
    const { writeDataset, drama, person } = await import('../support/dataset.ts');
    const dir = writeDataset(
      { 'one.json': drama('one', { firstAirDate: '2022-02-30' }), 'two.json': '{ "id": ' },
      { 'lead.json': person('lead', 'Park Hyung-sik') },
    );
    const run = runScript('src/index.ts', [], {
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.local-discord-server-token',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DATA_DIR: dir,
    });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('dramabot: the dataset has 2 problems:');
    expect(run.stderr()).toMatch(/dramas\/one\.json → firstAirDate → is not a real calendar date/);
    expect(run.stderr()).toMatch(/dramas\/two\.json → \(file\) → invalid JSON at line 1/);
  });
});
