import type { Poll } from '../../src/watchparty/poll.ts';

export const SAMPLE_NOW = 1_800_000_000_000;

/** A poll on Squid Game's episodes 1–4, open for an hour from SAMPLE_NOW. */
export function samplePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'p1',
    guildId: 'g1',
    channelId: 'c1',
    hostId: 'host',
    locale: 'en-US',
    kind: 'episodes',
    options: [1, 2, 3, 4].map((episode) => ({ dramaId: 'squid-game', episode })),
    titles: { 'squid-game': 'Squid Game' },
    createdAt: SAMPLE_NOW,
    closesAt: SAMPLE_NOW + 3_600_000,
    votes: {},
    ...overrides,
  };
}
