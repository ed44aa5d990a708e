import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { MAX_CHOICES, toChoices } from '../../src/cards/autocomplete.ts';
import { parseChoiceValue, resolveDrama, resolvePerson, resolveSoundtrack } from '../../src/search/resolve.ts';
import { prefixDistance } from '../../src/search/fuzzy-walk.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { searchDramas, searchPeople, searchSoundtrack } from '../../src/search/surfaces.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { drama, person } from '../support/dataset.ts';

const catalog = loadCatalog('data');
const index = buildSearchIndex(catalog);
const dramaIds = (q: string) => searchDramas(index, catalog, q).map((r) => r.drama.id);
const personIds = (q: string) => searchPeople(index, catalog, q).map((r) => r.person.id);
const topDrama = (q: string) => dramaIds(q)[0];
const topPerson = (q: string) => personIds(q)[0];

describe('drama search with real titles from the catalog', () => {
  it.each(['soundtrack 1', 'Soundtrack#1', 'SOUNDTRACK #1', 'soundtrack', 'sound'])(
    'finds Soundtrack #1 for %j (case, spacing, punctuation, prefix)',
    (q) => {
      expect(topDrama(q)).toBe('soundtrack-1');
    },
  );

  it('finds dramas by their other English titles', () => {
    expect(topDrama('Strong Girl Bong-soon')).toBe('strong-woman-do-bong-soon');
    expect(topDrama('goblin')).toBe('goblin');
    expect(topDrama('secret forest')).toBe('stranger');
  });

  it('finds dramas by a person or a character in them', () => {
    expect(dramaIds('park hyung-sik')).toEqual(
      expect.arrayContaining(['soundtrack-1', 'happiness', 'suits-2018', 'strong-woman-do-bong-soon']),
    );
    expect(topDrama('Vincenzo Cassano')).toBe('vincenzo');
    expect(topDrama('Han Sun-woo')).toBe('soundtrack-1');
  });

  it('tolerates one typo on a medium word and two on a long one, ranked below real matches', () => {
    expect(topDrama('vincenso')).toBe('vincenzo');
    expect(topDrama('hopsital playlsit')).toBe('hospital-playlist');
    expect(searchDramas(index, catalog, 'vincenso')[0]!.match).toBe('fuzzy');
  });

  it('finds Hangul titles whole, by a partial word, a half-typed syllable and initial consonants (초성)', () => {
    expect(topDrama('사랑의 불시착')).toBe('crash-landing-on-you');
    expect(topDrama('사운드트')).toBe('soundtrack-1');
    expect(topDrama('사운드틀')).toBe('soundtrack-1');
    expect(topDrama('ㅅㅇㄷㅌㄹ')).toBe('soundtrack-1');
    expect(topDrama('ㄷㄲㅂ')).toBe('goblin');
  });

  it('ranks exact above prefix above fuzzy, then newer first, with the same order every time', () => {
    expect(dramaIds('hospital playlist').slice(0, 2)).toEqual(['hospital-playlist', 'hospital-playlist-2']);
    expect(dramaIds('reply').slice(0, 3)).toEqual(['reply-1988', 'reply-1994', 'reply-1997']);
    const matches = searchDramas(index, catalog, 'hospital').map((r) => r.match);
    expect(matches.indexOf('fuzzy') === -1 || matches.indexOf('fuzzy') > matches.lastIndexOf('prefix')).toBe(true);
    expect(dramaIds('kim')).toEqual(dramaIds('kim'));
  });
});

describe('person search with real names', () => {
  it.each(['Park Hyung-sik', 'Park Hyungsik', 'Park Hyung Sik', 'ParkHyungSik', 'park hyung-sik', 'hyungsik'])(
    'finds Park Hyung-sik for %j',
    (q) => {
      expect(topPerson(q)).toBe('park-hyung-sik');
    },
  );

  it.each([
    ['bak hyeong-sik', 'park-hyung-sik', 'eo/u and Park/Bak'],
    ['hyeon bin', 'hyun-bin', 'eo/u'],
    ['song jung gi', 'song-joong-ki', 'oo/u and k/g'],
    ['kim su-hyun', 'kim-soo-hyun', 'oo/u'],
    ['kim te-ri', 'kim-tae-ri', 'ae/e'],
    ['hansohi', 'han-so-hee', 'ee/i, joined'],
    ['gong yu', 'gong-yoo', 'oo/u'],
  ])('folds romanization variants: %j finds %s (%s)', (q, id) => {
    expect(topPerson(q)).toBe(id);
  });

  it('finds people by Hangul name, half-typed, and by initials', () => {
    expect(topPerson('박형식')).toBe('park-hyung-sik');
    expect(topPerson('박형시')).toBe('park-hyung-sik');
    expect(topPerson('ㅂㅎㅅ')).toBe('park-hyung-sik');
    expect(personIds('박형식')).toEqual(['park-hyung-sik']);
  });

  it('finds an actor through a character they played', () => {
    expect(topPerson('Lee Eun-soo')).toBe('han-so-hee');
    expect(topPerson('Vincenzo Cassano')).toBe('song-joong-ki');
  });

  it('keeps two people with one name apart, both found', () => {
    expect(personIds('kim hee-won').slice(0, 2).sort()).toEqual(['kim-hee-won', 'kim-hee-won-director']);
  });
});

