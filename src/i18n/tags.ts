import type { GENRES } from '../data/schema.ts';
import { TAG_LABELS_KO } from '../catalog/tag-labels.ts';
import { languageOf } from '../locale.ts';

/**
 * How genres and tags are named: the one table for both languages. Genres are a fixed list with a
 * name in each language; tags are free kebab-case slugs in data/ (and TMDB keywords once synced),
 * shown in English as words ("friends to lovers") and in Korean from src/catalog/tag-labels.ts. A
 * test fails when a tag in data/ has no Korean label, and `npm run data:check` notes it.
 */
type Locale = string | null | undefined;
type Genre = (typeof GENRES)[number];

export const GENRE_LABELS: Record<Genre, { en: string; ko: string }> = {
  romance: { en: 'Romance', ko: '로맨스' },
  comedy: { en: 'Comedy', ko: '코미디' },
  melodrama: { en: 'Melodrama', ko: '멜로' },
  thriller: { en: 'Thriller', ko: '스릴러' },
  mystery: { en: 'Mystery', ko: '미스터리' },
  crime: { en: 'Crime', ko: '범죄' },
  action: { en: 'Action', ko: '액션' },
  horror: { en: 'Horror', ko: '공포' },
  historical: { en: 'Historical', ko: '사극' },
  fantasy: { en: 'Fantasy', ko: '판타지' },
  'sci-fi': { en: 'Sci-fi', ko: 'SF' },
  medical: { en: 'Medical', ko: '메디컬' },
  legal: { en: 'Legal', ko: '법정' },
  music: { en: 'Music', ko: '음악' },
  'slice-of-life': { en: 'Slice of life', ko: '일상' },
  family: { en: 'Family', ko: '가족' },
  youth: { en: 'Youth', ko: '청춘' },
  sports: { en: 'Sports', ko: '스포츠' },
  political: { en: 'Political', ko: '정치' },
  business: { en: 'Business', ko: '오피스' },
  military: { en: 'Military', ko: '군대' },
  supernatural: { en: 'Supernatural', ko: '초자연' },
};

function genreLabel(genre: string, locale: Locale): string {
  const label = (GENRE_LABELS as Partial<Record<string, { en: string; ko: string }>>)[genre];
  return label?.[languageOf(locale)] ?? genre.replace(/-/g, ' ');
}

/** "Romance, Comedy" / "로맨스, 코미디". */
export function genreLabels(genres: readonly string[], locale: Locale): string {
  return genres.map((genre) => genreLabel(genre, locale)).join(', ');
}

/** "friends to lovers" / "친구에서 연인으로"; a tag the table lacks (a new TMDB keyword) in English words. */
export function tagLabel(tag: string, locale: Locale): string {
  const english = tag.replace(/-/g, ' ');
  return languageOf(locale) === 'ko' ? (TAG_LABELS_KO[tag] ?? english) : english;
}

/** Tags as labels, a label two tags share (dual-role, dual-roles) given once. */
export function tagLabels(tags: readonly string[], locale: Locale): string[] {
  return [...new Set(tags.map((tag) => tagLabel(tag, locale)))];
}
