import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEphemeral } from '../../src/dev/fake-discord/server.ts';
import { discordComplaints, liveBot, tempDir } from '../support/harness.ts';
import { labels, menuValues, title } from '../support/messages.ts';

describe('/cast and /ost through the real discord.js client and the local Discord server', () => {
  const env = { DATABASE_URL: `sqlite://${join(tempDir(), 'lookups.sqlite')}` };
  const live = liveBot({ env });

  it('/cast autocompletes people by any spelling and says what each is', async () => {
    expect((await live.fake.autocomplete('/cast', { name: 'park hyungsik' }, 'name'))[0]).toEqual({
      name: 'Park Hyung-sik · actor',
      value: 'p:park-hyung-sik',
    });
    expect((await live.fake.autocomplete('/cast', { name: '한소' }, 'name', { locale: 'ko' }))[0]).toEqual({
      name: '한소희 · 배우',
      value: 'p:han-so-hee',
    });
  });

  it('/cast posts the person card with every role, and its menu opens a drama card', async () => {
    const card = await live.fake.command('/cast', { name: 'p:park-hyung-sik' }).reply();
    expect(isEphemeral(card)).toBe(false);
    expect(title(card)).toBe('Park Hyung-sik (박형식)');
    expect(card.embeds[0]!.description).toContain('2022 · **Soundtrack #1** · as Han Sun-woo (main)');
    expect(menuValues(card)).toContain('suits-2018');
    const drama = await live.fake.select(card, ['suits-2018'], undefined, { user: 2 }).reply();
    expect(title(drama)).toMatch(/^Suits/);
  });

  it('/cast in Korean shows the Hangul name first and Korean labels', async () => {
    const card = await live.fake.command('/cast', { name: '박형식' }, { locale: 'ko' }).reply();
    expect(title(card)).toBe('박형식 (Park Hyung-sik)');
    expect(card.embeds[0]!.description).toContain('한선우 역 (주연)');
  });

  it('/cast with an unknown name says so, ephemerally, with suggestions that open a card', async () => {
    const answer = await live.fake.command('/cast', { name: 'Kim Soo-hyunn Oppa' }).reply();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(/^Nobody in the catalog matches “Kim Soo-hyunn Oppa”\./);
    const opened = await live.fake.click(answer, labels(answer)[0]!).reply();
    expect(opened.embeds[0]!.color).toBeDefined();
    expect(isEphemeral(opened)).toBe(false);
  });

  it('/ost autocompletes dramas, songs and singers', async () => {
    const choices = await live.fake.autocomplete('/ost', { query: 'love beyond' }, 'query');
    expect(choices[0]).toEqual({ name: 'Love Beyond Words — Kyuhyun · Soundtrack #1 OST', value: 's:soundtrack-1:1' });
  });

  it('/ost for a drama posts its tracklist; the menu opens a song card; its buttons go on to the singer', async () => {
    const tracks = await live.fake.command('/ost', { query: 'd:soundtrack-1' }).reply();
    expect(title(tracks)).toBe('Soundtrack #1 (사운드트랙 #1) · OST');
    expect(tracks.embeds[0]!.description.split('\n')).toHaveLength(7);
    const song = await live.fake.select(tracks, ['s:soundtrack-1:4'], undefined, { user: 3 }).reply();
    expect(title(song)).toBe('My Love');
    expect(labels(song)).toEqual(['Full OST', 'Drama card', 'More by Kim Jong-kook']);
    const singer = await live.fake.click(song, 'More by Kim Jong-kook').reply();
    expect(isEphemeral(singer)).toBe(true);
    expect(singer.embeds[0]!.description).toContain('**Soundtrack #1** · Part 4 · My Love');
    const drama = await live.fake.click(song, 'Drama card').reply();
    expect(title(drama)).toBe('Soundtrack #1 (사운드트랙 #1)');
  });

  it('/ost for a song typed by hand posts the song card, and for a singer their songs', async () => {
    expect(title(await live.fake.command('/ost', { query: 'Love Beyond Words' }).reply())).toBe(
      'Love Beyond Words (사랑은 말로 표현하는게 아니래요)',
    );
    expect(title(await live.fake.command('/ost', { query: 'p:kyuhyun' }).reply())).toBe(
      'Kyuhyun (규현) · soundtrack songs',
    );
    expect(title(await live.fake.command('/ost', { query: 's:soundtrack-1:1' }, { locale: 'ko' }).reply())).toBe(
      '사랑은 말로 표현하는게 아니래요 (Love Beyond Words)',
    );
  });

  it('/ost query: Soundtrack #1 typed by hand lists every song and the singers whose titles no page gives', async () => {
    const tracks = await live.fake.command('/ost', { query: 'Soundtrack #1' }).reply();
    expect(title(tracks)).toBe('Soundtrack #1 (사운드트랙 #1) · OST');
    const lines = tracks.embeds[0]!.description.split('\n');
    expect(lines[0]).toMatch(/^\*\*Part 1\*\* · Love Beyond Words .* — Kyuhyun · <t:\d+:D>$/);
    expect(lines.at(-1)).toBe('Also sang for the OST: Standing Egg, Lee Hi, Monday Kiz (titles not recorded)');
    expect(menuValues(tracks)).not.toContain(undefined);
  });

  it('/ost query: Lee Hi finds a singer known only from an untitled part, and opens the drama from the card', async () => {
    const singer = await live.fake.command('/ost', { query: 'Lee Hi' }).reply();
    expect(isEphemeral(singer)).toBe(false);
    expect(title(singer)).toBe('Lee Hi (이하이) · soundtrack songs');
    expect(singer.embeds[0]!.description).toBe('2022 · **Soundtrack #1** · OST (title not recorded)');
    const card = await live.fake.command('/drama info', { title: 'Soundtrack #1' }).reply();
    const ost = card.embeds[0]!.fields!.find((f: { name: string }) => f.name === 'OST')!;
    expect(ost.value).toBe('6 songs: press **OST**\n+ 3 more singers with titles not recorded');
    const cast = await live.fake.click(card, 'Cast').reply();
    expect(cast.embeds[0]!.description).toContain("Lee Jung-eun as Eun-soo's mother");
    expect(cast.embeds[0]!.description).toContain('Seo In-guk as Jay Jun');
  });

  it('/ost with nothing close answers ephemerally with a tip', async () => {
    const answer = await live.fake.command('/ost', { query: 'xylophone' }).reply();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toBe(
      'No drama, song or singer matches “xylophone”.\nTip: pick from the list that appears as you type.',
    );
  });

  it('answers a button for a record that is gone with a short ephemeral message', async () => {
    const card = await live.fake.command('/cast', { name: 'p:kyuhyun' }).reply();
    const stale = {
      ...card,
      components: [
        { type: 1, components: [{ type: 2, style: 2, label: 'Old', custom_id: 'cast:card:someone-deleted' }] },
      ],
    };
    live.fake.messages.set(card.id, stale);
    const answer = await live.fake.click(stale, 'Old').reply();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toBe('That entry is no longer in the catalog.');
  });

  it('keeps card buttons working after the bot restarts', async () => {
    const card = await live.fake.command('/drama info', { title: 'd:soundtrack-1' }).reply();
    const list = await live.fake.command('/drama search', {}).reply();
    await live.restart();
    expect(title(await live.fake.click(card, 'OST').reply())).toBe('Soundtrack #1 (사운드트랙 #1) · OST');
    expect((await live.fake.click(list, 'Next ▶').reply()).embeds[0]!.footer.text).toMatch(/^Page 2\//);
  });

  it('sent only bodies that Discord would accept, each within 3 seconds', () => {
    expect(discordComplaints(live.fake)).toEqual([]);
    expect(live.bot.logs.filter((l) => / ERROR /.test(l))).toEqual([]);
  });
});
