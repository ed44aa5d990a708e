import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { airingStatus, renderDramaCard } from '../../src/cards/drama-card.ts';
import { discordDate, sourcesFooter } from '../../src/cards/message.ts';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { drama, person } from '../support/dataset.ts';
import { cardProblems } from '../support/card-limits.ts';

const synced = drama('synced-1', {
  tmdbId: 1234,
  firstAirDate: '2026-11-06',
  year: 2026,
  lastAirDate: undefined,
  sources: ['https://www.themoviedb.org/tv/1234'],
  tmdb: {
    posterUrl: 'https://image.tmdb.org/t/p/w342/p.jpg',
    imdbId: 'tt1234',
    status: 'returning',
    nextEpisode: { number: 9, airDate: '2026-12-04' },
  },
});
const lead = person('lead', 'Park Hyung-sik', {
  tmdbId: 77,
  photoUrl: 'https://image.tmdb.org/t/p/w185/phs.jpg',
  sources: ['https://en.wikipedia.org/wiki/Park_Hyung-sik', 'https://www.themoviedb.org/person/77'],
});
const catalog = buildCatalog([synced], [lead]);
const urls = (card: ReturnType<typeof renderDramaCard>) =>
  card.components.flatMap((r) => r.components).flatMap((c) => ('url' in c && c.url ? [c.url] : []));

describe('cards that show TMDB data', () => {
  it('say "Airing · episode N" with the date as a Discord timestamp while episodes come out', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    expect(airingStatus(synced, 'en-US', now)).toBe(
      `Airing · episode 9 ${discordDate('2026-12-04')} (${discordDate('2026-12-04', 'R')})`,
    );
    expect(airingStatus(synced, 'en-US', Date.parse('2026-11-01T00:00:00Z'))).toMatch(/^Upcoming · episode 9 /);
    expect(airingStatus({ ...synced, tmdb: { status: 'ended' } }, 'en-US', now)).toBe('Ended');
    expect(airingStatus({ ...synced, tmdb: { status: 'upcoming' } }, 'ko', now)).toBe('방영 예정');
    // A curated drama with nothing from TMDB says nothing about its status.
    expect(airingStatus(drama('plain'), 'en-US', now)).toBeUndefined();
  });

  it('put the poster in the thumbnail, link to TMDB and IMDb, and credit TMDB in the footer', () => {
    const card = renderDramaCard(synced, catalog, 'en-US');
    expect(card.embeds[0]!.thumbnail).toEqual({ url: 'https://image.tmdb.org/t/p/w342/p.jpg' });
    expect(urls(card)).toEqual(['https://www.themoviedb.org/tv/1234', 'https://www.imdb.com/title/tt1234/']);
    expect(card.embeds[0]!.footer?.text).toBe('Sources: themoviedb.org · Includes data from TMDB · dramabot');
    expect(cardProblems(card)).toEqual([]);
  });

  it('credit TMDB only where its data is shown', () => {
    expect(sourcesFooter(['https://en.wikipedia.org/wiki/X'], 'en-US').text).not.toContain('TMDB');
    expect(sourcesFooter(['https://www.themoviedb.org/tv/1'], 'ko').text).toContain('TMDB 데이터 포함');
  });

  it('show a person’s TMDB profile photo and a link to their TMDB page', () => {
    const card = renderPersonCard(lead, catalog, 'en-US');
    expect(card.embeds[0]!.thumbnail).toEqual({ url: 'https://image.tmdb.org/t/p/w185/phs.jpg' });
    expect(urls(card)).toEqual(['https://www.themoviedb.org/person/77']);
    expect(cardProblems(card)).toEqual([]);
  });

  it('leave all of it out for a curated record TMDB never matched', () => {
    const plain = drama('plain');
    const card = renderDramaCard(plain, buildCatalog([plain], [person('lead', 'A')]), 'en-US');
    expect(card.embeds[0]!.thumbnail).toBeUndefined();
    expect(urls(card)).toEqual([]);
  });
});
