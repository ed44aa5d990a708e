import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEphemeral, type FakeMessage } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot, tempDir } from '../support/harness.ts';
import { field, labels, title } from '../support/messages.ts';

const EPISODE_BUTTONS = Array.from({ length: 9 }, (_, i) => `Ep ${i + 1}`);
/** The message as a member's client still shows it (an old copy the local server does not update). */
const staleCopy = (m: FakeMessage): FakeMessage => ({ ...structuredClone(m), id: '1199999999999999999' });
const description = (m: FakeMessage) => m.embeds[0]!.description as string;

describe('watch parties through the local Discord server', () => {
  const live = liveBot({ env: { DATABASE_URL: `sqlite://${join(tempDir(), 'parties.sqlite')}` } });
  let poll: FakeMessage;
  const edits = () =>
    live.fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${poll.id}`)).length;

  it('posts a public poll: episodes with their titles as buttons, a live tally, the host, when voting closes and when the party starts', async () => {
    poll = await live.fake
      .command(
        '/watchparty start',
        {
          title: 'd:squid-game',
          question: 'Which one tonight?',
          duration: '2h',
          starts_at: 'in 3h',
          create_event: true,
        },
        { user: 1, permissions: 'eventHost' },
      )
      .reply();
    expect(isEphemeral(poll)).toBe(false);
    expect(title(poll)).toBe('🎬 Watch party: Squid Game');
    expect(labels(poll)).toEqual([...EPISODE_BUTTONS, 'Close poll', 'Withdraw my vote']);
    expect(description(poll)).toMatch(/^### Which one tonight\?\nWhich episode do we watch\? One vote each/);
    expect(description(poll)).toMatch(/\*\*Episode 1\*\* · Red Light, Green Light · <t:\d+:d>\n`░{10}` 0 votes · 0%/);
    expect(field(poll, 'Host')).toBe(`<@${live.fake.member(1).id}>`);
    expect(field(poll, 'Voting closes')).toMatch(/^<t:\d+:R>\n<t:\d+:f>$/);
    expect(field(poll, 'Party starts')).toMatch(/^<t:\d+:F>\n<t:\d+:R>$/);
    expect(field(poll, 'Votes')).toBe('0');
  });

  it('counts 500 members voting at once exactly, acknowledges each privately once stored, and coalesces the tally edits', async () => {
    const before = edits();
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => live.fake.click(poll, `Ep ${(i % 3) + 1}`, { user: 100 + i }).reply()),
    );
    expect(
      answers.every(
        (a) => isEphemeral(a) && /^You voted for \*\*Episode [123]\*\*\. Voting closes <t:\d+:R>\.$/.test(a.content),
      ),
    ).toBe(true);
    await live.fake.waitFor(() => field(poll, 'Votes') === '500', 'the tally to show 500 votes', 10_000);
    expect(description(poll)).toContain('**Episode 1** · Red Light, Green Light · ');
    expect(description(poll)).toMatch(/\*\*Episode 1\*\*.*\n`█{3}░{7}` 167 votes · 33%/);
    expect(description(poll)).toMatch(/\*\*Episode 3\*\*.*\n`█{3}░{7}` 166 votes · 33%/);
    expect(edits() - before).toBeGreaterThan(0);
    expect(edits() - before).toBeLessThanOrEqual(8);
  });

  it('changes a vote and says what it was; the same press keeps it; a vote can be withdrawn', async () => {
    const voter = { user: 2 };
    expect((await live.fake.click(poll, 'Ep 5', voter).reply()).content).toMatch(/^You voted for \*\*Episode 5\*\*\./);
    expect((await live.fake.click(poll, 'Ep 7', voter).reply()).content).toMatch(
      /^You voted for \*\*Episode 7\*\* \(was: \*\*Episode 5\*\*\)\./,
    );
    expect((await live.fake.click(poll, 'Ep 7', voter).reply()).content).toMatch(
      /^You already voted for \*\*Episode 7\*\*; your vote stays\./,
    );
    expect((await live.fake.click(poll, 'Withdraw my vote', voter).reply()).content).toBe(
      'Your vote for **Episode 7** is withdrawn.',
    );
    expect((await live.fake.click(poll, 'Withdraw my vote', voter).reply()).content).toBe(
      'You have not voted in this poll, so there is nothing to withdraw.',
    );
    expect(
      (
        await live.fake
          .command('/watchparty start', { title: 'd:squid-game', episodes: '2-3' }, { user: 3, locale: 'ko' })
          .reply()
      ).embeds[0]!.title,
    ).toBe('🎬 같이보기: 오징어 게임');
  });

  it('refuses to close for a member who is neither the host nor a manager, by button and by command', async () => {
    const refusal = `Only the host (<@${live.fake.member(1).id}>) or a member with **Manage Server** can close this poll.`;
    const pressed = await live.fake.click(poll, 'Close poll', { user: 7 }).reply();
    expect(isEphemeral(pressed)).toBe(true);
    expect(pressed.content).toBe(refusal);
    const pollId = /Poll (\w+)/.exec(poll.embeds[0]!.footer.text)![1]!;
    expect((await live.fake.command('/watchparty close', { poll: pollId }, { user: 7 }).reply()).content).toBe(refusal);
    expect(labels(poll)).toContain('Close poll');
  });

  it('keeps the poll working after a restart: votes still count and the tally still updates', async () => {
    await live.restart();
    const answer = await live.fake.click(poll, 'Ep 4', { user: 900 }).reply();
    expect(answer.content).toMatch(/^You voted for \*\*Episode 4\*\*\./);
    await live.fake.waitFor(() => field(poll, 'Votes') === '501', 'the tally to show 501 votes', 5_000);
  });

  it('closes on the host’s press: final counts, the winner with the tie rule, the result posted and the event created', async () => {
    await live.fake.click(poll, 'Ep 3', { user: 901 }).reply(); // Episodes 1, 2 and 3 now tie at 167.
    const before = staleCopy(poll);
    const closing = live.fake.click(poll, 'Close poll', { user: 1 });
    const [announcement] = await closing.followUps(1);
    await live.fake.waitFor(() => poll.components.length === 0, 'the poll to show its result');
    expect(title(poll)).toBe('🏁 Watch party: Squid Game (voting closed)');
    expect(description(poll)).toMatch(
      /^### Which one tonight\?\n🏆 \*\*Episode 1\*\* wins with 167 votes of 502\.\nTied with Episode 2, Episode 3 at 167 votes: the lowest episode number wins\./,
    );
    expect(field(poll, 'Voting closed')).toMatch(new RegExp(`Closed by <@${live.fake.member(1).id}>\\.`));
    expect(isEphemeral(announcement!)).toBe(false);
    expect(announcement!.content).toMatch(
      /^Watch-party result for \*\*Squid Game\*\*:\n🏆 \*\*Episode 1\*\* wins with 167 votes of 502\./,
    );
    const [event] = live.fake.scheduledEvents;
    expect(event).toMatchObject({
      name: 'Watch party: Squid Game, episode 1',
      entity_type: 3,
      privacy_level: 2,
      entity_metadata: { location: '#drama-night' },
    });
    expect(announcement!.content).toContain(`Event: https://discord.com/events/${live.fake.guild.id}/${event!.id}`);
    expect(Date.parse(event!.scheduled_start_time) - Date.now()).toBeGreaterThan(2.9 * 3_600_000);

    const late = await live.fake.click(before, 'Ep 3', { user: 902 }).reply();
    expect(late.content).toMatch(/^This poll is closed \(voting ended <t:\d+:R>\); your vote was not counted\./);
    expect(
      (
        await live.fake
          .command('/watchparty close', { poll: /Poll (\w+)/.exec(poll.embeds[0]!.footer.text)![1]! }, { user: 1 })
          .reply()
      ).content,
    ).toMatch(/^This poll is already closed/);
  });

  it('/watchparty results shows the last closed poll; /watchparty list shows the open ones with links', async () => {
    const results = await live.fake.command('/watchparty results').reply();
    expect(title(results)).toBe('🏁 Watch party: Squid Game (voting closed)');
    expect(results.content).toBe(
      `Poll: https://discord.com/channels/${live.fake.guild.id}/${live.fake.guild.channelId}/${poll.id}`,
    );
    const list = await live.fake.command('/watchparty list').reply();
    expect(isEphemeral(list)).toBe(true);
    expect(description(list)).toMatch(
      /^• \*\*Squid Game\*\* · 0 votes · closes <t:\d+:R> · by <@\d+> · \[go to poll\]\(https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+\)$/,
    );
    expect(field(list, 'Recently closed')).toMatch(
      /Squid Game\*\* · “Which one tonight\?” · 502 votes · won by Episode 1/,
    );
  });

  it('autocompletes every title option with dramas, and the poll option with this server’s polls', async () => {
    const titles = await live.fake.autocomplete('/watchparty start', { title: 'd:goblin', title2: 'vincen' }, 'title2');
    expect(titles[0]).toMatchObject({ value: 'd:vincenzo' });
    const closedPolls = await live.fake.autocomplete('/watchparty results', { poll: '' }, 'poll');
    expect(closedPolls.map((c) => c.name)).toEqual([
      expect.stringMatching(/^Squid Game · 502 votes · closed \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
    ]);
    const openPolls = await live.fake.autocomplete('/watchparty close', { poll: 'squid' }, 'poll');
    expect(openPolls).toHaveLength(1);
    expect(openPolls[0]!.name).toMatch(/^Squid Game · 0 votes · closes /);
  });

  it('uses select menus beyond 20 episodes, 25 per menu', async () => {
    const big = await live.fake
      .command('/watchparty start', { title: 'd:when-the-camellia-blooms' }, { user: 1 })
      .reply();
    const menus = big.components.flatMap((r) => r.components).filter((c: { type: number }) => c.type === 3);
    expect(menus.map((m: { placeholder: string; options: unknown[] }) => [m.placeholder, m.options.length])).toEqual([
      ['Vote: episodes 1–25', 25],
      ['Vote: episodes 26–40', 15],
    ]);
    const answer = await live.fake
      .select(big, ['29'], (menus[1] as { custom_id: string }).custom_id, { user: 5 })
      .reply();
    expect(answer.content).toMatch(/^You voted for \*\*Episode 30\*\*\./);
    await live.fake.waitFor(() => field(big, 'Votes') === '1', 'the tally');
    expect(description(big)).toMatch(
      /\*\*Episode 30\*\* `█{10}` 1 vote · 100%\nNo votes yet on episodes 1–29, 31–40\./,
    );
  });

  it('explains bad durations, episode ranges and start times with examples of what works', async () => {
    const ask = async (options: Record<string, string | boolean>) => {
      const answer = await live.fake
        .command('/watchparty start', { title: 'd:squid-game', ...options }, { permissions: 'eventHost' })
        .reply();
      expect(isEphemeral(answer)).toBe(true);
      return answer.content;
    };
    expect(await ask({ duration: 'forever' })).toBe('“forever” is not a duration. Try `30m`, `2h`, `1d` or `1h30m`.');
    expect(await ask({ duration: '30d' })).toMatch(/^Voting can last from 10 seconds to 14 days/);
    expect(await ask({ episodes: '5-12' })).toBe('There is no episode 12: this drama has 9 episodes.');
    expect(await ask({ episodes: 'the good ones' })).toMatch(
      /^“the good ones” is not a list of episodes\. Try a range like `1-4`/,
    );
    expect(await ask({ episodes: '3' })).toMatch(/^A vote needs at least two episodes/);
    expect(await ask({ starts_at: '20:00' })).toMatch(
      /^“20:00” has no time zone\. Add one so everyone sees the right time: `tomorrow 8pm KST`, `\d{4}-\d\d-\d\d 20:00 KST`/,
    );
    expect(await ask({ starts_at: 'someday soon' })).toMatch(/^“someday soon” is not a time I understand\./);
    expect(await ask({ starts_at: 'in 1h', duration: '2h' })).toMatch(/^Voting would close after the party starts/);
    expect(await ask({ create_event: true })).toMatch(/^An event needs a start time: add `starts_at`/);
    expect(await ask({ title2: 'd:vincenzo', episodes: '1-2' })).toMatch(/^`episodes` picks episodes of one drama\./);
  });

  it('closes on its own when the duration ends, and closes a poll that fell due while the bot was down right after start-up', async () => {
    const next = await live.fake
      .command(
        '/watchparty start',
        { title: 'd:vincenzo', title2: 'd:goblin', title3: 'd:queen-of-tears', duration: '10s' },
        { user: 4 },
      )
      .reply();
    expect(title(next)).toBe('🎬 Watch party: what do we watch next?');
    expect(labels(next)).toEqual([
      'Vincenzo',
      'Guardian: The Lonely and Great God',
      'Queen of Tears',
      'Close poll',
      'Withdraw my vote',
    ]);
    const overdue = await live.fake
      .command('/watchparty start', { title: 'd:goblin', episodes: '1-4', duration: '12s' }, { user: 4 })
      .reply();
    await Promise.all([
      live.fake.click(next, 'Queen of Tears', { user: 1 }).reply(),
      live.fake.click(next, 'Queen of Tears', { user: 2 }).reply(),
      live.fake.click(next, 'Vincenzo', { user: 3 }).reply(),
    ]);
    await live.fake.click(overdue, 'Ep 4', { user: 1 }).reply();

    const announced = (text: string) => live.fake.channelMessages().find((m) => m.content.includes(text));
    const result = await live.fake.waitFor(() => announced('what we watch next'), 'the automatic result', 15_000);
    expect(result.content).toMatch(
      /^Watch-party result: what we watch next\.\n🏆 \*\*Queen of Tears\*\* wins with 2 votes of 3\./,
    );
    expect(result.message_reference).toMatchObject({ message_id: next.id });
    expect(field(next, 'Voting closed')).toMatch(/Voting time ran out\./);
    expect(next.components).toEqual([]);

    // The bot is down when the second poll's deadline passes; it closes right after start-up.
    await live.restart(Math.max(0, Date.parse(overdue.timestamp) + 12_500 - Date.now()));
    const late = await live.fake.waitFor(
      () => announced('**Guardian: The Lonely and Great God**'),
      'the overdue result',
      5_000,
    );
    expect(late.content).toMatch(/🏆 \*\*Episode 4\*\* wins with 1 vote of 1\./);
    expect(overdue.components).toEqual([]);
  }, 30_000);

  it('when the store fails: a vote or a new poll says nothing was saved, and no earlier vote is lost', async () => {
    const open = await live.fake
      .command('/watchparty start', { title: 'd:goblin', episodes: '1-3' }, { user: 1 })
      .reply();
    await live.fake.click(open, 'Ep 1', { user: 1 }).reply();
    const store = live.bot.context.records;
    const fail = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    const methods = ['get', 'put', 'remove', 'add', 'entries', 'entriesOfMany', 'tallies', 'claim'] as const;
    const saved = Object.fromEntries(methods.map((m) => [m, store[m]]));
    Object.assign(store, Object.fromEntries(methods.map((m) => [m, fail])));
    try {
      const vote = await live.fake.click(open, 'Ep 2', { user: 2 }).reply();
      expect(isEphemeral(vote)).toBe(true);
      expect(vote.content).toBe(
        'Watch parties are unavailable right now, nothing was saved. Please try again in a few minutes.',
      );
      expect((await live.fake.command('/watchparty start', { title: 'd:goblin' }).reply()).content).toMatch(
        /^Watch parties are unavailable right now, nothing was saved\./,
      );
      expect((await live.fake.command('/watchparty list').reply()).content).toBe(
        'Watch parties are unavailable right now. Please try again in a few minutes.',
      );
    } finally {
      Object.assign(store, saved);
    }
    expect((await live.fake.click(open, 'Ep 2', { user: 2 }).reply()).content).toMatch(
      /^You voted for \*\*Episode 2\*\*\./,
    );
    await live.fake.waitFor(() => field(open, 'Votes') === '2', 'both votes in the tally');
  });

  it('creates a server event only for a member allowed to, and escapes the question in its description', async () => {
    const hostile = {
      title: 'd:vincenzo',
      question: '[free nitro](https://evil.example) @everyone **now**',
      starts_at: 'in 3h',
      create_event: true,
    };
    const refused = await live.fake.command('/watchparty start', hostile, { user: 31 }).reply();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toMatch(
      /^Creating a server event needs your own \*\*Create Events\*\* \(or \*\*Manage Events\*\*\) permission/,
    );
    const events = live.fake.scheduledEvents.length;
    const started = await live.fake
      .command('/watchparty start', { ...hostile, episodes: '1-2' }, { user: 31, permissions: 'eventHost' })
      .reply();
    await live.fake.click(started, 'Ep 2', { user: 32 }).reply();
    await live.fake.click(started, 'Close poll', { user: 31 }).followUps(1);
    const event = live.fake.scheduledEvents[events]!;
    expect(event.description).toMatch(/^\\\[free nitro\\\]\(https:\/\/evil\.example\) @everyone \\\*\\\*now\\\*\\\*\n/);
  });

  it('sent nothing Discord would reject, and pinged nobody', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
    const posted = live.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posted.length).toBeGreaterThan(0);
    for (const request of posted)
      expect((request.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});
