import { describe, expect, it } from 'vitest';
import { GENRES } from '../../src/data/schema.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { TAG_LABELS_KO } from '../../src/catalog/tag-labels.ts';
import { summarize } from '../../src/catalog/summary.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { GENRE_LABELS, genreLabels, tagLabel, tagLabels } from '../../src/i18n/tags.ts';
import { drama, person } from '../support/dataset.ts';

const catalog = loadCatalog('data');
const tagsInData = [...new Set(catalog.dramas.flatMap((d) => d.tags ?? []))].sort();

describe('the genre and tag table', () => {
  it('has a Korean label for every tag used in data/', () => {
    expect(tagsInData.length).toBeGreaterThan(300);
    expect(tagsInData.filter((tag) => !TAG_LABELS_KO[tag])).toEqual([]);
  });

  it('has data:check note a tag without a Korean label', () => {
    const tagged = drama('tagged', { tags: ['revenge', 'space-pirates'] });
    const { notes } = summarize(buildCatalog([tagged], [person('lead', 'Lead')]));
    expect(notes).toContain('tags without a Korean label (add them to src/catalog/tag-labels.ts): space-pirates');
  });

  it('has every genre in both languages', () => {
    expect(Object.keys(GENRE_LABELS).sort()).toEqual([...GENRES].sort());
    for (const { en, ko } of Object.values(GENRE_LABELS)) {
      expect(en).toMatch(/^[A-Z]/);
      expect(ko).toMatch(/[가-힣]|^SF$/);
    }
  });

  it('writes Korean labels in Hangul (or a name written in capitals, like F4 or IMF)', () => {
    const odd = Object.entries(TAG_LABELS_KO).filter(
      ([, label]) => !/[가-힣]/.test(label) && !/^[A-Z0-9+ ]+$/.test(label),
    );
    expect(odd).toEqual([]);
  });

  it('names tags in English as words and in Korean from the table', () => {
    expect(tagLabel('friends-to-lovers', 'en-US')).toBe('friends to lovers');
    expect(tagLabel('friends-to-lovers', 'ko')).toBe('친구에서 연인으로');
    expect(tagLabel('grim-reaper', 'ko')).toBe('저승사자');
  });

  it('shows a tag the table lacks (a new TMDB keyword) as English words rather than a slug', () => {
    expect(tagLabel('space-pirates-of-busan', 'ko')).toBe('space pirates of busan');
  });

  it('gives a label two tags share once', () => {
    expect(tagLabels(['dual-role', 'dual-roles', 'revenge'], 'ko')).toEqual(['1인 2역', '복수']);
  });

  it('names genres in the reader’s language', () => {
    expect(genreLabels(['romance', 'slice-of-life'], 'en-GB')).toBe('Romance, Slice of life');
    expect(genreLabels(['romance', 'slice-of-life'], 'ko')).toBe('로맨스, 일상');
  });
});
