import { spawnSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isEphemeral, type FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, startFakeDiscord, tempDir } from '../support/harness.ts';
import { ROOT, runCompiled, runScript, type Spawned } from '../support/spawn.ts';

/**
 * `npm start` and `npm run start:sharded` run scripts/start.mjs: the bot compiled into dist/
 * (rebuilt first when a source is newer), with no TypeScript loader in the process.
 */
describe('the compiled bot (scripts/start.mjs)', () => {
  let fake: FakeDiscord | undefined;
  let run: Spawned | undefined;
  afterEach(async () => {
    run?.child.kill('SIGKILL');
    await run?.exit;
    await fake?.close();
    fake = run = undefined;
  });

  async function deployed(extra: Record<string, string> = {}) {
    fake = await startFakeDiscord({ guilds: 1 });
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: `sqlite://${join(tempDir(), 'db.sqlite')}`,
      DATA_DIR: `${ROOT}data`,
      ...extra,
    };
    expect(await runScript('src/deploy.ts', [], env).exit).toBe(0);
    return env;
  }

  async function readyLine(spawned: Spawned, pattern: RegExp): Promise<string> {
    for (let waited = 0; !pattern.test(spawned.stderr()); waited += 50) {
      if (waited > 40_000 || spawned.child.exitCode !== null) throw new Error(`not ready:\n${spawned.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return spawned.stderr().match(pattern)![0];
  }

  it('rebuilds dist/ when a source changed, then runs the compiled bot: it answers /ping and exits 0 on SIGTERM', async () => {
    const env = await deployed();
    // An edit, as far as the build can tell: the file is newer than the last build.
    const now = new Date();
    utimesSync(`${ROOT}commands/ping.ts`, now, now);
    run = runCompiled('src/index.ts', [], env);
    const ready = await readyLine(run, /INFO ready .*/);
    expect(run.stderr()).toMatch(/^dramabot: compiled src\/ and commands\/ into dist\/ \(\d+ files, \d+ ms: /);
    expect(ready).toMatch(/ code=dist\b/);
    const result = fake!.command('/ping');
    const reply = await result.reply();
    expect(reply.content).toMatch(/^Pong! Gateway heartbeat .* · round trip \d+ ms$/);
    expect(isEphemeral(reply)).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/INFO interaction command=\/ping guild=\d+ latency_ms=\d+ outcome=ok/);
    expect(run.stderr()).toContain('INFO stopped');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(discordComplaints(fake!)).toEqual([]);
  });

  it('starts a worker-thread shard from the compiled code without building again, and it answers a card', async () => {
    const env = await deployed({ SHARD_COUNT: '1', SHARD_MODE: 'worker' });
    const build = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`, '--if-stale'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    run = runCompiled('src/sharded.ts', [], env);
    const ready = await readyLine(run, /INFO ready .*shard=0.*/);
    expect(ready).toMatch(/ code=dist\b/);
    expect(run.stderr()).not.toContain('compiled src/');
    expect(run.stderr()).toMatch(/shard started shard=0 of=1 as=worker/);
    expect(run.stderr()).toMatch(/INFO catalog opened over the shared copy shard=0/);
    const card = await fake!.command('/drama info', { title: 'd:vincenzo' }).reply();
    expect(card.embeds[0]!.title).toMatch(/^Vincenzo/);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/INFO stopped shard=0\b/);
    expect(discordComplaints(fake!)).toEqual([]);
  });
});
