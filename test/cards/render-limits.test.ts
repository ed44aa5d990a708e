import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { button } from '../../src/cards/message.ts';
import { renderDramaCard } from '../../src/cards/drama-card.ts';
import { renderCastList, renderEpisodeList } from '../../src/cards/drama-lists.ts';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { renderSearchResults } from '../../src/cards/search-results.ts';
import { renderArtistSongs, renderSongCard, renderTracklist } from '../../src/cards/soundtrack.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import { allPages, cardProblems } from '../support/card-limits.ts';

const catalog = loadCatalog('data');
const LOCALES = ['en-US', 'ko'];
const size = (record: unknown) => JSON.stringify(record).length;

/** Every card and every page of every list the bot can show for a catalog, in both languages. */
function everyCard(cat: typeof catalog): Array<[string, ReturnType<typeof renderDramaCard>]> {
  const cards: Array<[string, ReturnType<typeof renderDramaCard>]> = [];
  for (const locale of LOCALES) {
    for (const drama of cat.dramas) {
      const extras = {
        rating: { average: 9.25, count: 12_345 },
        buttons: [button('rate:open:x', 'Rate'), button('recommend:similar:x', 'Similar')],
      };
      cards.push([`${drama.id} card ${locale}`, renderDramaCard(drama, cat, locale, extras)]);
      allPages((p) => renderCastList(drama, cat, locale, p)).forEach((c, p) => {
        cards.push([`${drama.id} cast p${p} ${locale}`, c]);
      });
      allPages((p) => renderEpisodeList(drama, locale, p)).forEach((c, p) => {
        cards.push([`${drama.id} episodes p${p} ${locale}`, c]);
      });
      allPages((p) => renderTracklist(drama, cat, locale, p)).forEach((c, p) => {
        cards.push([`${drama.id} ost p${p} ${locale}`, c]);
      });
    }
    for (const person of cat.people) {
      allPages((p) => renderPersonCard(person, cat, locale, p)).forEach((c, p) => {
        cards.push([`${person.id} card p${p} ${locale}`, c]);
      });
      allPages((p) => renderArtistSongs(person, cat, locale, p)).forEach((c, p) => {
        cards.push([`${person.id} songs p${p} ${locale}`, c]);
      });
    }
    for (const song of cat.songs)
      cards.push([
        `${song.drama.id} song ${song.track.track} ${locale}`,
        renderSongCard(song.drama, song.track, cat, locale),
      ]);
    allPages((p) =>
      renderSearchResults(
        cat.dramas,
        { genre: 'romance', year: 2022, maxEpisodes: 500, network: 'Coupang Play', query: 'q'.repeat(40) },
        locale,
        p,
      ),
    ).forEach((c, p) => {
      cards.push([`search p${p} ${locale}`, c]);
    });
  }
  return cards;
}

describe('every card the catalog can produce fits Discord’s limits', () => {
  it('the longest drama and the person with the most credits render within every limit', () => {
    const longest = [...catalog.dramas].sort((a, b) => size(b) - size(a))[0]!;
    const busiest = [...catalog.people].sort(
      (a, b) => catalog.creditsOf(b.id).length - catalog.creditsOf(a.id).length,
    )[0]!;
    for (const locale of LOCALES) {
      expect(cardProblems(renderDramaCard(longest, catalog, locale))).toEqual([]);
      for (const card of allPages((p) => renderCastList(longest, catalog, locale, p)))
        expect(cardProblems(card)).toEqual([]);
      for (const card of allPages((p) => renderPersonCard(busiest, catalog, locale, p)))
        expect(cardProblems(card)).toEqual([]);
    }
  });

  it('all dramas, people, songs and search pages, in English and Korean, break no rule of the official spec', () => {
    const cards = everyCard(catalog);
    expect(cards.length).toBeGreaterThan(3_000);
    const broken = cards.flatMap(([name, card]) => cardProblems(card).map((p) => `${name}: ${p}`));
    expect(broken).toEqual([]);
  });
});

describe('a record at the schema’s maxima still renders within every limit', () => {
  const long = (n: number, word = 'Longname') =>
    Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word)
      .join(' ')
      .slice(0, n);
  const people: Person[] = Array.from({ length: 60 }, (_, i) => ({
    id: `p${i}-${'x'.repeat(40)}`,
    name: long(100, `Name${i}`),
    nativeName: '가'.repeat(100),
    altNames: Array.from({ length: 30 }, () => long(100)),
    sources: Array.from({ length: 20 }, (_, j) => `https://host${j}.example.org/${'a'.repeat(200)}`),
  }));
  const drama: Drama = {
    id: 'd'.repeat(48),
    title: long(200, 'Title*_~'),
    altTitles: [long(200)],
    nativeTitle: '드'.repeat(200),
    country: 'KR',
    year: 2022,
    firstAirDate: '2022-01-01',
    lastAirDate: '2022-12-31',
    networks: ['Coupang Play', 'N'.repeat(16), 'Disney+'],
    episodeCount: 500,
    runtimeMinutes: 600,
    episodes: Array.from({ length: 500 }, (_, i) => ({
      number: i + 1,
      airDate: '2022-06-01',
      runtimeMinutes: 600,
      title: long(200, `Ep${i}`),
    })),
    genres: ['romance', 'slice-of-life', 'supernatural', 'melodrama'],
    tags: Array.from({ length: 40 }, (_, i) => `tag-number-${i}-${'t'.repeat(30)}`),
    synopsis: long(800, '**bold**'),
    directors: people.slice(0, 20).map((p) => p.id),
    writers: people.slice(20, 40).map((p) => p.id),
    cast: people.map((p, i) => ({
      person: p.id,
      role: (['main', 'support', 'cameo'] as const)[i % 3]!,
      characters: [{ name: long(100, 'Character'), nativeName: '역'.repeat(100) }, { name: long(100, 'Second') }],
    })),
    soundtrack: Array.from({ length: 120 }, (_, i) => ({
      track: i + 1,
      part: i + 1,
      title: long(200, 'Song'),
      nativeTitle: '노'.repeat(200),
      artists: people.slice(0, 12).map((p) => p.id),
      releaseDate: '2022-02-02',
      episode: 3,
    })),
    sources: people[0]!.sources,
  };
  const extreme = buildCatalog([drama], people);

  it('renders the drama card, 60 cast members, 500 episodes, 120 songs and every credit without a single violation', () => {
    const cards = everyCard(extreme);
    expect(cards.length).toBeGreaterThan(100);
    expect(cards.flatMap(([name, card]) => cardProblems(card).map((p) => `${name}: ${p}`))).toEqual([]);
  });
});
