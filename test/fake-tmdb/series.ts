/**
 * The local TMDB's catalog: a handful of real Korean series, in TMDB's own response shapes. Every
 * fact a card shows is true, checked on the pages listed with each series. The series ids are
 * TMDB's where verified (219246 is When Life Gives You Tangerines on themoviedb.org); the others,
 * and the people ids, are this server's own numbers.
 *
 * Soundtrack #1 carries a fact that disagrees with the curated file on purpose: some English pages
 * call Han So-hee's character "Seo Eun-soo". The merge must keep the curated "Lee Eun-soo".
 */

interface FakeCast {
  id: number;
  name: string;
  original_name: string;
  characters: string[];
  episodes: number;
  profile_path?: string;
}

interface FakeCrew {
  id: number;
  name: string;
  original_name: string;
  job: 'Director' | 'Writer';
}

interface FakeEpisode {
  episode_number: number;
  air_date?: string;
  name?: string;
  runtime?: number;
}

export interface FakeSeries {
  id: number;
  name: string;
  original_name: string;
  overview: string;
  /** The Korean overview TMDB holds as the ko-KR translation, if any. */
  overview_ko?: string;
  first_air_date: string;
  last_air_date: string;
  status: string;
  genres: Array<{ id: number; name: string }>;
  networks: string[];
  poster_path: string;
  imdb_id?: string;
  episode_run_time: number[];
  episodes: FakeEpisode[];
  cast: FakeCast[];
  crew: FakeCrew[];
  popularity: number;
  keywords?: string[];
  next_episode_to_air?: { episode_number: number; air_date: string };
}

const fridays = (dates: string[], perDay: number): FakeEpisode[] =>
  dates.flatMap((air_date, week) =>
    Array.from({ length: perDay }, (_, i) => ({ episode_number: week * perDay + i + 1, air_date })),
  );

/**
 * Sources: hype.my/when-life-gives-you-tangerines-10-fun-facts-about-park-bo-gum-ius-new-kdrama,
 * koimoi.com (Netflix, 16 episodes, four each Friday from March 7 to March 28, 2025),
 * funandflip.com (IU and Moon So-ri as Oh Ae-sun, Park Bo-gum and Park Hae-joon as Yang Gwan-sik),
 * franetic.com (director Kim Won-seok, writer Lim Sang-choon); set on Jeju Island (all of them).
 */
export const TANGERINES: FakeSeries = {
  id: 219246,
  name: 'When Life Gives You Tangerines',
  original_name: '폭싹 속았수다',
  overview:
    "In Jeju, a spirited girl and a steadfast boy's island story blossoms into a lifelong tale of setbacks and triumphs — proving love endures across time.",
  overview_ko: '제주에서 태어난 당찬 소녀 애순이와 우직한 소년 관식이의 일생을 사계절에 담아 그린 이야기.',
  first_air_date: '2025-03-07',
  last_air_date: '2025-03-28',
  status: 'Ended',
  genres: [{ id: 18, name: 'Drama' }],
  networks: ['Netflix'],
  poster_path: '/q29q6AByug53pnylCytwLA7m6AY.jpg',
  episode_run_time: [],
  episodes: fridays(['2025-03-07', '2025-03-14', '2025-03-21', '2025-03-28'], 4),
  cast: [
    { id: 900001, name: 'IU', original_name: '아이유', characters: ['Oh Ae-sun'], episodes: 16 },
    { id: 900002, name: 'Park Bo-gum', original_name: '박보검', characters: ['Yang Gwan-sik'], episodes: 16 },
    { id: 900003, name: 'Moon So-ri', original_name: '문소리', characters: ['Oh Ae-sun'], episodes: 16 },
    { id: 900004, name: 'Park Hae-joon', original_name: '박해준', characters: ['Yang Gwan-sik'], episodes: 16 },
  ],
  crew: [
    { id: 900005, name: 'Kim Won-seok', original_name: '김원석', job: 'Director' },
    { id: 900006, name: 'Lim Sang-choon', original_name: '임상춘', job: 'Writer' },
  ],
  popularity: 90,
  keywords: ['jeju island'],
};

