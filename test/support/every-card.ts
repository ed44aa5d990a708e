import type { Catalog } from '../../src/catalog/catalog.ts';
import { dramaChoices, personChoices, soundtrackChoices } from '../../src/cards/autocomplete.ts';
import { renderDidYouMean } from '../../src/cards/did-you-mean.ts';
import { renderDramaCard } from '../../src/cards/drama-card.ts';
import { renderCastList, renderEpisodeList } from '../../src/cards/drama-lists.ts';
import { button } from '../../src/cards/message.ts';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { renderRecommendations } from '../../src/cards/recommend-card.ts';
import { renderSearchResults } from '../../src/cards/search-results.ts';
import { renderArtistSongs, renderSongCard, renderTracklist } from '../../src/cards/soundtrack.ts';
import { GENRES } from '../../src/data/schema.ts';
import { findDramas, type SearchFilter } from '../../src/lookup/filter.ts';
import { findDrama, findPerson, NotFound, type Lookup } from '../../src/lookup/find.ts';
import { recommend } from '../../src/recommend/recommend.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { allPages } from './card-limits.ts';

export const CARD_LOCALES = ['en-US', 'ko'];

/** A typed text that matches nothing as a whole, so the did-you-mean answer shows. */
const garbled = (text: string) => `${text.split('').reverse().join('')} qqq`;

/**
 * Every card kind the bot renders from the catalog, for every drama, person and song, in both
 * languages, as the JSON it would send: name → body.
 */
export function everyCard(catalog: Catalog): Map<string, string> {
  const lookup: Lookup = { catalog, search: buildSearchIndex(catalog) };
  const out = new Map<string, string>();
  const add = (name: string, body: unknown) => out.set(name, JSON.stringify(body));
  const addPages = (name: string, render: (page: number) => Parameters<typeof add>[1]) => {
    allPages(render as never).forEach((card, p) => {
      add(`${name} p${p}`, card);
    });
  };
  const tryLookup = (name: string, find: () => unknown, locale: string) => {
    try {
      add(name, find());
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      add(name, renderDidYouMean(error, catalog, locale));
    }
  };
  for (const locale of CARD_LOCALES) {
    for (const drama of catalog.dramas) {
      const extras = { rating: { average: 8.5, count: 3 }, buttons: [button(`rate:open:${drama.id}`, 'Rate')] };
      add(`${drama.id} card ${locale}`, renderDramaCard(drama, catalog, locale, extras));
      addPages(`${drama.id} cast ${locale}`, (p) => renderCastList(drama, catalog, locale, p));
      addPages(`${drama.id} episodes ${locale}`, (p) => renderEpisodeList(drama, locale, p));
      addPages(`${drama.id} ost ${locale}`, (p) => renderTracklist(drama, catalog, locale, p));
      const similar = recommend(catalog, {
        seeds: [{ drama, weight: 1 }],
        serverRatings: new Map(),
        exclude: new Set([drama.id]),
      });
      add(`${drama.id} similar ${locale}`, renderRecommendations(similar, 'like', drama, catalog, locale));
      add(`${drama.id} autocomplete ${locale}`, dramaChoices(lookup.search, catalog, drama.title.slice(0, 5), locale));
      tryLookup(`${drama.id} did-you-mean ${locale}`, () => findDrama(lookup, garbled(drama.title)), locale);
    }
    for (const person of catalog.people) {
      addPages(`${person.id} card ${locale}`, (p) => renderPersonCard(person, catalog, locale, p));
      addPages(`${person.id} songs ${locale}`, (p) => renderArtistSongs(person, catalog, locale, p));
      add(
        `${person.id} autocomplete ${locale}`,
        personChoices(lookup.search, catalog, person.name.slice(0, 4), locale),
      );
      tryLookup(`${person.id} did-you-mean ${locale}`, () => findPerson(lookup, garbled(person.name)), locale);
    }
    for (const song of catalog.songs) {
      const name = `${song.drama.id} song ${song.track.track} ${locale}`;
      add(name, renderSongCard(song.drama, song.track, catalog, locale));
      add(`${name} autocomplete`, soundtrackChoices(lookup.search, catalog, song.track.title.slice(0, 4), locale));
    }
    const filters: SearchFilter[] = [
      {},
      ...GENRES.map((genre) => ({ genre })),
      { year: 2022 },
      { maxEpisodes: 12 },
      { query: 'love' },
      { query: '사랑', genre: 'romance' },
    ];
    for (const filter of filters)
      addPages(`search ${JSON.stringify(filter)} ${locale}`, (p) =>
        renderSearchResults(findDramas(lookup.search, catalog, filter), filter, locale, p),
      );
    const fallback = recommend(catalog, { seeds: [], serverRatings: new Map(), exclude: new Set() });
    add(`recommend ${locale}`, renderRecommendations(fallback, 'catalog', undefined, catalog, locale));
  }
  return out;
}
