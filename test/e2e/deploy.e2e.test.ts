import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, startFakeDiscord } from '../support/harness.ts';
import { ROOT, runScript } from '../support/spawn.ts';

const COMMAND_NAMES = readdirSync(`${ROOT}commands`)
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const COUNT = `${COMMAND_NAMES.length} command${COMMAND_NAMES.length === 1 ? '' : 's'}`;

describe('npm run deploy (src/deploy.ts)', () => {
  let fake: FakeDiscord;
  let env: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl };
  });
  afterAll(() => fake.close());

  it('prints the JSON it would send on --dry-run (stdout is valid JSON, the summary on stderr) and sends nothing', async () => {
    const run = runScript('src/deploy.ts', ['--dry-run'], {});
    expect(await run.exit).toBe(0);
    const body = JSON.parse(run.stdout()) as Array<{ name: string }>;
    expect(body.map((c) => c.name).sort()).toEqual(COMMAND_NAMES);
    expect(run.stderr()).toContain(`Dry run: would register ${COUNT} to`);
    expect(fake.requests).toHaveLength(0);
  });

  it('registers every command in commands/ to the guild with one bulk overwrite, and says what it registered', async () => {
    const run = runScript('src/deploy.ts', [], { ...env, DISCORD_GUILD_ID: fake.guild.id });
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain(`Registered ${COUNT} to server ${fake.guild.id}`);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    expect((fake.guildCommands.get(fake.guild.id) ?? []).map((c) => c.name).sort()).toEqual(COMMAND_NAMES);
  });

  it('is idempotent: a second run leaves the same commands with the same ids', async () => {
    const before = (fake.guildCommands.get(fake.guild.id) ?? []).map((c) => `${c.name}=${c.id}`);
    const run = runScript('src/deploy.ts', [], { ...env, DISCORD_GUILD_ID: fake.guild.id });
    expect(await run.exit).toBe(0);
    expect((fake.guildCommands.get(fake.guild.id) ?? []).map((c) => `${c.name}=${c.id}`)).toEqual(before);
  });

  it('registers globally when no DISCORD_GUILD_ID is set', async () => {
    const run = runScript('src/deploy.ts', [], env);
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain('all servers (global');
    expect(fake.globalCommands.map((c) => c.name).sort()).toEqual(COMMAND_NAMES);
  });

  it('removes every command with --clear', async () => {
    const run = runScript('src/deploy.ts', ['--clear'], { ...env, DISCORD_GUILD_ID: fake.guild.id });
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain(`Removed every command from server ${fake.guild.id}`);
    expect(fake.guildCommands.get(fake.guild.id)).toEqual([]);
  });

  it('sent only bodies that Discord accepts', () => {
    expect(discordComplaints(fake)).toEqual([]);
  });
});
