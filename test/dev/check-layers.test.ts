import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerCrossings } from '../../src/dev/check-layers.ts';
import { tempDir } from '../support/harness.ts';

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the layer check', () => {
  it('finds no import pointing the wrong way in this repository', () => {
    expect(layerCrossings()).toEqual([]);
  });

  it('reports a domain folder importing a card, Discord I/O or i18n, with file and line', () => {
    const root = tree({
      'src/watchparty/board.ts': [
        "import type { Poll } from './poll.ts';",
        "import { renderPoll } from '../cards/watchparty-card.ts';",
        'import {',
        '  restPollMessenger,',
        "} from '../discord/poll-messenger.ts';",
        "import { t } from '../i18n/index.ts';",
        "import type { StringKey } from '../i18n/strings.ts';",
      ].join('\n'),
    });
    expect(layerCrossings(root).map((c) => `${c.file}:${c.line} ${c.target}`)).toEqual([
      'src/watchparty/board.ts:2 src/cards/watchparty-card.ts',
      'src/watchparty/board.ts:5 src/discord/poll-messenger.ts',
      'src/watchparty/board.ts:6 src/i18n/index.ts',
    ]);
  });

  it('holds a new feature folder to the domain rule without being listed', () => {
    const root = tree({ 'src/giveaways/draw.ts': "import { button } from '../cards/message.ts';" });
    expect(layerCrossings(root).map((c) => c.rule)).toEqual(['domain code (src/giveaways/) imports nothing above it']);
  });

  it('reports cards importing a command, src/ importing commands/, and src/ reading test/', () => {
    const root = tree({
      'src/cards/card.ts': "import drama from '../../commands/drama.ts';",
      'src/bot.ts': "const c = await import('../commands/ping.ts');",
      'src/dev/spec.ts': "const SPEC = new URL('../../test/spec.json', import.meta.url);",
      'src/router.ts': "import { renderPoll } from './cards/watchparty-card.ts';",
    });
    expect(layerCrossings(root).map((c) => `${c.file} ${c.rule}`)).toEqual([
      'src/bot.ts src/ never imports commands/ (the loader finds them by path)',
      'src/cards/card.ts rendering (src/cards/) imports no command, router or bot',
      'src/dev/spec.ts src/ reads nothing under test/',
    ]);
  });
});
