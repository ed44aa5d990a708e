import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEphemeral } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot, tempDir } from '../support/harness.ts';
import { field, labels, title } from '../support/messages.ts';

describe('ratings, reviews and recommendations through the local Discord server', () => {
  const env = { DATABASE_URL: `sqlite://${join(tempDir(), 'ratings.sqlite')}` };
  const live = liveBot({ env });

  it('/rate saves a rating privately and shows the new server average; rating again replaces it', async () => {
    const first = await live.fake
      .command('/rate', { title: 'd:soundtrack-1', score: 9, review: 'Made me cry *twice* @everyone' }, { user: 1 })
      .reply();
    expect(isEphemeral(first)).toBe(true);
    expect(first.content).toBe(
      'Saved your **9/10** for **Soundtrack #1**.\nYour review is saved with it.\nServer average now: **9.0** from 1 rating.',
    );
    const again = await live.fake.command('/rate', { title: 'Soundtrack #1', score: 7 }, { user: 1 }).reply();
    expect(again.content).toBe(
      'Saved your **7/10** for **Soundtrack #1** (it replaces your earlier 9/10).\nYour earlier review is kept.\nServer average now: **7.0** from 1 rating.',
    );
    await live.fake
      .command('/rate', { title: 'd:soundtrack-1', score: 10, review: 'Perfect four episodes' }, { user: 2 })
      .reply();
    const third = await live.fake
      .command('/rate', { title: 'd:soundtrack-1', score: 8 }, { user: 3, locale: 'ko' })
      .reply();
    expect(third.content).toBe(
      '**사운드트랙 #1**에 **8/10**점을 저장했어요.\n이제 서버 평균은 **8.3**점이에요 (3명 평가).',
    );
  });

  it('/rate takes a review of exactly the 300-character limit', async () => {
    const answer = await live.fake
      .command('/rate', { title: 'd:vincenzo', score: 8, review: `${'x'.repeat(300)} ` }, { user: 9 })
      .reply();
    expect(answer.content).toMatch(/Server average now: \*\*8\.0\*\*/);
  });

  it('/rate saves nothing on a near-miss title: "squid game 2" gets did-you-mean buttons that open the form', async () => {
    const answer = await live.fake.command('/rate', { title: 'squid game 2', score: 3 }, { user: 77 }).reply();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(
      /^Which drama do you mean by “squid game 2”\? Nothing is saved until you pick one\./,
    );
    const form = await live.fake.click(answer, labels(answer)[0]!, { user: 77 }).modal();
    expect(form.custom_id).toBe('rate:submit:squid-game');
    expect(await live.bot.context.ratings.dramaRatings(live.fake.guild.id, 'squid-game')).toBeUndefined();
  });

  it('counts many members rating one drama at the same time exactly', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        live.fake.command('/rate', { title: 'd:goblin', score: (i % 10) + 1 }, { user: 100 + i }).reply(),
      ),
    );
    expect(replies.every((r) => r.content.startsWith('Saved your'))).toBe(true);
    const card = await live.fake.command('/ratings', { title: 'd:goblin' }).reply();
    expect(field(card, 'Average')).toBe('**5.5** / 10 from 40 ratings');
  });

  it('/ratings with a title shows the average, the distribution and the latest reviews without pinging anyone', async () => {
    const card = await live.fake.command('/ratings', { title: 'd:soundtrack-1' }).reply();
    expect(isEphemeral(card)).toBe(false);
    expect(title(card)).toBe('Soundtrack #1 (사운드트랙 #1) · ratings in this server');
    expect(field(card, 'Average')).toBe('**8.3** / 10 from 3 ratings');
    expect(field(card, 'Distribution')!.split('\n')).toHaveLength(10);
    const reviews = field(card, 'Latest reviews')!;
    expect(reviews).toContain(`<@${live.fake.member(2).id}> · **10/10**`);
    expect(reviews).toContain('> Perfect four episodes');
    expect(reviews).toContain('> Made me cry \\*twice\\* @everyone');
    const body = live.fake.requests.filter((r) => r.path.includes('/callback')).at(-1)!.body as {
      data: { allowed_mentions: unknown };
    };
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('/ratings shows the leaderboard with the not-yet-ranked apart', async () => {
    const board = await live.fake.command('/ratings').reply();
    const lines = board.embeds[0]!.description.split('\n');
    expect(lines[0]).toBe('**1.** Soundtrack #1 (2022) · **8.3** · 3 ratings');
    expect(lines[1]).toBe('**2.** Guardian: The Lonely and Great God (2016) · **5.5** · 40 ratings');
    expect(lines).toContain('**Not ranked yet (fewer than 3 ratings)**');
    expect(lines).toContain('Vincenzo (2021) · 1 so far');
  });

  it('/ratings mine:true lists only the member’s own ratings, privately', async () => {
    const mine = await live.fake.command('/ratings', { mine: true }, { user: 1 }).reply();
    expect(isEphemeral(mine)).toBe(true);
    expect(mine.embeds[0]!.description).toBe('Soundtrack #1 (2022) · **7/10** · with a review');
  });

  it('shows the server rating on the drama card, and Rate opens a form that saves', async () => {
    const card = await live.fake.command('/drama info', { title: 'd:soundtrack-1' }).reply();
    expect(field(card, 'Server rating')).toBe('**8.3** / 10 from 3 ratings');
    const form = await live.fake.click(card, '⭐ Rate', { user: 4 }).modal();
    expect(form.custom_id).toBe('rate:submit:soundtrack-1');
    const saved = await live.fake
      .submitModal('rate:submit:soundtrack-1', { score: '6', review: 'Too short!' }, { user: 4 })
      .reply();
    expect(saved.content).toBe(
      'Saved your **6/10** for **Soundtrack #1**.\nYour review is saved with it.\nServer average now: **7.8** from 4 ratings.',
    );
    const bad = await live.fake
      .submitModal('rate:submit:soundtrack-1', { score: 'ten', review: '' }, { user: 4 })
      .reply();
    expect(bad.content).toBe('A score is a whole number from 1 to 10, like `8`.');
  });

  it('/recommend gives five dramas with reasons, never the one asked about nor one the member rated', async () => {
    const recs = await live.fake.command('/recommend', { like: 'd:vincenzo' }, { user: 1 }).reply();
    const lines = recs.embeds[0]!.description.split('\n').filter((l: string) => /^\*\*\d\.\*\*/.test(l));
    expect(lines).toHaveLength(5);
    expect(recs.embeds[0]!.description).toContain('same director as Vincenzo (Kim Hee-won)');
    expect(recs.embeds[0]!.description).not.toMatch(/\*\*Vincenzo\*\* \(/);
    const mine = await live.fake.command('/recommend', {}, { user: 2 }).reply();
    expect(mine.embeds[0]!.description).toMatch(/^Based on what you rated highly/);
    expect(mine.embeds[0]!.description).not.toContain('**Soundtrack #1**');
  });

  it('the Similar button on a card recommends privately to whoever presses it', async () => {
    const card = await live.fake.command('/drama info', { title: 'd:vincenzo' }).reply();
    const similar = await live.fake.click(card, 'Similar', { user: 5 }).reply();
    expect(isEphemeral(similar)).toBe(true);
    expect(similar.embeds[0]!.description).toMatch(/^Because you asked about Vincenzo/);
  });

  it('refuses admin tools to a member without Manage Server', async () => {
    const refused = await live.fake
      .command('/ratings-admin remove', { member: 1, title: 'd:soundtrack-1' }, { permissions: 'member' })
      .reply();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toContain('Manage Server');
    expect(live.fake.commandsFor().find((c) => c.name === 'ratings-admin')?.default_member_permissions).toBe('32');
  });

  it('lets an admin remove a review, then a rating, reset a drama after confirming, and export JSON', async () => {
    const review = await live.fake
      .command(
        '/ratings-admin remove',
        { member: 2, title: 'd:soundtrack-1', what: 'review' },
        { permissions: 'manager' },
      )
      .reply();
    expect(review.content).toBe(`Removed <@${live.fake.member(2).id}>’s review of **Soundtrack #1**.`);
    const rating = await live.fake
      .command('/ratings-admin remove', { member: 4, title: 'd:soundtrack-1' }, { permissions: 'manager' })
      .reply();
    expect(rating.content).toBe(`Removed <@${live.fake.member(4).id}>’s rating of **Soundtrack #1**.`);
    expect(field(await live.fake.command('/ratings', { title: 'd:soundtrack-1' }).reply(), 'Average')).toBe(
      '**8.3** / 10 from 3 ratings',
    );

    const ask = await live.fake
      .command('/ratings-admin reset', { title: 'd:goblin' }, { permissions: 'manager' })
      .reply();
    expect(ask.content).toBe(
      'Delete all **40 ratings** of **Guardian: The Lonely and Great God** in this server? This cannot be undone.',
    );
    expect(labels(ask)).toEqual(['Delete them', 'Keep them']);
    const refusedClick = await live.fake.click(ask, 'Delete them', { permissions: 'member' }).reply();
    expect(refusedClick.content).toContain('Manage Server');
    const done = await live.fake.click(ask, 'Delete them', { permissions: 'manager' }).reply();
    expect(done.content).toBe('Deleted 40 ratings of **Guardian: The Lonely and Great God**.');

    const exported = await live.fake.command('/ratings-admin export', {}, { permissions: 'manager' }).reply();
    expect(exported.content).toBe('This server’s ratings: 2 dramas, 4 ratings.');
    const file = live.fake.files.get(exported.attachments[0].id)!;
    const json = JSON.parse(file.data.toString());
    expect(json.dramas.map((d: { dramaId: string }) => d.dramaId)).toEqual(['soundtrack-1', 'vincenzo']);
    expect(json.ratingCount).toBe(4);
  });

  it('keeps every rating after the bot restarts on the same SQLite file', async () => {
    await live.restart();
    const card = await live.fake.command('/ratings', { title: 'd:soundtrack-1' }).reply();
    expect(field(card, 'Average')).toBe('**8.3** / 10 from 3 ratings');
  });

  it('when the store fails: ratings say nothing was saved, lookups keep working, the log has one line per burst', async () => {
    const store = live.bot.context.records;
    const fail = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    const methods = ['get', 'put', 'remove', 'add', 'entries', 'entriesOfMany', 'tallies', 'claim'] as const;
    const saved = Object.fromEntries(methods.map((m) => [m, store[m]]));
    Object.assign(store, Object.fromEntries(methods.map((m) => [m, fail])));
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          live.fake.command('/rate', { title: 'd:vincenzo', score: 5 }, { user: 200 + i }).reply(),
        ),
      );
      for (const answer of answers) {
        expect(isEphemeral(answer)).toBe(true);
        expect(answer.content).toBe(
          'Ratings are unavailable right now, nothing was saved. Please try again in a few minutes.',
        );
      }
      const board = await live.fake.command('/ratings').reply();
      expect(isEphemeral(board)).toBe(true);
      expect(board.content).toMatch(/^Ratings are unavailable right now\. Lookups still work/);
      const card = await live.fake.command('/drama info', { title: 'd:vincenzo' }).reply();
      expect(title(card)).toBe('Vincenzo (빈센조)');
      expect(field(card, 'Server rating')).toBeUndefined();
      expect(live.bot.logs.filter((l) => l.includes('ERROR ratings store unavailable'))).toHaveLength(1);
    } finally {
      Object.assign(store, saved);
    }
    const after = await live.fake.command('/ratings', { title: 'd:vincenzo' }).reply();
    expect(field(after, 'Average')).toBe('**8.0** / 10 from 1 rating');
  });

  it('sent only bodies that Discord would accept, each within 3 seconds', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
  });
});
