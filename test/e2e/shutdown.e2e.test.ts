import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { Ratings } from '../../src/ratings/ratings.ts';
import { openRecords } from '../../src/store/open-store.ts';
import { discordComplaints, startFakeDiscord, tempDir } from '../support/harness.ts';
import { ROOT, runScript } from '../support/spawn.ts';

it('SIGTERM in the middle of a burst: every rating saved is confirmed to its member before the bot exits', async () => {
  const fake = await startFakeDiscord();
  const file = join(tempDir(), 'burst.sqlite');
  try {
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: `sqlite://${file}`,
      DATA_DIR: `${ROOT}data`,
    };
    expect(await runScript('src/deploy.ts', [], env).exit).toBe(0);
    const bot = runScript('src/index.ts', [], env);
    for (let waited = 0; !bot.stderr().includes('INFO ready'); waited += 50) {
      if (waited > 40_000) throw new Error(`the bot did not get ready: ${bot.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const burst = Array.from({ length: 600 }, (_, i) =>
      fake.command('/rate', { title: 'd:goblin', score: (i % 10) + 1 }, { user: 100 + i }),
    );
    setTimeout(() => bot.child.kill('SIGTERM'), 200);
    const code = await bot.exit;
    expect(code, bot.stderr().slice(-1500)).toBe(0);
    const confirmed = new Set<string>();
    await Promise.all(
      burst.map((result, i) =>
        result
          .reply(200)
          .then((m) => m.content.startsWith('Saved your') && confirmed.add(fake.member(100 + i).id))
          .catch(() => false),
      ),
    );
    const records = await openRecords(`sqlite://${file}`);
    const stored = Object.keys(
      (await new Ratings(records, createLogger({ level: 'error' })).dramaRatings(fake.guild.id, 'goblin'))?.byMember ??
        {},
    );
    await records.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((id) => !confirmed.has(id))).toEqual([]);
    expect(bot.stderr()).toContain('INFO stopped');
    expect(discordComplaints(fake)).toEqual([]);
  } finally {
    await fake.close();
  }
}, 90_000);
