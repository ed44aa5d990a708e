import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { renderDramaCard } from '../../src/cards/drama-card.ts';
import { renderCastList, renderEpisodeList } from '../../src/cards/drama-lists.ts';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { COLOURS, discordDate } from '../../src/cards/message.ts';
import { plain } from '../../src/text.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { drama, person } from '../support/dataset.ts';
import { allPages, cardProblems, descriptionOf } from '../support/card-limits.ts';

const catalog = loadCatalog('data');
const soundtrack1 = catalog.drama('soundtrack-1')!;
const fields = (card: ReturnType<typeof renderDramaCard>) =>
  Object.fromEntries((card.embeds[0]!.fields ?? []).map((f) => [f.name, f.value]));
const buttons = (card: ReturnType<typeof renderDramaCard>) =>
  card.components.flatMap((r) => r.components).map((c) => ('label' in c ? c.label : undefined));

describe('the drama card', () => {
  it('shows Soundtrack #1 as the issue describes: titles, network, episodes, dates, genres, people, leads, OST', () => {
    const card = renderDramaCard(soundtrack1, catalog, 'en-US');
    const embed = card.embeds[0]!;
    expect(embed.title).toBe('Soundtrack #1 (사운드트랙 #1)');
    expect(embed.color).toBe(COLOURS.drama);
    expect(embed.url).toBe('http://www.koreaherald.com/view.php?ud=20220324000665'); // no official or Wikipedia page listed
    expect(fields(card)).toMatchObject({
      Year: '2022',
      Network: 'Disney+',
      Episodes: '4 × 50 min',
      Aired: `${discordDate('2022-03-23')} – ${discordDate('2022-04-13')}`,
      Genres: 'Romance, Music',
      Director: 'Kim Hee-won',
      Writer: 'Ahn Sae-bom',
      OST: '6 songs: press **OST**\n+ 3 more singers with titles not recorded',
    });
    expect(fields(card)['Leading cast']).toBe(
      'Park Hyung-sik as Han Sun-woo\nHan So-hee as Lee Eun-soo\n…and 6 more: press **Cast**',
    );
    expect(embed.footer!.text).toMatch(/^Sources: [a-z.]+, [a-z.]+ \+\d+ · dramabot$/);
    expect(buttons(card)).toEqual(['Cast', 'Episodes', 'OST']);
    expect(cardProblems(card)).toEqual([]);
  });

  it('speaks Korean to a Korean client, with Hangul titles and names first', () => {
    const card = renderDramaCard(soundtrack1, catalog, 'ko');
    expect(card.embeds[0]!.title).toBe('사운드트랙 #1 (Soundtrack #1)');
    expect(fields(card)).toMatchObject({
      연도: '2022',
      회차: '4부작 × 50분',
      장르: '로맨스, 음악',
      연출: '김희원',
      극본: '안새봄',
    });
    expect(fields(card).주연).toContain('박형식 (한선우 역)');
    expect(buttons(card)).toEqual(['출연진', '회차', 'OST']);
    expect(card.embeds[0]!.footer!.text).toMatch(/^출처: /);
  });

  it('shows the server rating once there is one, and extra buttons after the built-in ones', () => {
    const card = renderDramaCard(soundtrack1, catalog, 'en-US', {
      rating: { average: 8.26, count: 12 },
      buttons: [{ type: 2, style: 1, custom_id: 'rate:x', label: 'Rate' }],
    });
    expect(fields(card)['Server rating']).toBe('**8.3** / 10 from 12 ratings');
    expect(buttons(card)).toEqual(['Cast', 'Episodes', 'OST', 'Rate']);
    expect(
      fields(renderDramaCard(soundtrack1, catalog, 'en-US', { rating: { average: 0, count: 0 } }))['Server rating'],
    ).toBeUndefined();
  });

  it('disables OST when no song is recorded and says so', () => {
    const bare = drama('bare', { soundtrack: [] });
    const card = renderDramaCard(bare, buildCatalog([bare], [person('lead', 'Lead')]), 'en-US');
    expect(fields(card).OST).toBe('none recorded yet');
    expect(card.components[0]!.components[2]).toMatchObject({ label: 'OST', disabled: true });
  });

  it('counts the singers whose titles no page gives, and says when no OST was released', () => {
    const people = [person('lead', 'Lead'), person('lee-hi', 'Lee Hi'), person('kyuhyun', 'Kyuhyun')];
    const track = { track: 1, title: 'Love Beyond Words', artists: ['kyuhyun'] };
    const both = drama('both', { soundtrack: [track], otherOstArtists: ['lee-hi'] });
    const untitled = drama('untitled', { otherOstArtists: ['lee-hi'] });
    const silent = drama('silent', { noSoundtrack: true });
    const small = buildCatalog([both, untitled, silent], people);
    expect(fields(renderDramaCard(both, small, 'en-US')).OST).toBe(
      '1 song: press **OST**\n+ 1 more singer with titles not recorded',
    );
    const untitledCard = renderDramaCard(untitled, small, 'en-US');
    expect(fields(untitledCard).OST).toBe('1 singer with titles not recorded');
    expect(untitledCard.components[0]!.components[2]).not.toHaveProperty('disabled', true);
    const silentCard = renderDramaCard(silent, small, 'en-US');
    expect(fields(silentCard).OST).toBe('No OST was released');
    expect(silentCard.components[0]!.components[2]).toMatchObject({ label: 'OST', disabled: true });
    expect(fields(renderDramaCard(silent, small, 'ko')).OST).toBe('OST 미발매');
  });

  it('renders a character no page names by its description, on the card, the Cast view and the person card', () => {
    const mother = { person: 'mom', role: 'support' as const, characters: [{ description: "Eun-soo's mother" }] };
    const d = drama('described', {
      cast: [{ person: 'lead', role: 'main', characters: [{ name: 'Han Sun-woo' }] }, mother],
    });
    const small = buildCatalog([d], [person('lead', 'Lead'), person('mom', 'Lee Jung-eun')]);
    expect(descriptionOf(renderCastList(d, small, 'en-US'))).toContain("Lee Jung-eun as Eun-soo's mother");
    expect(descriptionOf(renderPersonCard(small.person('mom')!, small, 'en-US'))).toBe(
      "**Acting**\n2022 · **Test Drama** · as Eun-soo's mother (supporting)",
    );
    const korean = { ...mother, characters: [{ description: "Eun-soo's mother", nativeDescription: '은수 엄마' }] };
    const kd = drama('described', { cast: [{ ...korean, role: 'main' }] });
    const kCatalog = buildCatalog([kd], [person('mom', 'Lee Jung-eun')]);
    expect(fields(renderDramaCard(kd, kCatalog, 'ko')).주연).toBe('Lee Jung-eun (은수 엄마 역)');
    expect(fields(renderDramaCard(kd, kCatalog, 'en-US'))['Leading cast']).toBe("Lee Jung-eun as Eun-soo's mother");
  });

  it('links the title to the best page, not the first one listed, and still names every site in the footer', () => {
    const sources = [
      'https://someblog.example/review',
      'https://www.koreaherald.com/view.php?ud=1',
      'https://en.wikipedia.org/wiki/Test_Drama',
    ];
    const d = drama('linked', { sources });
    const card = renderDramaCard(d, buildCatalog([d], [person('lead', 'Lead')]), 'en-US');
    expect(card.embeds[0]!.url).toBe('https://en.wikipedia.org/wiki/Test_Drama');
    expect(card.embeds[0]!.footer!.text).toBe('Sources: someblog.example, koreaherald.com +1 · dramabot');
    const synced = drama('synced', { sources: sources.slice(0, 2), tmdbId: 93405 });
    expect(renderDramaCard(synced, buildCatalog([synced], [person('lead', 'Lead')]), 'en-US').embeds[0]!.url).toBe(
      'https://www.themoviedb.org/tv/93405',
    );
  });

  it('keeps markdown in data from formatting the card', () => {
    const odd = drama('odd', { title: 'Love*Sick_', synopsis: '# not a heading\n<@123> **not bold**' });
    const card = renderDramaCard(odd, buildCatalog([odd], [person('lead', 'Lead')]), 'en-US');
    expect(card.embeds[0]!.description).toBe('\\# not a heading\n\\<@123\\> \\*\\*not bold\\*\\*');
    expect(plain('1. first')).toBe('1\\. first');
  });

  it('writes air dates as Discord timestamps at 12:00 UTC, the same calendar day from UTC-11 to UTC+11', () => {
    expect(discordDate('2022-03-23')).toBe(`<t:${Date.UTC(2022, 2, 23, 12) / 1000}:D>`);
  });
});

