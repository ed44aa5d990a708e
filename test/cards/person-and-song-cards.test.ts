import { describe, expect, it } from 'vitest';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { renderSearchResults } from '../../src/cards/search-results.ts';
import { renderArtistSongs, renderSongCard, renderTracklist } from '../../src/cards/soundtrack.ts';
import { COLOURS, discordDate } from '../../src/cards/message.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { allPages, cardProblems, descriptionOf } from '../support/card-limits.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { drama, person } from '../support/dataset.ts';

const catalog = loadCatalog('data');
const soundtrack1 = catalog.drama('soundtrack-1')!;
const menuValues = (card: ReturnType<typeof renderPersonCard>) =>
  card.components.flatMap((r) => r.components).flatMap((c) => ('options' in c ? c.options.map((o) => o.value) : []));

describe('the person card', () => {
  it('lists every role newest first as "year · drama · as character (role)", with other spellings and group', () => {
    const card = renderPersonCard(catalog.person('park-hyung-sik')!, catalog, 'en-US');
    const embed = card.embeds[0]!;
    expect(embed.title).toBe('Park Hyung-sik (박형식)');
    expect(embed.color).toBe(COLOURS.person);
    const lines = descriptionOf(card).split('\n');
    expect(lines[0]).toBe('**Acting**');
    expect(lines[1]).toBe('2025 · **Buried Hearts** · as Seo Dong-joo (main)');
    expect(lines).toContain('2022 · **Soundtrack #1** · as Han Sun-woo (main)');
    const years = lines.slice(1).map((l) => Number(l.slice(0, 4)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Also known as', value: expect.stringContaining('Park Hyungsik') }),
      ]),
    );
    expect(menuValues(card)).toContain('soundtrack-1');
  });

  it('puts a singer’s soundtrack songs first', () => {
    const card = renderPersonCard(catalog.person('kyuhyun')!, catalog, 'en-US');
    expect(descriptionOf(card).split('\n').slice(0, 2)).toEqual([
      '**Soundtrack songs**',
      '2022 · **Soundtrack #1** · Part 1 · Love Beyond Words (사랑은 말로 표현하는게 아니래요)',
    ]);
  });

  it('is in Korean for a Korean client', () => {
    const card = renderPersonCard(catalog.person('park-hyung-sik')!, catalog, 'ko');
    expect(card.embeds[0]!.title).toBe('박형식 (Park Hyung-sik)');
    const lines = descriptionOf(card).split('\n');
    expect(lines.slice(0, 2)).toEqual(['**출연**', '2025 · **보물섬** · 서동주 역 (주연)']);
    expect(lines).toContain('2022 · **사운드트랙 #1** · 한선우 역 (주연)');
  });
});

