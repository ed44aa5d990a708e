import { describe, expect, it } from 'vitest';
import { isEphemeral, type ActAs, type Place } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot } from '../support/harness.ts';
import { labels, menuValues, title } from '../support/messages.ts';

/**
 * The lookups installed to a member's own account ("Add to my apps") and used where the bot is no
 * member: a DM with the bot, a group DM, and a server that never added the bot (no GUILD_CREATE
 * ever came for it). There `interaction.guild` and `interaction.channel` are null, permissions come
 * from the payload, and at most 5 follow-ups are allowed; the local server enforces all of it.
 */
describe('lookups anywhere: DMs, group DMs and servers without the bot', () => {
  // Registered globally, as `npm run deploy` without DISCORD_GUILD_ID does: DMs only see global commands.
  const live = liveBot({ env: { DISCORD_GUILD_ID: '' } });
  const places: Place[] = ['dm', 'group-dm', 'elsewhere'];

  it('registers the lookups for both installs and every context, and the server commands for servers only', () => {
    const byName = Object.fromEntries(live.fake.globalCommands.map((c) => [c.name, c]));
    for (const name of ['drama', 'cast', 'ost', 'recommend', 'ping']) {
      expect(byName[name]).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
    for (const name of ['rate', 'ratings', 'ratings-admin', 'watchparty']) {
      expect(byName[name]).toMatchObject({ integration_types: [0], contexts: [0] });
    }
  });

  it.each(places)(
    '/drama info answers with a card in a %s, and Cast, Episodes, OST and Similar work',
    async (place) => {
      const as: ActAs = { place };
      const card = await live.fake.command('/drama info', { title: 'Soundtrack #1' }, as).reply();
      expect(isEphemeral(card)).toBe(false);
      expect(title(card)).toBe('Soundtrack #1 (사운드트랙 #1)');
      // Ratings belong to a server that added the bot: no ⭐ Rate here, no rating line.
      expect(labels(card)).toEqual(['Cast', 'Episodes', 'OST', 'Similar']);
      const cast = await live.fake.click(card, 'Cast', { ...as, user: 2 }).reply();
      expect(cast.embeds[0]!.description).toContain('Han So-hee as Lee Eun-soo');
      const person = await live.fake.select(cast, ['han-so-hee'], undefined, as).reply();
      expect(title(person)).toBe('Han So-hee (한소희)');
      const episodes = await live.fake.click(card, 'Episodes', as).reply();
      expect(isEphemeral(episodes)).toBe(true);
      expect(episodes.embeds[0]!.description).toMatch(/^\*\*Episode 1\*\*/);
      const ost = await live.fake.click(card, 'OST', as).reply();
      expect(title(ost)).toBe('Soundtrack #1 (사운드트랙 #1) · OST');
      const similar = await live.fake.click(card, 'Similar', as).reply();
      expect(similar.embeds[0]!.description).toContain('content similarity only');
    },
  );

  it('/cast from a server without the bot: the card, its pages and its menu of dramas', async () => {
    const as: ActAs = { place: 'elsewhere' };
    const card = await live.fake.command('/cast', { name: 'Park Hyung-sik' }, as).reply();
    expect(title(card)).toBe('Park Hyung-sik (박형식)');
    const drama = await live.fake.select(card, ['soundtrack-1'], undefined, { ...as, user: 4 }).reply();
    expect(title(drama)).toBe('Soundtrack #1 (사운드트랙 #1)');
    const paged = await live.fake.command('/cast', { name: 'Kim Hee-won' }, as).reply();
    expect(title(paged)).toMatch(/^Kim Hee-won/);
  });

  it('/drama search pages and opens cards, /drama random deals another one, in a DM', async () => {
    const as: ActAs = { place: 'dm' };
    const list = await live.fake.command('/drama search', { genre: 'Romance' }, as).reply();
    expect(list.embeds[0]!.footer.text).toMatch(/^Page 1\/\d+/);
    const page2 = await live.fake.click(list, 'Next ▶', as).reply();
    expect(page2.embeds[0]!.footer.text).toMatch(/^Page 2\/\d+/);
    const opened = await live.fake.select(page2, [menuValues(page2)[0]!], undefined, as).reply();
    expect(opened.embeds[0]!.fields).toBeDefined();
    const random = await live.fake.command('/drama random', { genre: 'horror' }, as).reply();
    const shown = title(random);
    const another = await live.fake.click(random, '🎲 Another one', as).reply();
    expect(title(another)).not.toBe(shown);
    const episodes = await live.fake.command('/drama episodes', { title: 'The Glory' }, as).reply();
    expect(isEphemeral(episodes)).toBe(true);
  });

  it('/ost opens a song card whose buttons work, in a group DM', async () => {
    const as: ActAs = { place: 'group-dm' };
    const song = await live.fake.command('/ost', { query: 's:soundtrack-1:1' }, as).reply();
    expect(title(song)).toBe('Love Beyond Words (사랑은 말로 표현하는게 아니래요)');
    const tracks = await live.fake.click(song, 'Full OST', as).reply();
    expect(title(tracks)).toBe('Soundtrack #1 (사운드트랙 #1) · OST');
    const drama = await live.fake.click(song, 'Drama card', as).reply();
    expect(title(drama)).toBe('Soundtrack #1 (사운드트랙 #1)');
    const singer = await live.fake.click(song, 'More by Kyuhyun', as).reply();
    expect(singer.embeds[0]!.description).toContain('Love Beyond Words');
  });

  it('autocomplete works there too', async () => {
    for (const place of places) {
      const choices = await live.fake.autocomplete('/drama info', { title: 'vincen' }, 'title', { place });
      expect(choices[0]!.value).toBe('d:vincenzo');
    }
  });

  it('/recommend without a server uses content similarity only, and says so', async () => {
    for (const place of places) {
      const card = await live.fake.command('/recommend', { like: 'Vincenzo' }, { place }).reply();
      const text = card.embeds[0]!.description as string;
      expect(text).toMatch(/^Because you asked about Vincenzo\n-# Outside a server that added dramabot/);
      expect(text).not.toMatch(/loved by|favourite/);
    }
    const plain = await live.fake.command('/recommend', {}, { place: 'dm' }).reply();
    expect(plain.embeds[0]!.description).toMatch(/^Dramas led by the catalog’s busiest stars\n/);
    expect(plain.embeds[0]!.description).not.toContain('Nobody here has rated');
  });

  it('offers the server commands only in servers, and refuses their buttons anywhere else with one line', async () => {
    expect(() => live.fake.command('/rate', { title: 'Vincenzo', score: 8 }, { place: 'dm' })).toThrow(
      /not offered in a dm/,
    );
    expect(() => live.fake.command('/watchparty list', {}, { place: 'elsewhere' })).toThrow(/not offered/);
    // A ⭐ Rate button from a card posted in a server, pressed from a server that never added the bot.
    const inServer = await live.fake.command('/drama info', { title: 'Vincenzo' }).reply();
    expect(labels(inServer)).toContain('⭐ Rate');
    const refused = await live.fake.click(inServer, '⭐ Rate', { place: 'elsewhere' }).reply();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toMatch(
      /^Ratings and watch parties belong to a server: use this in a server that has added dramabot/,
    );
  });

  it('sent only bodies Discord would accept (and never more than 5 follow-ups where the bot is no member)', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
    expect(live.bot.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});
