import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { finalSyllable, isParticle, particleAfter } from '../../src/i18n/josa.ts';
import { strings } from '../../src/i18n/strings.ts';

/** [word, 을/를, 와/과, 으로/로] as a Korean reader says them. */
const READINGS: Array<[string, string, string, string]> = [
  // Hangul: the last syllable decides, ㄹ takes 로.
  ['도깨비', '를', '와', '로'],
  ['빈센조', '를', '와', '로'],
  ['서울', '을', '과', '로'],
  ['이태원 클라쓰', '를', '와', '로'],
  ['사랑의 불시착', '을', '과', '으로'],
  ['우리들의 블루스', '를', '와', '로'],
  ['이응복', '을', '과', '으로'],
  // Titles ending in digits are read as Korean numbers.
  ['응답하라 1988', '을', '과', '로'], // 팔
  ['응답하라 1997', '을', '과', '로'], // 칠
  ['응답하라 1994', '를', '와', '로'], // 사
  ['사운드트랙 #1', '을', '과', '로'], // 일
  ['오징어 게임 2', '를', '와', '로'], // 이
  ['시즌3', '을', '과', '으로'], // 삼
  ['6', '을', '과', '으로'], // 육
  ['10', '을', '과', '으로'], // 십
  ['100', '을', '과', '으로'], // 백
  ['2000', '을', '과', '으로'], // 천
  ['20000', '을', '과', '으로'], // 만
  ['0', '을', '과', '으로'], // 영
  ['스타트업 2.5', '를', '와', '로'], // 오
  // Latin words as English is read; short capitals spelled out.
  ['Goblin', '을', '과', '으로'], // 고블린
  ['Vincenzo', '를', '와', '로'], // 빈센조
  ['Queen', '을', '과', '으로'], // 퀸
  ['King', '을', '과', '으로'], // 킹
  ['Goal', '을', '과', '로'], // 골
  ['Black', '을', '과', '으로'], // 블랙
  ['Secret', '을', '과', '으로'], // 시크릿
  ['Love', '를', '와', '로'], // 러브
  ['Lover', '를', '와', '로'], // 러버
  ['Heart', '를', '와', '로'], // 하트
  ['Street', '를', '와', '로'], // 스트리트
  ['KBS', '를', '와', '로'], // 케이비에스
  ['OST', '를', '와', '로'], // 오에스티
  ['IU', '를', '와', '로'], // 아이유
  ['tvN', '을', '과', '으로'], // 티비엔
  ['MBC', '를', '와', '로'], // 엠비씨
  ['JTBC', '를', '와', '로'], // 제이티비씨
  ['BTS', '를', '와', '로'],
  ['Soundtrack #1', '을', '과', '로'],
  // Quotes, brackets and markdown around the value are not read.
  ['“도깨비”', '를', '와', '로'],
  ['**서울**', '을', '과', '로'],
  ['`1988`', '을', '과', '로'],
  ['「빈센조」', '를', '와', '로'],
  ['도깨비 (Goblin)', '를', '와', '로'],
  ['Goblin (도깨비)', '을', '과', '으로'],
  ['(여자)아이들', '을', '과', '로'],
  ['(Goblin)', '을', '과', '으로'],
  ['Run On!', '을', '과', '으로'],
  ['무빙...', '을', '과', '으로'],
];

describe('particles chosen by how the word before them is read', () => {
  it.each(READINGS)('%s → %s, %s, %s', (word, object, and, towards) => {
    expect(particleAfter(word, '을/를')).toBe(object);
    expect(particleAfter(word, '와/과')).toBe(and);
    expect(particleAfter(word, '으로/로')).toBe(towards);
  });

  it('reads numbers as Korean numbers, to the last syllable', () => {
    expect(finalSyllable('1988')).toBe('팔');
    expect(finalSyllable('2010')).toBe('십');
    expect(finalSyllable('1,000')).toBe('천');
    expect(finalSyllable('300000000')).toBe('억');
  });

  it('gives the after-a-vowel form for an ending nobody reads (emoji, symbols, nothing)', () => {
    expect(particleAfter('🎲', '이/가')).toBe('가');
    expect(particleAfter('', '은/는')).toBe('는');
  });

  it('knows every pair es-hangul knows, and nothing else', () => {
    expect(isParticle('을/를')).toBe(true);
    expect(isParticle('을/를/이')).toBe(false);
    expect(isParticle('name')).toBe(false);
  });
});

describe('t() with a particle marker', () => {
  it('fits the particle to the title put in, after closing quotes too', () => {
    expect(t('ko', 'notFound.drama', { query: '응답하라 1988' })).toBe('“응답하라 1988”과 일치하는 드라마가 없어요.');
    expect(t('ko', 'notFound.drama', { query: '도깨비' })).toBe('“도깨비”와 일치하는 드라마가 없어요.');
    expect(t('ko', 'recommend.basis.like', { drama: '빈센조' })).toBe('빈센조를 좋아한다면');
    expect(t('ko', 'recommend.basis.like', { drama: '사랑의 불시착' })).toBe('사랑의 불시착을 좋아한다면');
    expect(t('ko', 'list.noSoundtrack', { drama: '응답하라 1994' })).toBe('응답하라 1994는 OST가 발매되지 않았어요.');
  });

  it('never reads a variable again as a marker: a query of “{을/를}” stays as typed', () => {
    expect(t('ko', 'notFound.drama', { query: '{을/를}{query}' })).toBe('“{을/를}{query}”와 일치하는 드라마가 없어요.');
  });

  it('leaves English sentences alone', () => {
    expect(t('en', 'notFound.drama', { query: 'Reply 1988' })).toBe('No drama matches “Reply 1988”.');
  });
});

/** 을(를), 이(가), 은(는), 와(과), (으)로, 이에요(예요)...: the fallback that reads as machine text. */
const FALLBACK =
  /[가-힣]\((?:을|를|이|가|은|는|와|과|아|야|이나|나|이랑|랑|이라|라|이란|란|예요|이에요)\)|\(으\)|\(이\)/;

describe('the Korean strings table', () => {
  it('writes no particle as a “와(과)” fallback', () => {
    const offenders = Object.entries(strings.ko).filter(([, text]) => FALLBACK.test(text));
    expect(offenders).toEqual([]);
  });

  it('uses only particle pairs that t() can choose', () => {
    for (const [key, text] of Object.entries(strings.ko)) {
      for (const [, pair] of text.matchAll(/\{([가-힣]+\/[가-힣]+)\}/g))
        expect({ key, pair: isParticle(pair!) }).toEqual({ key, pair: true });
    }
  });
});
