import { describe, expect, it } from 'vitest';
import { isEphemeral } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot } from '../support/harness.ts';
import { field, labels, title } from '../support/messages.ts';

/**
 * Watchlists and the daily episode digest through the local Discord server, on a clock the test
 * sets: Thursday 6 March 2025, the week When Life Gives You Tangerines premiered (four episodes on
 * Friday the 7th) while Buried Hearts aired its fifth episode the same evening.
 */
const THURSDAY = Date.parse('2025-03-06T12:00:00Z');
const FRIDAY_20H_BERLIN = Date.parse('2025-03-07T19:00:00Z');

describe('watchlists and episode alerts through the local Discord server', () => {
  let now = THURSDAY;
  const live = liveBot({ clock: () => now });
  const channelMessages = (channelId: string) =>
    [...live.fake.messages.values()].filter((m) => m.channel_id === channelId && !m.interaction_metadata);

  it('/watchlist add answers privately with the status and the progress', async () => {
    const added = await live.fake
      .command('/watchlist add', { title: 'Buried Hearts', episode: 5 }, { user: 1 })
      .reply();
    expect(isEphemeral(added)).toBe(true);
    expect(added.content).toBe('Added **Buried Hearts** (watching, episode 5 of 16).');
    const planned = await live.fake
      .command('/watchlist add', { title: 'd:when-life-gives-you-tangerines', status: 'plan-to-watch' }, { user: 1 })
      .reply();
    expect(planned.content).toBe('Added **When Life Gives You Tangerines** (plan to watch, 16 episodes).');
    const again = await live.fake
      .command('/watchlist add', { title: 'd:buried-hearts', status: 'on-hold' }, { user: 1 })
      .reply();
    expect(again.content).toBe('Updated **Buried Hearts** (on hold, episode 5 of 16).');
  });

  it('/watchlist add refuses an episode past the last one and a title it cannot pin down', async () => {
    const tooFar = await live.fake
      .command('/watchlist add', { title: 'd:buried-hearts', episode: 40 }, { user: 1 })
      .reply();
    expect(tooFar.content).toBe('**Buried Hearts** has 16 episodes: pick an episode from 0 to 16.');
    const unknown = await live.fake.command('/watchlist add', { title: 'zzqx nothing like it' }, { user: 1 }).reply();
    expect(isEphemeral(unknown)).toBe(true);
    expect(unknown.content).toMatch(/No drama matches/);
  });

  it('/watchlist progress moves forward; the last episode offers to complete it, then to rate it', async () => {
    const moved = await live.fake
      .command('/watchlist progress', { title: 'd:buried-hearts', episode: 9 }, { user: 1 })
      .reply();
    expect(moved.content).toBe('**Buried Hearts**: episode 9 of 16.');
    const last = await live.fake
      .command('/watchlist progress', { title: 'd:buried-hearts', episode: 16 }, { user: 1 })
      .reply();
    expect(last.content).toBe('That was the last episode of **Buried Hearts**. Mark it completed?');
    const completed = await live.fake.click(last, 'Mark completed', { user: 1 }).reply();
    expect(completed.content).toBe('**Buried Hearts** is marked completed. 🎉 Rate it for this server?');
    expect(labels(completed)).toEqual(['⭐ Rate it']);
  });

  it('/watchlist show groups by status with progress bars and the next episode, privately by default', async () => {
    const list = await live.fake.command('/watchlist show', {}, { user: 1 }).reply();
    expect(isEphemeral(list)).toBe(true);
    expect(title(list)).toBe('member1’s watchlist');
    const text = list.embeds[0]!.description as string;
    expect(text).toContain(
      '**Plan to watch**\n**When Life Gives You Tangerines** `░░░░░░░░░░` 0/16 · next: ep 1 <t:1741348800:R>',
    );
    expect(text).toContain('**Completed**\n**Buried Hearts** `██████████` 16/16');
    const posted = await live.fake.command('/watchlist show', { public: true }, { user: 1 }).reply();
    expect(isEphemeral(posted)).toBe(false);
  });

  it('shows another member’s list only once they made it public', async () => {
    const refused = await live.fake.command('/watchlist show', { member: 1 }, { user: 2 }).reply();
    expect(refused.content).toBe(`<@${live.fake.member(1).id}> keeps their watchlist private.`);
    await live.fake.command('/watchlist privacy', { visibility: 'public' }, { user: 1 }).reply();
    const shown = await live.fake.command('/watchlist show', { member: 1 }, { user: 2 }).reply();
    expect(title(shown)).toBe('member1’s watchlist');
  });

  it('/watchlist remove takes a drama off the list', async () => {
    await live.fake.command('/watchlist add', { title: 'd:goblin' }, { user: 3 }).reply();
    const removed = await live.fake.command('/watchlist remove', { title: 'd:goblin' }, { user: 3 }).reply();
    expect(removed.content).toBe('Removed **Guardian: The Lonely and Great God** from your watchlist.');
    const empty = await live.fake.command('/watchlist show', {}, { user: 3 }).reply();
    expect(empty.embeds[0]!.description).toBe('Nothing here yet. Add a drama with `/watchlist add`.');
  });

  it('/alerts is for Manage Server only', async () => {
    const refused = await live.fake.command('/alerts list', {}, { user: 4 }).reply();
    expect(refused.content).toBe('Only members with the **Manage Server** permission can do this.');
  });

  it('sets up a digest, shows when it comes next, and posts it once when the clock reaches the hour', async () => {
    const admin = { user: 5, permissions: 'manager' } as const;
    const channel = live.fake.guild.channelId;
    const set = await live.fake.command('/alerts channel', { channel }, admin).reply();
    expect(set.content).toBe(
      `Episode alerts will be posted in <#${channel}>, at 20:00 (Asia/Seoul). Choose dramas with \`/alerts follow\`.`,
    );
    const zones = await live.fake.autocomplete('/alerts time', { hour: 20, timezone: 'berl' }, 'timezone', admin);
    expect(zones.map((c) => c.value)).toContain('Europe/Berlin');
    const titles = await live.fake.autocomplete('/alerts follow', { title: 'tangerines' }, 'title', admin);
    expect(titles[0]!.value).toBe('d:when-life-gives-you-tangerines');
    const time = await live.fake.command('/alerts time', { hour: 20, timezone: 'berlin' }, admin).reply();
    expect(time.content).toBe('The daily digest is now posted at 20:00 (Europe/Berlin).');
    const follow = await live.fake
      .command('/alerts follow', { title: 'd:when-life-gives-you-tangerines' }, admin)
      .reply();
    expect(follow.content).toBe(
      'Following **When Life Gives You Tangerines**: its next episode (ep 1–4) airs <t:1741348800:D>.',
    );
    await live.fake.command('/alerts follow', { title: 'd:buried-hearts' }, admin).reply();

    const list = await live.fake.command('/alerts list', {}, admin).reply();
    expect(isEphemeral(list)).toBe(true);
    expect(field(list, 'Next digest')).toBe(
      `<t:${FRIDAY_20H_BERLIN / 1000}:F> (<t:${FRIDAY_20H_BERLIN / 1000}:R>), for <t:1741348800:D>`,
    );
    expect(list.embeds[0]!.description).toContain('**When Life Gives You Tangerines**: ep 1–4 <t:1741348800:D>');

    const before = channelMessages(channel).length;
    now = FRIDAY_20H_BERLIN - 60_000;
    await live.bot.alerts.tick();
    expect(channelMessages(channel)).toHaveLength(before);
    now = FRIDAY_20H_BERLIN;
    await live.bot.alerts.tick();
    await live.bot.alerts.tick();
    const posted = channelMessages(channel).slice(before);
    expect(posted).toHaveLength(1);
    const digest = posted[0]!;
    expect(title(digest)).toBe('📺 New episodes today');
    expect(digest.embeds[0]!.description).toBe(
      [
        '**Buried Hearts** · episode 5 · SBS · <t:1741348800:D>',
        '**When Life Gives You Tangerines** · episode 1–4 · Netflix · <t:1741348800:D>',
      ].join('\n'),
    );
    expect(labels(digest)).toEqual(['＋ Buried Hearts', '＋ When Life Gives You Tangerines']);
    const body = live.fake.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${channel}/messages`))
      .at(-1)!.body as { allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });

    // A member presses a button on the digest: the drama joins their own watchlist.
    const added = await live.fake.click(digest, '＋ Buried Hearts', { user: 6 }).reply();
    expect(isEphemeral(added)).toBe(true);
    expect(added.content).toBe('Added **Buried Hearts** (watching, 16 episodes).');

    const after = await live.fake.command('/alerts list', {}, admin).reply();
    expect(field(after, 'Last digest')).toBe(`posted <t:${FRIDAY_20H_BERLIN / 1000}:R>`);
    expect(discordComplaints(live.fake)).toEqual([]);
  });

  it('sends a member’s DM reminder at their hour, and turns reminders off (telling them once) when Discord refuses the DM', async () => {
    now = THURSDAY;
    const fan = live.fake.member(7);
    const closed = live.fake.member(8);
    live.fake.dmsClosed.add(closed.id);
    for (const user of [7, 8]) {
      await live.fake.command('/watchlist add', { title: 'd:when-life-gives-you-tangerines' }, { user }).reply();
      const on = await live.fake.command('/watchlist remind on', { hour: 9, timezone: 'Asia/Seoul' }, { user }).reply();
      // 09:00 in Seoul on Friday 7 March is 00:00 UTC.
      expect(on.content).toBe(
        'Reminders on: on each day a drama you watch or plan to watch airs in Korea, you get a DM at 09:00 (Asia/Seoul). Next: <t:1741305600:F>.',
      );
    }
    now = Date.parse('2025-03-07T00:00:00Z');
    await live.bot.alerts.tick();
    const dm = [...live.fake.dmChannels].find(([, userId]) => userId === fan.id)![0];
    const reminders = [...live.fake.messages.values()].filter((m) => m.channel_id === dm);
    expect(reminders).toHaveLength(1);
    expect(title(reminders[0]!)).toBe('📺 Airing today from your watchlist');
    expect(reminders[0]!.embeds[0]!.description).toBe(
      '**When Life Gives You Tangerines** · episode 1–4 · Netflix · <t:1741348800:D>',
    );

    // The refused member hears about it once, after their next command.
    const next = live.fake.command('/watchlist show', {}, { user: 8 });
    await next.reply();
    const [notice] = await next.followUps(1);
    expect(isEphemeral(notice!)).toBe(true);
    expect(notice!.content).toMatch(/^Heads-up: your episode reminders were turned off/);
    const later = live.fake.command('/watchlist show', {}, { user: 8 });
    await later.reply();
    await live.fake.idle();
    expect(later.followUpsSoFar()).toEqual([]);
    expect(closed.id).not.toBe(fan.id);
  });
});
