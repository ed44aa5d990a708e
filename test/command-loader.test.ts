import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installation, registration } from '../src/command.ts';
import { CommandLoadError, loadCommands } from '../src/command-loader.ts';
import { COMMANDS_DIR } from '../src/paths.ts';

const BAD = fileURLToPath(new URL('./fixtures/bad-commands', import.meta.url));

describe('registration', () => {
  it('offers lookups everywhere and guildOnly (and adminOnly) commands in servers only', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    const everywhere = { integration_types: [0, 1], contexts: [0, 1, 2] };
    const serverOnly = { integration_types: [0], contexts: [0] };
    for (const name of ['drama', 'cast', 'ost', 'recommend'])
      expect(registration(commands.get(name)!)).toMatchObject(everywhere);
    for (const name of ['rate', 'ratings', 'ratings-admin', 'watchparty'])
      expect(registration(commands.get(name)!)).toMatchObject(serverOnly);
    expect(installation({ adminOnly: true })).toEqual(serverOnly);
  });
});

describe('loadCommands', () => {
  it('loads every command in commands/, keyed by name', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    expect(commands.get('ping')?.data.name).toBe('ping');
  });

  it('fails loudly, listing every malformed file and what is wrong with it', async () => {
    const error = await loadCommands(BAD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    const message = (error as Error).message;
    expect(message).toContain('noname.ts: command name "other" must match its file name "noname"');
    expect(message).toContain('nothing.ts: has no default export');
    expect(message).toContain('lazy.ts: execute must be a function');
    expect(message).toContain('lazy.ts: autocomplete must be a function');
    expect(message).toContain('boss.ts: adminOnly commands must call setDefaultMemberPermissions');
    expect(message).toContain('dmless.ts: set guildOnly: true instead of setContexts/setIntegrationTypes');
  });
});
