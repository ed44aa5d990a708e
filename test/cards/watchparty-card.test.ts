import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import {
  episodeRuns,
  renderAnnouncement,
  renderPoll,
  renderPollList,
  voteAnswer,
} from '../../src/cards/watchparty-card.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import type { Drama } from '../../src/data/schema.ts';
import { counted, tally, type Poll } from '../../src/watchparty/poll.ts';
import { cardProblems } from '../support/card-limits.ts';
import { samplePoll } from '../support/polls.ts';

const real = loadCatalog('data');
const long = (n: number) => 'W'.repeat(n);
// A drama at the schema's maxima: 500 episodes with 200-character titles, a 200-character title.
const base = real.drama('squid-game')!;
const huge: Drama = {
  ...base,
  id: 'huge',
  title: long(200),
  nativeTitle: '가'.repeat(200),
  episodeCount: 500,
  episodes: Array.from({ length: 500 }, (_, i) => ({
    number: i + 1,
    title: long(200),
    airDate: '2021-09-17',
    runtimeMinutes: 600,
  })),
};
const catalog = buildCatalog(
  [...real.dramas, huge, ...Array.from({ length: 10 }, (_, i) => ({ ...huge, id: `huge-${i}` }))],
  [...real.people],
);

function extreme(kind: 'episodes' | 'dramas', locale: string, closed: boolean): Poll {
  const options =
    kind === 'episodes'
      ? Array.from({ length: 100 }, (_, i) => ({ dramaId: 'huge', episode: 401 + i }))
      : Array.from({ length: 10 }, (_, i) => ({ dramaId: `huge-${i}` }));
  const votes = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`u${i}`, i % options.length]));
  const poll = samplePoll({
    kind,
    options,
    locale,
    votes,
    question: long(200),
    startsAt: 1_900_000_000_000,
    createEvent: true,
    messageId: '1',
  });
  if (closed)
    poll.closed = { at: 1_800_000_000_000, by: '1300000000000000001', result: tally(poll), eventProblem: 'failed' };
  return poll;
}

describe('watch-party messages fit Discord’s limits at the extremes', () => {
  for (const locale of ['en-US', 'ko']) {
    for (const kind of ['episodes', 'dramas'] as const) {
      for (const closed of [false, true]) {
        it(`${kind} poll, ${closed ? 'closed' : 'open'}, ${locale}: 100 options or 10 titles at maximum length, 100,000 votes`, () => {
          const poll = counted(extreme(kind, locale, closed));
          expect(cardProblems(renderPoll(poll, catalog))).toEqual([]);
          expect(cardProblems({ content: renderAnnouncement(poll, catalog), components: [] })).toEqual([]);
          expect(cardProblems(renderPollList([poll, poll, poll], [poll, poll], catalog, locale))).toEqual([]);
        });
      }
    }
  }

  it('lays out 100 episodes as four menus of 25 and a row with Close and Withdraw', () => {
    const card = renderPoll(counted(extreme('episodes', 'en-US', false)), catalog);
    expect(card.components.map((row) => row.components.map((c) => c.type))).toEqual([[3], [3], [3], [3], [2, 2]]);
  });

  it('lists runs of episodes without votes compactly', () => {
    expect(episodeRuns([1, 2, 3, 5, 9, 10, 11, 40])).toBe('1–3, 5, 9–11, 40');
    expect(episodeRuns([])).toBe('');
  });

  it('answers a vote in the voter’s language, naming the option', () => {
    const poll = samplePoll();
    expect(voteAnswer({ kind: 'changed', option: 2, previous: 0, poll }, real, 'ko')).toMatch(
      /^\*\*3화\*\*에 투표했어요 \(이전: \*\*1화\*\*\)\. 투표는 <t:\d+:R> 마감돼요\.$/,
    );
    expect(voteAnswer({ kind: 'unknown' }, real, 'en-US')).toBe(
      'This poll no longer exists. Start a new one with `/watchparty start`.',
    );
  });
});
