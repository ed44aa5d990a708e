import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { startRestProxy } from '../../src/rest-proxy.ts';
import { discordComplaints, startFakeDiscord, startTestBot, type TestBot } from '../support/harness.ts';

/** The bot with DISCORD_API_URL pointing at @discordjs/proxy, which forwards to the local Discord server. */
let fake: FakeDiscord;
let proxy: Awaited<ReturnType<typeof startRestProxy>>;
let bot: TestBot;
beforeAll(async () => {
  fake = await startFakeDiscord();
  proxy = await startRestProxy(0, fake.apiUrl);
  bot = await startTestBot(fake, {
    env: { DISCORD_API_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api` },
  });
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  proxy?.close();
  await fake?.close();
});

it('logs in, registers commands and answers through the REST proxy', async () => {
  const ping = await fake.command('/ping').reply();
  expect(ping.content).toMatch(/^Pong!/);
  const card = await fake.command('/drama info', { title: 'd:soundtrack-1' }).reply();
  expect(card.embeds[0]!.title).toBe('Soundtrack #1 (사운드트랙 #1)');
  const answer = await fake.command('/rate', { title: 'd:goblin', score: 9 }).reply();
  expect(answer.content).toMatch(/^Saved your \*\*9\/10\*\*/);
  expect(fake.requests.some((r) => r.path.includes('/gateway/bot'))).toBe(true);
  expect(discordComplaints(fake)).toEqual([]);
});
