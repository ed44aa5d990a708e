import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, type FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, startFakeDiscord, startTestBot, type TestBot } from '../support/harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/commands', import.meta.url));

describe('the interaction router, through the real discord.js client and the local Discord server', () => {
  let fake: FakeDiscord;
  let bot: TestBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startTestBot(fake, { commandsDir: FIXTURES });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('answers a slash command and sets allowedMentions so echoed text pings nobody', async () => {
    const reply = await fake.command('/echo', { text: '@everyone <@&1300000000000000001> hi' }).reply();
    expect(reply.content).toBe('echo: @everyone <@&1300000000000000001> hi');
    const body = fake.requests.find((r) => r.path.includes('/callback'))?.body as {
      data: { allowed_mentions: unknown };
    };
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers autocomplete with the choices the command gives', async () => {
    const choices = await fake.autocomplete('/echo', { text: 'he' }, 'text');
    expect(choices.map((c) => c.name)).toEqual(['hello', 'help']);
  });

  it('routes a button press to the command named in its custom_id, for any member', async () => {
    const message = await fake.command('/echo', { text: 'hey' }).reply();
    const updated = await fake.click(message, 'Again', { user: 2 }).reply();
    expect(updated.id).toBe(message.id);
    expect(updated.content).toBe('echo again (length 3) by member2');
  });

  it('routes select menus and modal submissions', async () => {
    const message = await fake.command('/echo', { text: 'hey' }).reply();
    const picked = await fake.select(message, ['2']).reply();
    expect(picked.content).toBe('picked 2');
    expect(isEphemeral(picked)).toBe(true);
    const modal = await fake.click(message, 'Ask').modal();
    expect(modal.custom_id).toBe('echo:answer');
    const said = await fake.submitModal('echo:answer', { words: 'annyeong' }).reply();
    expect(said.content).toBe('you said: annyeong');
  });

  it('shows a UserError as a short ephemeral message without an error reference', async () => {
    const reply = await fake.command('/echo', { text: 'bad' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe('That text is not allowed. Try "hello".');
  });

  it('turns a crash into an ephemeral message with a reference that is in the log with the stack, and keeps running', async () => {
    const reply = await fake.command('/boom').reply();
    expect(isEphemeral(reply)).toBe(true);
    const ref = /`(E\w+)`/.exec(reply.content)?.[1];
    expect(ref).toBeDefined();
    const logged = bot.logs.find((l) => l.includes(`ref=${ref}`) && l.includes('ERROR'));
    expect(logged).toContain('kaboom: a bug in a command');
    expect(logged).toMatch(/at .*boom\.ts/);
    expect((await fake.command('/echo', { text: 'still alive' }).reply()).content).toBe('echo: still alive');
  });

  it('replaces a deferred reply with the error message when a command fails after deferring', async () => {
    const reply = await fake.command('/boom', { when: 'after' }).reply();
    expect(reply.content).toMatch(/Something went wrong on our side \(ref `E\w+`\)/);
  });

  it('answers an empty list when autocomplete fails', async () => {
    expect(await fake.autocomplete('/boom', { when: 'x' }, 'when')).toEqual([]);
  });

  it('speaks Korean to a Korean client', async () => {
    const reply = await fake.command('/boom', {}, { locale: 'ko' }).reply();
    expect(reply.content).toMatch(/처리 중 문제가 생겼어요/);
  });

  it('refuses an admin-only command to a member without Manage Server and runs it for one with it', async () => {
    const refused = await fake.command('/admin', {}, { permissions: 'member' }).reply();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toContain('Manage Server');
    const done = await fake.command('/admin', {}, { permissions: 'manager' }).reply();
    expect(done.content).toBe('admin things done');
  });

  it('registers admin-only commands with default_member_permissions set to Manage Server', () => {
    const admin = fake.commandsFor().find((c) => c.name === 'admin');
    expect(admin?.default_member_permissions).toBe('32');
  });

  it('answers a command Discord still knows but the bot no longer has', async () => {
    fake.registerCommands(fake.guild.id, [...fake.commandsFor(), { name: 'ghost', description: 'gone' }]);
    const reply = await fake.command('/ghost').reply();
    expect(reply.content).toContain('npm run deploy');
  });

  it('writes one log line per interaction with command, guild, latency and outcome, never the token', () => {
    const lines = bot.logs.filter((l) => / INFO interaction /.test(l));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => /command=\/echo guild=\d+ latency_ms=\d+ outcome=ok/.test(l))).toBe(true);
    expect(lines.some((l) => /command=\/boom .*outcome=error ref=E\w+/.test(l))).toBe(true);
    expect(lines.some((l) => /command=\/admin .*outcome=refused/.test(l))).toBe(true);
    expect(bot.logs.join('\n')).not.toContain(fake.token);
  });

  it('sent only bodies that Discord would accept', () => {
    expect(discordComplaints(fake)).toEqual([]);
  });
});
