import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discordComplaints, startFakeDiscord, startTestBot, tempDir } from '../support/harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/commands', import.meta.url));

describe('a bot restart', () => {
  it('keeps buttons posted before the restart working, since their state lives in the custom_id', async () => {
    const fake = await startFakeDiscord();
    const env = { DATABASE_URL: `sqlite://${join(tempDir(), 'same.sqlite')}` };
    try {
      const first = await startTestBot(fake, { commandsDir: FIXTURES, env });
      const message = await fake.command('/echo', { text: 'before' }).reply();
      await first.stop();
      expect(fake.connected).toBe(false);

      const second = await startTestBot(fake, { commandsDir: FIXTURES, env });
      const pressed = await fake.click(message, 'Again').reply();
      expect(pressed.content).toBe('echo again (length 6) by member1');
      await second.stop();
      expect(fake.identifies).toHaveLength(2);
      expect(discordComplaints(fake)).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
