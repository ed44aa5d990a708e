import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, runPlayground } from '../../src/dev/playground.ts';
import { tempDir } from '../support/harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/commands', import.meta.url));

async function play(lines: string[], commandsDir?: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const done = runPlayground({
    input,
    output,
    databaseUrl: `sqlite://${tempDir()}/play.sqlite`,
    ...(commandsDir ? { commandsDir } : {}),
  });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return text;
}

describe('npm run playground', () => {
  it('sends typed commands to the real bot through the local server and renders replies, buttons and menus', async () => {
    const out = await play(
      [
        'commands',
        '/echo text: hel?',
        '/echo text: hello: world',
        'press 1',
        'pick a2',
        '/admin',
        'as admin',
        '/admin',
        'locale ko',
        '/boom',
        'exit',
      ],
      FIXTURES,
    );
    expect(out).toContain('dramabot playground: the bot is logged in to a local Discord');
    expect(out).toMatch(/\/echo — Echo text back \[?text:/);
    expect(out).toContain('  1. hello\n  2. help');
    expect(out).toContain('echo: hello: world');
    expect(out).toContain('[1] Again  [2] Ask');
    expect(out).toContain('(a2) Two');
    expect(out).toContain('echo again (length 12) by member1');
    expect(out).toContain('picked 2');
    expect(out).toContain('Only members with the **Manage Server** permission');
    expect(out).toContain('admin things done');
    expect(out).toContain('처리 중 문제가 생겼어요');
    expect(out).not.toContain('Discord would reject');
    expect(out.trim().endsWith('bye')).toBe(true);
  });

  it('runs the real commands with no token at all', async () => {
    const out = await play(['/ping']);
    expect(out).toMatch(/Pong! Gateway heartbeat/);
  });

  it('takes a genre as shown, lists the choices for genre: ?, reaches a card under a private list, fills a form, enforces max_length', async () => {
    const out = await play([
      '/drama random genre: Historical',
      '/drama search genre: slice of life',
      '/drama search genre: ?',
      '/drama search genre: fant?',
      '/drama random genre: Spaceships',
      '/drama info title: Soundtrack #1',
      'press 1',
      'press 5',
      'back',
      'press 4',
      'fill score: 9 review: Four perfect episodes',
      `/drama info title: ${'x'.repeat(101)}`,
      'exit',
    ]);
    expect(out).not.toMatch(/TypeError|\n\s+at /);
    expect(out).toMatch(/┌ .*\n(│ .*\n)*│ ▸ Genres\n│ {3}.*Historical/);
    expect(out).toContain('Filters: genre Slice of life');
    expect(out).toMatch(/ {2}1\. Romance\n {2}2\. Comedy\n/);
    expect(out).not.toMatch(/ {2}1\. .*\(\d{4}\) · drama/);
    expect(out).toContain('  1. Fantasy');
    expect(out).toMatch(/\(option "genre" is one of: Romance, Comedy, .*Historical/);
    // Cast list (private), then back to the card, whose 4th button is ⭐ Rate: a form, filled in and sent.
    expect(out).toContain('There is no such button on the last reply. Type back to act on the message before it.');
    expect(out).toContain('── form: Rate Soundtrack #1 ──');
    expect(out).toContain('Saved your **9/10** for **Soundtrack #1**.');
    expect(out).toContain('(option "title" takes at most 100 characters (101 typed))');
    expect(out).not.toContain('Discord would reject');
  });

  it('explains what it did not understand instead of failing', async () => {
    const out = await play(['/nope', 'dance', 'press 9'], FIXTURES);
    expect(out).toContain('Unknown command /nope');
    expect(out).toContain('Unknown input');
    expect(out).toContain('There is no such button');
  });
});

describe('parseCommandLine', () => {
  const commands = [
    {
      name: 'drama',
      options: [
        { type: 1, name: 'info', options: [{ name: 'title', type: 3 }] },
        {
          type: 1,
          name: 'search',
          options: [
            { name: 'query', type: 3 },
            { name: 'year', type: 4 },
          ],
        },
      ],
    },
  ];
  it('splits the subcommand path from named options and keeps colons inside values', () => {
    expect(parseCommandLine('/drama search query: Mr. Sunshine: the return year: 2018', commands)).toEqual({
      path: '/drama search',
      options: { query: 'Mr. Sunshine: the return', year: '2018' },
    });
  });
  it('marks the last option as focused when the line ends with ?', () => {
    expect(parseCommandLine('/drama info title: sound?', commands)).toEqual({
      path: '/drama info',
      options: { title: 'sound' },
      focused: 'title',
    });
  });
});