/**
 * Sources: dramazen.com (SBS, premiere moved to 2025), sportskeeda.com (premiered February 21, 2025;
 * Park Hyung-sik as Seo Dong-ju, Hong Hwa-yeon as Yeo Eun-nam), biz.chosun.com (final episode
 * April 12, 2025; Heo Joon-ho as Yeom Jang-seon; writer Lee Myung-hee, director Jin Chang-gyu),
 * netizensbuzz.com (16 episodes), kdramazone.com ("SBS's revenge drama"; dramazen: "SBS's Thriller").
 */
export const BURIED_HEARTS: FakeSeries = {
  id: 900100,
  name: 'Buried Hearts',
  original_name: '보물섬',
  overview: 'A hacker who steals two trillion won of political slush funds takes on the man who tried to kill him.',
  first_air_date: '2025-02-21',
  last_air_date: '2025-04-12',
  status: 'Ended',
  genres: [
    { id: 18, name: 'Drama' },
    { id: 80, name: 'Crime' },
  ],
  networks: ['SBS'],
  poster_path: '/buried-hearts-poster.jpg',
  episode_run_time: [],
  episodes: [
    { episode_number: 1, air_date: '2025-02-21' },
    ...Array.from({ length: 14 }, (_, i) => ({ episode_number: i + 2 })),
    { episode_number: 16, air_date: '2025-04-12' },
  ],
  cast: [
    { id: 900101, name: 'Park Hyung-sik', original_name: '박형식', characters: ['Seo Dong-ju'], episodes: 16 },
    { id: 900102, name: 'Heo Joon-ho', original_name: '허준호', characters: ['Yeom Jang-seon'], episodes: 16 },
    { id: 900103, name: 'Hong Hwa-yeon', original_name: '홍화연', characters: ['Yeo Eun-nam'], episodes: 16 },
  ],
  crew: [
    { id: 900104, name: 'Jin Chang-gyu', original_name: '진창규', job: 'Director' },
    { id: 900105, name: 'Lee Myung-hee', original_name: '이명희', job: 'Writer' },
  ],
  popularity: 80,
  keywords: ['revenge', 'thriller'],
};

/**
 * Curated as data/dramas/soundtrack-1.json; TMDB's record here disagrees on Han So-hee's character
 * ("Seo Eun-soo", as some English pages have it).
 */
export const SOUNDTRACK_1: FakeSeries = {
  id: 900200,
  name: 'Soundtrack #1',
  original_name: '사운드트랙 #1',
  overview: 'Two friends of twenty years spend two weeks under one roof.',
  first_air_date: '2022-03-23',
  last_air_date: '2022-04-13',
  status: 'Ended',
  genres: [{ id: 18, name: 'Drama' }],
  networks: ['Disney+'],
  poster_path: '/soundtrack-1-poster.jpg',
  imdb_id: 'tt900200',
  episode_run_time: [],
  episodes: [
    { episode_number: 1, air_date: '2022-03-23' },
    { episode_number: 2, air_date: '2022-03-30' },
    { episode_number: 3, air_date: '2022-04-06' },
    { episode_number: 4, air_date: '2022-04-13' },
  ],
  cast: [
    { id: 900101, name: 'Park Hyung-sik', original_name: '박형식', characters: ['Han Sun-woo'], episodes: 4 },
    { id: 900201, name: 'Han So-hee', original_name: '한소희', characters: ['Seo Eun-soo'], episodes: 4 },
  ],
  crew: [{ id: 900202, name: 'Kim Hee-won', original_name: '김희원', job: 'Director' }],
  popularity: 40,
  keywords: ['music', 'friends to lovers'],
};

/** A series the local server always fails (HTTP 500): the sync must report it and go on. */
export const ALWAYS_FAILING: FakeSeries = {
  ...BURIED_HEARTS,
  id: 900300,
  name: 'Always Failing Series',
  original_name: '실패',
  popularity: 70,
  cast: [],
  crew: [],
};

export const FAKE_SERIES: FakeSeries[] = [TANGERINES, BURIED_HEARTS, SOUNDTRACK_1, ALWAYS_FAILING];
