import { describe, expect, it } from 'vitest';
import type { Drama, Person } from '../../src/data/schema.ts';
import { mergeCatalog } from '../../src/sync/merge.ts';
import type { SeriesSnapshot } from '../../src/sync/snapshot.ts';
import { drama, person } from '../support/dataset.ts';

const IMAGES = { poster: 'https://image.tmdb.org/t/p/w342', profile: 'https://image.tmdb.org/t/p/w185' };

function snapshot(extra: Partial<SeriesSnapshot> & Pick<SeriesSnapshot, 'tmdbId' | 'name'>): SeriesSnapshot {
  return {
    originalName: '테스트',
    originCountry: ['KR'],
    overview: 'From TMDB.',
    firstAirDate: '2022-03-23',
    lastAirDate: '2022-04-13',
    status: 'Ended',
    genres: ['Drama', 'Crime'],
    networks: ['Disney+'],
    posterPath: '/poster.jpg',
    episodeMarker: 'm',
    seasons: [
      {
        number: 1,
        episodes: [
          { number: 1, airDate: '2022-03-23', title: 'The First', runtimeMinutes: 58 },
          { number: 2, airDate: '2022-04-13', runtimeMinutes: 61 },
        ],
      },
    ],
    cast: [],
    crew: [],
    ...extra,
  };
}

const SOUNDTRACK = drama('soundtrack-1', {
  title: 'Soundtrack #1',
  nativeTitle: '사운드트랙 #1',
  directors: ['kim-hee-won-director'],
  cast: [
    { person: 'park-hyung-sik', role: 'main', characters: [{ name: 'Han Sun-woo' }] },
    { person: 'han-so-hee', role: 'main', characters: [{ name: 'Lee Eun-soo' }] },
  ],
});
const PEOPLE: Person[] = [
  person('park-hyung-sik', 'Park Hyung-sik', { nativeName: '박형식', altNames: ['Park Hyungsik'] }),
  person('han-so-hee', 'Han So-hee'),
  person('kim-hee-won-director', 'Kim Hee-won', { nativeName: '김희원' }),
  person('kim-hee-won', 'Kim Hee-won', { altNames: ['Kim Hee Won'] }),
];

const ST_SNAPSHOT = snapshot({
  tmdbId: 100,
  name: 'Soundtrack #1',
  originalName: '사운드트랙 #1',
  cast: [
    { id: 1, name: 'Park Hyung-sik', originalName: '박형식', characters: ['Han Sun-woo'], profilePath: '/phs.jpg' },
    { id: 2, name: 'Han So-hee', originalName: '한소희', characters: ['Seo Eun-soo'] },
  ],
  crew: [{ id: 3, name: 'Kim Hee-won', originalName: '김희원', jobs: ['director'] }],
});

function merge(dramas: Drama[], snapshots: SeriesSnapshot[], people = PEOPLE) {
  return mergeCatalog({ dramas, people }, { snapshots, images: IMAGES });
}