describe('the cast and episode lists', () => {
  it('lists the whole cast by role, with a menu to open each person', () => {
    const card = renderCastList(soundtrack1, catalog, 'en-US');
    expect(descriptionOf(card)).toBe(
      [
        '**Main cast**',
        'Park Hyung-sik as Han Sun-woo',
        'Han So-hee as Lee Eun-soo',
        '',
        '**Supporting cast**',
        'Kim Joo-hun as Kang Woo-il',
        "Yoon Byung-hee as Sun-woo's manager and friend",
        "Lee Jung-eun as Eun-soo's mother",
        'Seo In-guk as Jay Jun',
        '',
        '**Cameos**',
        'Park Hoon as Gyeol-han',
        'Park Min-jung as Ma-ri',
      ].join('\n'),
    );
    const menu = card.components[0]!.components[0] as { options: Array<{ value: string }> };
    expect(menu.options.map((o) => o.value)).toEqual([
      'park-hyung-sik',
      'han-so-hee',
      'kim-joo-hun',
      'yoon-byung-hee',
      'lee-jung-eun',
      'seo-in-guk',
      'park-hoon',
      'park-min-jung',
    ]);
  });

  it('pages the largest cast without losing or repeating anyone', () => {
    const biggest = [...catalog.dramas].sort((a, b) => b.cast.length - a.cast.length)[0]!;
    const pages = allPages((p) => renderCastList(biggest, catalog, 'en-US', p));
    expect(pages.length).toBeGreaterThan(1);
    const listed = pages.flatMap((card) =>
      (card.components[0]!.components[0] as { options: Array<{ value: string }> }).options.map((o) => o.value),
    );
    expect(listed.sort()).toEqual(biggest.cast.map((c) => c.person).sort());
    expect(pages[1]!.embeds[0]!.footer!.text).toMatch(/^Page 2\/\d+ · /);
  });

  it('lists episodes with dates, and folds a run of episodes without details into one line', () => {
    expect(descriptionOf(renderEpisodeList(soundtrack1, 'en-US'))).toBe(
      [1, 2, 3, 4].map((n, i) => `**Episode ${n}** · ${discordDate(soundtrack1.episodes[i]!.airDate!)}`).join('\n'),
    );
    const gappy = drama('gappy', {
      episodeCount: 5,
      episodes: [
        { number: 1, airDate: '2022-03-23' },
        { number: 2 },
        { number: 3 },
        { number: 4 },
        { number: 5, runtimeMinutes: 70, title: 'The End' },
      ],
    });
    expect(descriptionOf(renderEpisodeList(gappy, 'en-US')).split('\n')).toEqual([
      `**Episode 1** · ${discordDate('2022-03-23')}`,
      '**Episodes 2–4** · details not recorded',
      '**Episode 5** · 70 min · “The End”',
    ]);
    expect(descriptionOf(renderEpisodeList(drama('plain'), 'ko'))).toBe(
      '2부작이에요. 회차별 방영일과 러닝타임은 아직 등록되지 않았어요.',
    );
  });
});

describe('the limits check used by these tests', () => {
  it('does catch what Discord rejects', () => {
    expect(cardProblems({ embeds: [{ title: 'x'.repeat(257) }], components: [] }).join()).toMatch(/title/);
    expect(cardProblems({ embeds: [{ description: 'x'.repeat(4097) }], components: [] }).join()).toMatch(/description/);
  });
});