describe('soundtrack search', () => {
  it('finds a drama, a song and an artist', () => {
    const first = (q: string) => searchSoundtrack(index, catalog, q)[0]!;
    expect(first('soundtrack 1')).toMatchObject({ type: 'drama', drama: { id: 'soundtrack-1' } });
    expect(first('love beyond words')).toMatchObject({ type: 'song', track: { title: 'Love Beyond Words' } });
    expect(first('kyuhyun')).toMatchObject({ type: 'person', person: { id: 'kyuhyun' } });
    expect(first('davichi')).toMatchObject({ type: 'person', person: { id: 'davichi' } });
  });
});

describe('described roles and untitled OST singers', () => {
  const d = drama('described', {
    cast: [
      { person: 'lead', role: 'main', characters: [{ name: 'Han Sun-woo' }] },
      { person: 'mom', role: 'support', characters: [{ description: "Eun-soo's mother" }] },
    ],
    otherOstArtists: ['lee-hi'],
  });
  const small = buildCatalog(
    [d],
    [person('lead', 'Park Hyung-sik'), person('mom', 'Lee Jung-eun'), person('lee-hi', 'Lee Hi')],
  );
  const smallIndex = buildSearchIndex(small);

  it('does not index a description as a character name, and still finds the actor by name', () => {
    expect(searchPeople(smallIndex, small, 'mother')).toEqual([]);
    expect(searchDramas(smallIndex, small, "eun-soo's mother")).toEqual([]);
    expect(searchPeople(smallIndex, small, 'lee jung-eun')[0]).toMatchObject({ person: { id: 'mom' } });
  });

  it('finds a singer who sang for an OST without a recorded title', () => {
    expect(searchSoundtrack(smallIndex, small, 'Lee Hi')[0]).toMatchObject({
      type: 'person',
      person: { id: 'lee-hi' },
    });
    expect(resolveSoundtrack(smallIndex, small, 'Lee Hi').found).toMatchObject({ person: { id: 'lee-hi' } });
  });
});

describe('autocomplete choices', () => {
  it('gives at most 25 choices, names of at most 100 characters, values that resolve back to the exact record', () => {
    for (const q of ['a', 'kim', 'lee', '사', 'the', 'love']) {
      const results = searchSoundtrack(index, catalog, q, 50);
      const choices = toChoices(results, catalog, 'en-US');
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const [i, choice] of choices.entries()) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
        const found = resolveSoundtrack(index, catalog, choice.value).found!;
        expect(found.type).toBe(results[i]!.type);
        expect(JSON.stringify(parseChoiceValue(choice.value))).toContain(
          found.type === 'person' ? found.person.id : found.drama.id,
        );
      }
    }
  });

  it('says what each choice is, in the user’s language with Hangul first for Korean', () => {
    const st = searchDramas(index, catalog, 'soundtrack 1');
    expect(toChoices(st, catalog, 'en-US')[0]).toEqual({
      name: 'Soundtrack #1 (2022) · drama',
      value: 'd:soundtrack-1',
    });
    expect(toChoices(st, catalog, 'ko')[0]).toEqual({ name: '사운드트랙 #1 (2022) · 드라마', value: 'd:soundtrack-1' });
    expect(toChoices(searchPeople(index, catalog, 'han so-hee'), catalog, 'en-US')[0]!.name).toBe('Han So-hee · actor');
    expect(toChoices(searchPeople(index, catalog, 'han so-hee'), catalog, 'ko')[0]!.name).toBe('한소희 · 배우');
    expect(toChoices(searchSoundtrack(index, catalog, 'love beyond words'), catalog, 'en-US')[0]!.name).toBe(
      'Love Beyond Words — Kyuhyun · Soundtrack #1 OST',
    );
  });
});

describe('resolving what a user typed by hand', () => {
  it('resolves an exact or clearly best title, an autocomplete value, and a typo', () => {
    expect(resolveDrama(index, catalog, 'Vincenzo').found?.drama.id).toBe('vincenzo');
    expect(resolveDrama(index, catalog, 'd:soundtrack-1').found?.drama.id).toBe('soundtrack-1');
    expect(resolveDrama(index, catalog, 'vincenso').found?.drama.id).toBe('vincenzo');
    expect(resolvePerson(index, catalog, 'park hyungsik').found?.person.id).toBe('park-hyung-sik');
  });

  it('offers up to 3 suggestions instead of guessing when the text is ambiguous or unknown', () => {
    const ambiguous = resolveDrama(index, catalog, 'reply');
    expect(ambiguous.found).toBeUndefined();
    expect(ambiguous.suggestions.map((s) => s.drama.id)).toEqual(['reply-1988', 'reply-1994', 'reply-1997']);
    const unknown = resolveDrama(index, catalog, 'qwertyuiop zxcv');
    expect(unknown).toEqual({ suggestions: [] });
    expect(resolveDrama(index, catalog, 'd:no-such-drama').found).toBeUndefined();
  });
});

describe('prefixDistance', () => {
  it('measures edits against the closest prefix and stops early past the limit', () => {
    expect(prefixDistance('sountrack', 'soundtrack1', 2)).toBe(1);
    expect(prefixDistance('vincenso', 'vincenzo', 1)).toBe(1);
    expect(prefixDistance('abc', 'xyzxyz', 1)).toBe(2);
    expect(prefixDistance('hopsital', 'hospitalplaylist', 1)).toBe(1);
  });
});
