import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/command-loader.ts';
import { strings } from '../../src/i18n/strings.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();

describe('the strings table', () => {
  it('has every English sentence in Korean, with the same placeholders', () => {
    expect(Object.keys(strings.ko).sort()).toEqual(Object.keys(strings.en).sort());
    for (const [key, en] of Object.entries(strings.en)) {
      expect({ key, vars: placeholders(strings.ko[key as keyof typeof strings.ko]) }).toEqual({
        key,
        vars: placeholders(en),
      });
    }
  });
});

interface Described {
  name: string;
  name_localizations?: Record<string, string> | null;
  description: string;
  description_localizations?: Record<string, string> | null;
  options?: Described[];
  choices?: Array<{ name: string; name_localizations?: Record<string, string> | null }>;
}

/** Every command, subcommand, option and choice, with its path for the failure message. */
function walk(node: Described, path: string, out: Array<[string, Described]>): void {
  out.push([path, node]);
  for (const option of node.options ?? []) walk(option, `${path} ${option.name}`, out);
}

describe('command registration in Korean', async () => {
  const commands = await loadCommands(COMMANDS_DIR);
  const nodes: Array<[string, Described]> = [];
  for (const command of commands.values())
    walk(command.data.toJSON() as unknown as Described, `/${command.data.name}`, nodes);

  it('gives every command, subcommand and option a Korean name and description that Discord accepts', () => {
    expect(nodes.length).toBeGreaterThan(15);
    for (const [path, node] of nodes) {
      const ko = node.name_localizations?.ko;
      expect({ path, ko: typeof ko }).toEqual({ path, ko: 'string' });
      expect(ko).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(ko).toBe(ko!.toLowerCase());
      const description = node.description_localizations?.ko ?? '';
      expect({ path, fits: description.length > 0 && description.length <= 100 }).toEqual({ path, fits: true });
    }
  });

  it('names every choice in Korean too', () => {
    const choices = nodes.flatMap(([path, node]) => (node.choices ?? []).map((c) => [path, c] as const));
    expect(choices.length).toBeGreaterThanOrEqual(22);
    for (const [path, choice] of choices)
      expect({ path, choice: choice.name, ko: Boolean(choice.name_localizations?.ko) }).toEqual({
        path,
        choice: choice.name,
        ko: true,
      });
  });

  it('keeps the public names the issue fixed', () => {
    const names = nodes.map(([path]) => path);
    expect(names).toEqual(
      expect.arrayContaining([
        '/drama info title',
        '/drama search query',
        '/drama search genre',
        '/drama search year',
        '/drama search network',
        '/drama search max_episodes',
        '/drama random genre',
        '/drama random max_episodes',
        '/drama episodes title',
        '/cast name',
        '/ost query',
      ]),
    );
  });
});
