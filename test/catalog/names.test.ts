import { describe, expect, it } from 'vitest';
import { toChoices } from '../../src/cards/autocomplete.ts';
import { renderSongCard } from '../../src/cards/soundtrack.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { characterNames, personCredit, personHeading, personName, trackTitle } from '../../src/catalog/names.ts';
import { UserError } from '../../src/errors.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { searchDramas, searchPeople } from '../../src/search/surfaces.ts';
import { drama, person } from '../support/dataset.ts';

const director = person('lee-eung-bok', 'Lee Eung-bok', { nativeName: '이응복' });
const noHangul = person('kwon-hyuk-chan', 'Kwon Hyuk-chan');
const actor = person('lee-dong-wook', 'Lee Dong-wook', { nativeName: '이동욱' });
const singer = person('crush', 'Crush', { nativeName: '크러쉬' });
const goblin = drama('goblin', {
  title: 'Goblin',
  nativeTitle: '도깨비',
  directors: ['lee-eung-bok', 'kwon-hyuk-chan'],
  cast: [
    {
      person: 'lee-dong-wook',
      role: 'main',
      characters: [{ name: 'Grim Reaper', altNames: ['Jeoseung Saja'], nativeName: '저승사자' }],
    },
    { person: 'kwon-hyuk-chan', role: 'cameo', characters: [{ name: 'Wang Yeo' }] },
  ],
  soundtrack: [{ track: 1, part: 1, title: 'Beautiful', artists: ['crush'] }],
});
const catalog = buildCatalog([goblin], [director, noHangul, actor, singer]);

describe('names for a Korean reader', () => {
  it('gives each person and character in Hangul where the data has it, romanized alone otherwise', () => {
    expect(personName(director, 'ko')).toBe('이응복');
    expect(personName(noHangul, 'ko')).toBe('Kwon Hyuk-chan');
    expect(characterNames(goblin.cast[0]!.characters, 'ko')).toBe('저승사자');
    expect(characterNames(goblin.cast[1]!.characters, 'ko')).toBe('Wang Yeo');
    expect(personName(director, 'en-US')).toBe('Lee Eung-bok');
  });

  it('gives both forms only in a heading; in a field of its own, English readers get the Hangul too', () => {
    expect(personHeading(actor, 'ko')).toBe('이동욱 (Lee Dong-wook)');
    expect(personCredit(singer, 'ko')).toBe('크러쉬');
    expect(personCredit(singer, 'en-US')).toBe('Crush (크러쉬)');
    expect(personCredit(noHangul, 'ko')).toBe('Kwon Hyuk-chan');
  });

  it('names a song’s singers one form each on the song card', () => {
    const card = renderSongCard(goblin, goblin.soundtrack![0]!, catalog, 'ko');
    expect(card.embeds[0]!.fields).toContainEqual(expect.objectContaining({ name: '가수', value: '크러쉬' }));
    expect(trackTitle(goblin.soundtrack![0]!, 'ko')).toBe('Beautiful');
  });

  it('says in autocomplete which character matched, in Hangul, even when it was typed in English', () => {
    const index = buildSearchIndex(catalog);
    expect(toChoices(searchDramas(index, catalog, 'jeoseung saja'), catalog, 'ko')[0]!.name).toBe(
      '도깨비 (2022) · 드라마 · 저승사자 역',
    );
    expect(toChoices(searchPeople(index, catalog, 'grim reaper'), catalog, 'ko')[0]!.name).toBe(
      '이동욱 · 배우 · 도깨비의 저승사자',
    );
  });

  it('names a drama in an error in the reader’s language, with the particle that fits', () => {
    const error = new UserError('watchlist.notOnList', { drama: goblin });
    expect(error.text('ko')).toBe('**도깨비**는 워치리스트에 없어요. `/watchlist add`로 추가하세요.');
    expect(error.text('en-US')).toBe('**Goblin** is not on your watchlist. Add it with `/watchlist add`.');
  });
});
