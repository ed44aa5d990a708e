import type { LocalizationMap } from 'discord.js';
import { GENRES } from '../data/schema.ts';
import { strings } from './strings.ts';

/**
 * Names and descriptions of every command, subcommand and option, in English and Korean: what
 * Discord shows in the command picker. Keys are paths: "drama", "drama.info", "drama.info.title".
 * Korean names follow Discord's rule for names: lowercase, no spaces, at most 32 characters.
 */
const COMMAND_TEXT = {
  ping: { ko: '핑', en: 'Check that the bot is alive and how fast it answers', koDescription: '봇이 살아 있는지, 얼마나 빨리 답하는지 확인해요' },
  drama: { ko: '드라마', en: 'Look up Korean dramas', koDescription: '한국 드라마를 찾아봐요' },
  'drama.info': { ko: '정보', en: 'A drama’s card: cast, episodes, OST and more', koDescription: '드라마 정보 카드: 출연진, 회차, OST 등' },
  'drama.search': { ko: '검색', en: 'Find dramas by title, person, genre, year, network or length', koDescription: '제목, 인물, 장르, 연도, 방송사, 길이로 드라마를 찾아요' },
  'drama.random': { ko: '랜덤', en: 'A random drama to watch', koDescription: '볼 만한 드라마를 무작위로 골라요' },
  'drama.episodes': { ko: '회차', en: 'A drama’s episodes with air dates and runtimes', koDescription: '드라마의 회차별 방영일과 러닝타임' },
  title: { ko: '제목', en: 'Drama title (English or Korean), pick from the list', koDescription: '드라마 제목 (영어 또는 한국어), 목록에서 고르세요' },
  query: { ko: '검색어', en: 'Title, actor, character… (optional)', koDescription: '제목, 배우, 배역… (선택)' },
  genre: { ko: '장르', en: 'Only this genre', koDescription: '이 장르만' },
  year: { ko: '연도', en: 'Only dramas first aired this year', koDescription: '이 해에 처음 방영한 드라마만' },
  network: { ko: '방송사', en: 'Only this network or platform', koDescription: '이 방송사나 플랫폼만' },
  max_episodes: { ko: '최대회차', en: 'At most this many episodes', koDescription: '이 회차 수 이하만' },
  cast: { ko: '인물', en: 'An actor’s, director’s, writer’s or singer’s card', koDescription: '배우, 감독, 작가, 가수의 정보 카드' },
  'cast.name': { ko: '이름', en: 'Name (English or Korean), pick from the list', koDescription: '이름 (영어 또는 한국어), 목록에서 고르세요' },
  ost: { ko: 'ost', en: 'Drama soundtracks: a tracklist, a song or a singer', koDescription: '드라마 OST: 전체 곡 목록, 노래, 가수' },
  'ost.query': { ko: '검색어', en: 'Drama, song or singer, pick from the list', koDescription: '드라마, 노래 또는 가수, 목록에서 고르세요' },
} as const satisfies Record<string, { ko: string; en: string; koDescription: string }>;

export type CommandTextKey = keyof typeof COMMAND_TEXT;

interface Describable {
  setName(name: string): unknown;
  setNameLocalizations(map: LocalizationMap): unknown;
  setDescription(description: string): unknown;
  setDescriptionLocalizations(map: LocalizationMap): unknown;
}

/**
 * Names a builder (command, subcommand or option) and gives it both languages. The English name is
 * the last part of the key ("drama.info.title" → "title").
 */
export function named<T extends Describable>(builder: T, key: CommandTextKey): T {
  const text = COMMAND_TEXT[key];
  builder.setName(key.split('.').at(-1)!);
  builder.setNameLocalizations({ ko: text.ko });
  builder.setDescription(text.en);
  builder.setDescriptionLocalizations({ ko: text.koDescription });
  return builder;
}

/** The genre list as command choices, named in both languages. */
export function genreChoices(): Array<{ name: string; name_localizations: LocalizationMap; value: string }> {
  return GENRES.map((genre) => ({ name: strings.en[`genre.${genre}`], name_localizations: { ko: strings.ko[`genre.${genre}`] }, value: genre }));
}