describe('soundtrack cards', () => {
  it('lists a drama’s tracks with part, song, singers and release date, and a menu to open a song', () => {
    const card = renderTracklist(soundtrack1, catalog, 'en-US');
    const first = soundtrack1.soundtrack![0]!;
    expect(descriptionOf(card).split('\n')[0]).toBe(
      `**Part 1** · Love Beyond Words (사랑은 말로 표현하는게 아니래요) — Kyuhyun · ${discordDate(first.releaseDate!)}`,
    );
    const lines = descriptionOf(card).split('\n');
    expect(lines).toHaveLength(soundtrack1.soundtrack!.length + 1);
    expect(lines.at(-1)).toBe('Also sang for the OST: Standing Egg, Lee Hi, Monday Kiz (titles not recorded)');
    expect(menuValues(card)).toEqual(soundtrack1.soundtrack!.map((t) => `s:soundtrack-1:${t.track}`));
    expect(card.embeds[0]!.color).toBe(COLOURS.song);
  });

  it('says so when a drama has no songs recorded', () => {
    const none = catalog.dramas.find((d) => !d.soundtrack?.length)!;
    const card = renderTracklist(none, catalog, 'en-US');
    expect(descriptionOf(card)).toMatch(/^No songs are recorded for .+ yet\.$/);
    expect(card.components).toEqual([]);
  });

  it('shows a song with its drama, singers, part and release date, and ways to go on', () => {
    const track = soundtrack1.soundtrack![0]!;
    const card = renderSongCard(soundtrack1, track, catalog, 'en-US');
    expect(card.embeds[0]!.title).toBe('Love Beyond Words (사랑은 말로 표현하는게 아니래요)');
    expect(card.embeds[0]!.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Sung by', value: 'Kyuhyun (규현)' }),
        expect.objectContaining({ name: 'Part', value: 'Part 1' }),
        expect.objectContaining({ name: 'Released', value: discordDate(track.releaseDate!) }),
      ]),
    );
    expect(card.components[0]!.components.map((c) => ('label' in c ? c.label : ''))).toEqual([
      'Full OST',
      'Drama card',
      'More by Kyuhyun',
    ]);
  });

  describe('singers a page names without a song, and dramas without an OST', () => {
    const track = { track: 1, part: 1, title: 'Love Beyond Words', artists: ['kyuhyun'], releaseDate: '2021-12-30' };
    const withOthers = drama('with-others', { soundtrack: [track], otherOstArtists: ['standing-egg', 'lee-hi'] });
    const onlyOthers = drama('only-others', { title: 'Only Others', otherOstArtists: ['lee-hi'] });
    const silent = drama('silent', { title: 'Silent', noSoundtrack: true });
    const small = buildCatalog(
      [withOthers, onlyOthers, silent],
      [
        person('lead', 'Lead'),
        person('kyuhyun', 'Kyuhyun'),
        person('standing-egg', 'Standing Egg', { type: 'group' }),
        person('lee-hi', 'Lee Hi', { nativeName: '이하이' }),
      ],
    );

    it('ends the tracklist with who else sang for it, and offers only titled songs in the menu', () => {
      const card = renderTracklist(withOthers, small, 'en-US');
      expect(descriptionOf(card).split('\n')).toEqual([
        `**Part 1** · Love Beyond Words — Kyuhyun · ${discordDate('2021-12-30')}`,
        'Also sang for the OST: Standing Egg, Lee Hi (titles not recorded)',
      ]);
      expect(menuValues(card)).toEqual(['s:with-others:1']);
      expect(descriptionOf(renderTracklist(withOthers, small, 'ko'))).toContain(
        'OST에 참여한 가수: Standing Egg, 이하이 (곡명 미확인)',
      );
      expect(cardProblems(card)).toEqual([]);
    });

    it('shows a drama with only untitled singers, and says when no OST was released', () => {
      expect(descriptionOf(renderTracklist(onlyOthers, small, 'en-US'))).toBe(
        'Also sang for the OST: Lee Hi (titles not recorded)',
      );
      const none = renderTracklist(silent, small, 'en-US');
      expect(descriptionOf(none)).toBe('No OST was released for Silent (테스트).');
      expect(none.components).toEqual([]);
    });

    it('lists the OSTs a singer sang for without a recorded title, on their songs page and person card', () => {
      const songs = renderArtistSongs(small.person('lee-hi')!, small, 'en-US');
      expect(descriptionOf(songs).split('\n')).toEqual([
        '2022 · **Only Others** · OST (title not recorded)',
        '2022 · **Test Drama** · OST (title not recorded)',
      ]);
      expect(menuValues(songs)).toEqual([]);
      expect(descriptionOf(renderPersonCard(small.person('standing-egg')!, small, 'en-US'))).toContain(
        '2022 · **Test Drama** · OST (title not recorded)',
      );
    });
  });

  it('lists an artist’s songs across dramas', () => {
    const card = renderArtistSongs(catalog.person('kyuhyun')!, catalog, 'en-US');
    expect(descriptionOf(card)).toContain('2022 · **Soundtrack #1** · Part 1 · Love Beyond Words');
  });
});

describe('search results', () => {
  it('shows ten dramas a page, numbered across pages, and says the filters and the count', () => {
    const pages = allPages((p) => renderSearchResults(catalog.dramas, { genre: 'romance' }, 'en-US', p));
    expect(pages.length).toBe(Math.ceil(catalog.dramas.length / 10));
    expect(descriptionOf(pages[0]!).split('\n')[0]).toBe(`Filters: genre Romance · ${catalog.dramas.length} found`);
    expect(descriptionOf(pages[1]!).split('\n')[2]).toMatch(/^\*\*11\.\*\* /);
    expect(menuValues(pages[1]!)).toEqual(catalog.dramas.slice(10, 20).map((d) => d.id));
    expect(pages[1]!.embeds[0]!.footer!.text).toBe(`Page 2/${pages.length} · Sources on each drama’s card · dramabot`);
  });
});