describe('mergeCatalog: dramas', () => {
  it('matches a curated drama by Hangul title and first air date, and imports no second drama', () => {
    const result = merge([SOUNDTRACK], [ST_SNAPSHOT]);
    expect(result.dramas.map((d) => d.id)).toEqual(['soundtrack-1']);
    expect(result.matchedDramas).toBe(1);
  });

  it('keeps every curated fact, TMDB filling only what the curated record lacks', () => {
    const [merged] = merge([SOUNDTRACK], [ST_SNAPSHOT]).dramas;
    // TMDB says "Seo Eun-soo", genres Crime and an overview: the curated file wins each of them.
    expect(merged!.cast[1]!.characters).toEqual([{ name: 'Lee Eun-soo' }]);
    expect(merged!.genres).toEqual(SOUNDTRACK.genres);
    expect(merged!.synopsis).toBe(SOUNDTRACK.synopsis);
    expect(merged!.title).toBe('Soundtrack #1');
    // What it lacked: episode titles, runtimes, the poster, the TMDB id and page.
    expect(merged!.episodes).toEqual([
      { number: 1, airDate: '2022-03-23', title: 'The First', runtimeMinutes: 58 },
      { number: 2, airDate: '2022-04-13', runtimeMinutes: 61 },
    ]);
    expect(merged!.tmdb?.posterUrl).toBe('https://image.tmdb.org/t/p/w342/poster.jpg');
    expect(merged!.tmdbId).toBe(100);
    expect(merged!.sources).toEqual([...SOUNDTRACK.sources, 'https://www.themoviedb.org/tv/100']);
  });

  it('adds TMDB’s Korean synopsis to a curated drama without one, and never replaces a curated one', () => {
    const korean = snapshot({ ...ST_SNAPSHOT, overviewKo: '20년 지기 두 친구가 2주 동안 한집에 머문다.' });
    expect(merge([SOUNDTRACK], [korean]).dramas[0]!.nativeSynopsis).toBe('20년 지기 두 친구가 2주 동안 한집에 머문다.');
    const curated = { ...SOUNDTRACK, nativeSynopsis: '우리가 쓴 줄거리.' };
    expect(merge([curated], [korean]).dramas[0]!.nativeSynopsis).toBe('우리가 쓴 줄거리.');
    expect(merge([], [korean]).dramas[0]!.nativeSynopsis).toBe('20년 지기 두 친구가 2주 동안 한집에 머문다.');
  });

  it('never overrides a curated air date, and adds later episodes only to a drama still airing', () => {
    const dated = drama('dated', {
      episodes: [
        { number: 1, airDate: '2022-03-23' },
        { number: 2, airDate: '2022-03-30' },
      ],
    });
    const longer = snapshot({
      tmdbId: 7,
      name: 'Test Drama',
      seasons: [
        {
          number: 1,
          episodes: [
            { number: 1, airDate: '2022-03-23' },
            { number: 2, airDate: '2022-04-13' },
            { number: 3, airDate: '2022-04-20' },
          ],
        },
      ],
    });
    expect(merge([dated], [longer]).dramas[0]!.episodes.map((e) => e.airDate)).toEqual(['2022-03-23', '2022-03-30']);
    const airing = drama('airing', { lastAirDate: undefined });
    const [open] = merge([airing], [longer]).dramas;
    expect(open!.episodeCount).toBe(3);
    expect(open!.episodes.at(-1)).toEqual({ number: 3, airDate: '2022-04-20' });
  });

  it('reads genres and tags from TMDB keywords for a synced drama', () => {
    const keyed = snapshot({
      tmdbId: 8,
      name: 'Keyed',
      genres: ['Drama'],
      keywords: ['based on webtoon', 'medical drama', 'romance', '병원'],
    });
    expect(merge([], [keyed], []).dramas[0]).toMatchObject({
      genres: ['medical', 'romance'],
      tags: ['based-on-webtoon'],
    });
  });

  it('matches by an explicit tmdbId even when the titles differ', () => {
    const tied = drama('tied', { nativeTitle: '다른 제목', tmdbId: 555 });
    const result = merge([tied], [snapshot({ tmdbId: 555, name: 'Other' })]);
    expect(result.dramas).toHaveLength(1);
    expect(result.dramas[0]!.tmdb?.posterUrl).toContain('/poster.jpg');
  });

  it('adds a series nobody curated as its own drama, with TMDB as its source', () => {
    const result = merge([], [snapshot({ tmdbId: 9, name: 'Buried Hearts', originalName: '보물섬' })], []);
    expect(result.dramas).toHaveLength(1);
    expect(result.dramas[0]).toMatchObject({
      id: 'buried-hearts-9',
      title: 'Buried Hearts',
      nativeTitle: '보물섬',
      genres: ['crime'],
      sources: ['https://www.themoviedb.org/tv/9'],
    });
  });
});

