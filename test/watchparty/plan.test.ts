import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { planPoll, type PollRequest } from '../../src/watchparty/plan.ts';
import { canClose, isOpen, tally, type Poll } from '../../src/watchparty/poll.ts';

const catalog = loadCatalog('data');
const drama = (id: string) => catalog.drama(id)!;
const now = Date.UTC(2026, 10, 21, 13, 0);
const base: PollRequest = {
  dramas: [drama('squid-game')],
  guildId: 'g',
  channelId: 'c',
  hostId: 'host',
  locale: 'en-US',
  now,
};
const error = (request: Partial<PollRequest>) => {
  try {
    planPoll({ ...base, ...request });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('planning a poll from /watchparty start', () => {
  it('stores the question as visible text: bidi overrides and zero-width characters are stripped', () => {
    const poll = planPoll({ ...base, question: 'Which \u202Eepisode\u202C to\u200B\u200Bnight?\u2067' });
    expect(poll.question).toBe('Which episode tonight?');
  });

  it('offers every episode by default, open for 24 hours', () => {
    const poll = planPoll(base);
    expect(poll.kind).toBe('episodes');
    expect(poll.options.map((o) => o.episode)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(poll.closesAt - now).toBe(24 * 3_600_000);
    expect(poll.votes).toEqual({});
    expect(poll.titles).toEqual({ 'squid-game': 'Squid Game' });
  });

  it('closes voting when the party starts if that is sooner than 24 hours, and refuses a vote that would outlast the start', () => {
    const poll = planPoll({ ...base, startsAt: 'in 2h' });
    expect(poll.closesAt).toBe(poll.startsAt);
    expect(poll.startsAt! - now).toBe(2 * 3_600_000);
    expect(error({ startsAt: 'in 2h', duration: '3h' })).toMatch(/^Voting would close after the party starts/);
    expect(planPoll({ ...base, startsAt: 'in 2h', duration: '90m' }).closesAt - now).toBe(90 * 60_000);
  });

  it('votes between dramas with several titles, in the order given, once each', () => {
    const poll = planPoll({ ...base, dramas: [drama('vincenzo'), drama('goblin'), drama('vincenzo')], locale: 'ko' });
    expect(poll.kind).toBe('dramas');
    expect(poll.options).toEqual([{ dramaId: 'vincenzo' }, { dramaId: 'goblin' }]);
    expect(poll.titles.vincenzo).toBe('빈센조');
    expect(error({ dramas: [drama('vincenzo'), drama('goblin')], episodes: '1-2' })).toMatch(
      /^`episodes` picks episodes of one drama/,
    );
  });

  it('asks for a range when a drama has more episodes than a poll can offer', () => {
    const long = { ...drama('what-happens-to-my-family'), episodeCount: 120 };
    expect(error({ dramas: [long] })).toBe(
      '**What Happens to My Family?** has 120 episodes; a poll offers at most 100. Pick some with `episodes`, like `1-20` or `41-60`.',
    );
    expect(planPoll({ ...base, dramas: [long], episodes: '101-120' }).options).toHaveLength(20);
  });

  it('needs a start time for an event, and keeps the question on one line', () => {
    expect(error({ createEvent: true })).toMatch(/^An event needs a start time/);
    expect(planPoll({ ...base, question: '  Which\n one   tonight? ' }).question).toBe('Which one tonight?');
  });
});

describe('counting votes', () => {
  const poll = (votes: Record<string, number>, options = 4): Pick<Poll, 'options' | 'votes'> => ({
    options: Array.from({ length: options }, (_, i) => ({ dramaId: 'd', episode: i + 1 })),
    votes,
  });

  it('gives the most votes the win, and a tie to the earliest option (the lowest episode)', () => {
    expect(tally(poll({ a: 2, b: 2, c: 0 }))).toEqual({ counts: [1, 0, 2, 0], total: 3, winner: 2, tiedWith: [] });
    expect(tally(poll({ a: 3, b: 1, c: 3, d: 1 }))).toEqual({
      counts: [0, 2, 0, 2],
      total: 4,
      winner: 1,
      tiedWith: [3],
    });
    expect(tally(poll({}))).toEqual({ counts: [0, 0, 0, 0], total: 0, tiedWith: [] });
  });

  it('ignores a stored vote for an option that does not exist', () => {
    expect(tally(poll({ a: 9, b: -1, c: 1 })).total).toBe(1);
  });

  it('is open until closed or past its deadline, and closable by the host or a manager only', () => {
    const p = planPoll(base);
    expect(isOpen(p, now)).toBe(true);
    expect(isOpen(p, p.closesAt)).toBe(false);
    expect(isOpen({ ...p, closed: { at: now, by: 'host', result: tally(p) } }, now)).toBe(false);
    expect(canClose(p, 'host', false)).toBe(true);
    expect(canClose(p, 'someone', false)).toBe(false);
    expect(canClose(p, 'someone', true)).toBe(true);
  });
});
