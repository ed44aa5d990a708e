import { describe, expect, it } from 'vitest';
import { baseFold, foldRomanWord, keyWords, words } from '../../src/search/normalize.ts';

describe('normalization', () => {
  it('lowercases and strips Latin accents but keeps Hangul syllables whole (NFC, not NFKD)', () => {
    expect(baseFold('Hyŏng-SIK')).toBe('hyong-sik');
    expect(baseFold('박형식')).toBe('박형식');
    expect(baseFold('박형식').length).toBe(3);
  });

  it('splits words on spaces, hyphens and punctuation', () => {
    expect(words('Park Hyung-sik')).toEqual(['park', 'hyung', 'sik']);
    expect(words('Soundtrack#1')).toEqual(['soundtrack', '1']);
    expect(words('사운드트랙 #1')).toEqual(['사운드트랙', '1']);
  });

  it.each([
    ['hyeon', 'hyun'],
    ['seon', 'sun'],
    ['soo', 'su'],
    ['hee', 'hi'],
    ['tae', 'de'],
    ['shik', 'sig'],
    ['park', 'bak'],
    ['lee', 'i'],
    ['yi', 'i'],
    ['choi', 'choe'],
  ])('folds the romanization variant %s to %s', (word, folded) => {
    expect(foldRomanWord(word)).toBe(foldRomanWord(folded));
  });

  it('indexes Hangul as jamo (for half-typed syllables) and as initial consonants', () => {
    expect(keyWords('박형식')).toEqual({ jamo: ['ㅂㅏㄱㅎㅕㅇㅅㅣㄱ'], choseong: ['ㅂㅎㅅ'] });
  });
});