describe('mergeCatalog: people', () => {
  it('makes a TMDB person credited on a matched drama the curated person, recording the TMDB id', () => {
    const buried = snapshot({
      tmdbId: 9,
      name: 'Buried Hearts',
      originalName: '보물섬',
      firstAirDate: '2025-02-21',
      seasons: [{ number: 1, episodes: [{ number: 1, airDate: '2025-02-21' }] }],
      cast: [{ id: 1, name: 'Park Hyung-sik', originalName: '박형식', characters: ['Seo Dong-ju'] }],
    });
    const result = merge([SOUNDTRACK], [ST_SNAPSHOT, buried]);
    const phs = result.people.find((p) => p.id === 'park-hyung-sik')!;
    expect(phs.tmdbId).toBe(1);
    expect(phs.photoUrl).toBe('https://image.tmdb.org/t/p/w185/phs.jpg');
    expect(phs.sources.at(-1)).toBe('https://www.themoviedb.org/person/1');
    expect(result.people.filter((p) => p.name === 'Park Hyung-sik')).toHaveLength(1);
    const synced = result.dramas.find((d) => d.title === 'Buried Hearts')!;
    expect(synced.cast.map((c) => c.person)).toEqual(['park-hyung-sik']);
  });

  it('keeps homonyms apart: 김희원 the actor is not 김희원 the director', () => {
    const actorShow = snapshot({
      tmdbId: 20,
      name: 'Some Thriller',
      originalName: '스릴러',
      firstAirDate: '2023-01-01',
      seasons: [{ number: 1, episodes: [{ number: 1, airDate: '2023-01-01' }] }],
      cast: [{ id: 44, name: 'Kim Hee-won', originalName: '김희원', characters: ['A detective'] }],
    });
    const result = merge([SOUNDTRACK], [ST_SNAPSHOT, actorShow]);
    // The director of Soundtrack #1 is the curated director (shared credit).
    expect(result.people.find((p) => p.id === 'kim-hee-won-director')!.tmdbId).toBe(3);
    // The actor 김희원 shares only a name with either curated Kim Hee-won: a person of his own.
    const actor = result.people.find((p) => p.tmdbId === 44)!;
    expect(actor.id).toBe('kim-hee-won-44');
    expect(result.people.find((p) => p.id === 'kim-hee-won')!.tmdbId).toBeUndefined();
    const thriller = result.dramas.find((d) => d.tmdbId === 20)!;
    expect(thriller.cast[0]!.person).toBe('kim-hee-won-44');
  });

  it('matches on the same name in both scripts and the same work only when nobody else fits', () => {
    const curated = [person('iu', 'IU', { nativeName: '아이유' })];
    const myMister = drama('my-mister', {
      nativeTitle: '나의 아저씨',
      cast: [{ person: 'iu', role: 'main', characters: [{ name: 'Lee Ji-an' }] }],
    });
    const tangerines = snapshot({
      tmdbId: 219246,
      name: 'When Life Gives You Tangerines',
      originalName: '폭싹 속았수다',
      firstAirDate: '2025-03-07',
      seasons: [{ number: 1, episodes: [{ number: 1, airDate: '2025-03-07' }] }],
      cast: [{ id: 50, name: 'IU', originalName: '아이유', characters: ['Oh Ae-sun'] }],
    });
    expect(merge([myMister], [tangerines], curated).people.map((p) => [p.id, p.tmdbId])).toEqual([['iu', 50]]);
    // Two TMDB people with that same name and work: no way to tell, so neither becomes IU.
    const twin = snapshot({
      ...tangerines,
      tmdbId: 30,
      name: 'Another',
      originalName: '다른',
      cast: [{ id: 51, name: 'IU', originalName: '아이유', characters: ['Someone'] }],
    });
    const ambiguous = merge([myMister], [tangerines, twin], curated);
    expect(ambiguous.people.find((p) => p.id === 'iu')!.tmdbId).toBeUndefined();
    expect(ambiguous.people.filter((p) => p.name === 'IU')).toHaveLength(3);
  });

  it('follows an explicit tmdbId in a curated person file', () => {
    const curated = [person('someone', 'Different Spelling', { tmdbId: 1 })];
    const result = merge([], [ST_SNAPSHOT], curated);
    expect(result.people.find((p) => p.id === 'someone')!.tmdbId).toBe(1);
    expect(result.dramas[0]!.cast[0]!.person).toBe('someone');
  });
});
