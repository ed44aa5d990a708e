import { describe, expect, it } from 'vitest';
import { isEphemeral } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot } from '../support/harness.ts';
import { field, labels, menuValues, title } from '../support/messages.ts';

describe('/drama through the real discord.js client and the local Discord server', () => {
  const live = liveBot();

  it('autocompletes titles by English, Korean and typo, with values that name the drama', async () => {
    expect((await live.fake.autocomplete('/drama info', { title: 'sound' }, 'title'))[0]).toEqual({
      name: 'Soundtrack #1 (2022) · drama',
      value: 'd:soundtrack-1',
    });
    expect((await live.fake.autocomplete('/drama info', { title: '사운드' }, 'title', { locale: 'ko' }))[0]).toEqual({
      name: '사운드트랙 #1 (2022) · 드라마',
      value: 'd:soundtrack-1',
    });
    expect((await live.fake.autocomplete('/drama info', { title: 'vincenso' }, 'title'))[0]!.value).toBe('d:vincenzo');
    expect(await live.fake.autocomplete('/drama info', { title: '' }, 'title')).toHaveLength(25);
    expect((await live.fake.autocomplete('/drama search', { network: 'net' }, 'network')).map((c) => c.value)).toEqual([
      'Netflix',
    ]);
  });

  it('/drama info posts a public card, and each button works for a member who did not ask', async () => {
    const card = await live.fake.command('/drama info', { title: 'd:soundtrack-1' }).reply();
    expect(isEphemeral(card)).toBe(false);
    expect(title(card)).toBe('Soundtrack #1 (사운드트랙 #1)');
    expect(field(card, 'Director')).toBe('Kim Hee-won');
    expect(labels(card)).toEqual(['Cast', 'Episodes', 'OST', '⭐ Rate', 'Similar']);

    const cast = await live.fake.click(card, 'Cast', { user: 2 }).reply();
    expect(isEphemeral(cast)).toBe(true);
    expect(cast.embeds[0]!.description).toContain('Han So-hee as Lee Eun-soo');
    expect(cast.embeds[0]!.description).toContain('**Cameos**');

    const episodes = await live.fake.click(card, 'Episodes', { user: 3 }).reply();
    expect(isEphemeral(episodes)).toBe(true);
    // The command agrees with the button: an episode list is for whoever asked.
    const listed = await live.fake.command('/drama episodes', { title: 'Soundtrack #1' }).reply();
    expect(isEphemeral(listed)).toBe(true);
    expect(listed.embeds[0]!.description).toBe(episodes.embeds[0]!.description);
    expect(episodes.embeds[0]!.description.split('\n')).toHaveLength(4);

    const ost = await live.fake.click(card, 'OST', { user: 2 }).reply();
    expect(ost.embeds[0]!.description).toMatch(/^\*\*Part 1\*\* · Love Beyond Words/);

    const person = await live.fake.select(cast, ['han-so-hee'], undefined, { user: 2 }).reply();
    expect(title(person)).toBe('Han So-hee (한소희)');
    expect(isEphemeral(person)).toBe(false);
  });

  it('accepts a title typed by hand without picking from the list', async () => {
    expect(title(await live.fake.command('/drama info', { title: 'crash landing on you' }).reply())).toMatch(
      /^Crash Landing on You/,
    );
  });

  it('answers an unknown title with an ephemeral did-you-mean whose buttons open the card', async () => {
    const answer = await live.fake.command('/drama info', { title: 'hopsital playlsit' }).reply();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(
      /^No drama matches “hopsital playlsit”\.\nThe catalog knows \d+ dramas; whoever runs the bot can sync more from TMDB\.\nDid you mean one of these\?$/,
    );
    const suggestions = labels(answer);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    const opened = await live.fake.click(answer, suggestions[0]!).reply();
    expect(isEphemeral(opened)).toBe(false);
    expect(title(opened)).toMatch(/^Hospital Playlist/);
  });

  it('answers a Korean client in Korean, from the card to its buttons', async () => {
    const card = await live.fake.command('/drama info', { title: '빈센조' }, { locale: 'ko' }).reply();
    expect(title(card)).toBe('빈센조 (Vincenzo)');
    expect(field(card, '장르')).toBeDefined();
    // Names in Hangul, tags from the Korean table, the English synopsis under a field that says so.
    expect(field(card, '주연')).toContain('송중기 (빈센조 까사노 역)');
    expect(field(card, '태그')).toContain('마피아');
    expect(field(card, '줄거리 (영어)')).toMatch(/^Vincenzo Cassano/);
    expect(labels(card)).toEqual(['출연진', '회차', 'OST', '⭐ 평가하기', '비슷한 드라마']);
    const episodes = await live.fake.click(card, '회차', { locale: 'ko' }).reply();
    expect(episodes.embeds[0]!.title).toBe('빈센조 (Vincenzo) · 회차');
    const missing = await live.fake.command('/drama info', { title: 'zzqqxx' }, { locale: 'ko' }).reply();
    expect(missing.content).toMatch(/^“zzqqxx”와 일치하는 드라마가 없어요\./);
    const near = await live.fake.command('/drama info', { title: '응답하라 2000' }, { locale: 'ko' }).reply();
    expect(near.content).toMatch(/^“응답하라 2000”과 일치하는 드라마가 없어요\./);
  });

  it('/drama search pages through results past page 1 and opens a card from the menu', async () => {
    const first = await live.fake.command('/drama search', {}).reply();
    expect(first.embeds[0]!.footer.text).toMatch(/^Page 1\/(\d+)/);
    expect(menuValues(first)).toHaveLength(10);
    const second = await live.fake.click(first, 'Next ▶', { user: 4 }).reply();
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]!.footer.text).toMatch(/^Page 2\//);
    expect(second.embeds[0]!.description).toMatch(/\*\*11\.\*\* /);
    const third = await live.fake.click(second, 'Next ▶').reply();
    expect(third.embeds[0]!.footer.text).toMatch(/^Page 3\//);
    const back = await live.fake.click(third, '◀ Previous').reply();
    expect(back.embeds[0]!.description).toBe(second.embeds[0]!.description);
    const picked = menuValues(back)[0]!;
    const card = await live.fake.select(back, [picked]).reply();
    expect(card.embeds[0]!.url).toBeDefined();
    expect(card.id).not.toBe(first.id);
  });

  it('/drama search combines the query with genre, year, network and length filters', async () => {
    const found = await live.fake.command('/drama search', { query: 'park hyung-sik', genre: 'legal' }).reply();
    expect(found.embeds[0]!.title).toBe('Dramas matching “park hyung-sik”');
    expect(menuValues(found)).toEqual(['suits-2018']);
    const filtered = await live.fake.command('/drama search', { network: 'netflix', max_episodes: 8 }).reply();
    expect(filtered.embeds[0]!.description).toMatch(/^Filters: on Netflix, at most 8 episodes · \d+ found/);
    const none = await live.fake.command('/drama search', { query: 'vincenzo', year: 1999 }).reply();
    expect(isEphemeral(none)).toBe(true);
    expect(none.content).toMatch(/^No drama matches “vincenzo”, year 1999\./);
    expect(labels(none)[0]).toMatch(/^Vincenzo/);
    const badNetwork = await live.fake.command('/drama search', { network: 'HBO' }).reply();
    expect(badNetwork.content).toMatch(/^No network called “HBO”\. Networks in the catalog: tvN, /);
  });

  it('/drama random posts a card that fits the filters, and Another one swaps it in place', async () => {
    const card = await live.fake.command('/drama random', { genre: 'horror', max_episodes: 12 }).reply();
    expect(field(card, 'Genres')).toContain('Horror');
    expect(labels(card)).toContain('🎲 Another one');
    const shown = title(card);
    const again = await live.fake.click(card, '🎲 Another one', { user: 5 }).reply();
    expect(again.id).toBe(card.id);
    expect(field(again, 'Genres')).toContain('Horror');
    expect(title(again)).not.toBe(shown);
    const none = await live.fake.command('/drama random', { genre: 'horror', max_episodes: 1 }).reply();
    expect(isEphemeral(none)).toBe(true);
    expect(none.content).toBe('No drama in the catalog has genre Horror, at most 1 episode.');
  });

  it('Another one says so when the drama shown is the only one that fits, instead of dealing it again', async () => {
    const { catalog } = live.bot.context;
    const alone = catalog.dramas.find(
      (d) =>
        catalog.dramas.filter((o) => o.genres.includes(d.genres[0]!) && o.episodeCount <= d.episodeCount).length === 1,
    )!;
    const card = await live.fake
      .command('/drama random', { genre: alone.genres[0]!, max_episodes: alone.episodeCount })
      .reply();
    expect(title(card)).toMatch(new RegExp(`^${alone.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const pressed = await live.fake.click(card, '🎲 Another one').reply();
    expect(isEphemeral(pressed)).toBe(true);
    expect(pressed.content).toMatch(
      /^\*\*.+\*\* is the only drama in the catalog with genre .+: there is no other one to show\.$/,
    );
  });

  it('pages a cast list too long for one page, in place, on the ephemeral message', async () => {
    const card = await live.fake.command('/drama info', { title: 'd:sky-castle' }).reply();
    const cast = await live.fake.click(card, 'Cast').reply();
    expect(cast.embeds[0]!.footer.text).toMatch(/^Page 1\/2 · /);
    const onPage1 = menuValues(cast);
    const page2 = await live.fake.click(cast, 'Next ▶').reply();
    expect(page2.id).toBe(cast.id);
    expect(isEphemeral(page2)).toBe(true);
    expect(page2.embeds[0]!.footer.text).toMatch(/^Page 2\/2 · /);
    expect(page2.embeds[0]!.description).toMatch(/\(continued\)\*\*|^\*\*(Supporting cast|Cameos)\*\*/);
    expect(new Set([...onPage1, ...menuValues(page2)]).size).toBe(16);
  });

  it('/drama episodes lists the episodes to whoever asked, like the Episodes button', async () => {
    const list = await live.fake.command('/drama episodes', { title: 'd:soundtrack-1' }).reply();
    expect(isEphemeral(list)).toBe(true);
    expect(list.embeds[0]!.title).toBe('Soundtrack #1 (사운드트랙 #1) · episodes');
    expect(list.embeds[0]!.description).toMatch(/^\*\*Episode 1\*\* · <t:\d+:D>/);
  });

  it('sent only bodies that Discord would accept, each within 3 seconds', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
    expect(live.bot.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});
