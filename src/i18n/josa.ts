import { josa } from 'es-hangul';

/** The particle pairs a Korean sentence may write as `{을/를}`: what es-hangul's josa knows. */
const PARTICLES = [
  '이/가',
  '을/를',
  '은/는',
  '으로/로',
  '와/과',
  '이나/나',
  '이란/란',
  '아/야',
  '이랑/랑',
  '이에요/예요',
  '으로서/로서',
  '으로써/로써',
  '으로부터/로부터',
  '이라/라',
] as const;
export type Particle = (typeof PARTICLES)[number];

export const isParticle = (text: string): text is Particle => (PARTICLES as readonly string[]).includes(text);

/** How a digit is read in Korean (Sino-Korean numbers, as titles and counts are read: 1988 → 천구백팔십팔). */
const DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/** The syllable a number ending in zeros ends on: 10 → 십, 100 → 백, 1000 → 천, 10000 → 만, 10^8 → 억, 10^12 → 조. */
function zerosSyllable(zeros: number): string {
  if (zeros >= 12) return '조';
  if (zeros >= 8) return '억';
  if (zeros >= 4) return '만';
  return ['영', '십', '백', '천'][zeros]!;
}

function numberSyllable(digits: string): string {
  const last = Number(digits.at(-1));
  if (last !== 0) return DIGITS[last]!;
  if (/^0+$/.test(digits)) return '영';
  return zerosSyllable(digits.length - digits.replace(/0+$/, '').length);
}

/**
 * How a Latin letter is named when a word is spelled out (KBS, OST, IU): only L and R (엘, 알) and
 * M and N (엠, 엔) end on a consonant.
 */
const LETTER_NAMES: Record<string, string> = { l: '엘', m: '엠', n: '엔', r: '알' };

/**
 * The last syllable of an English word as Koreans read it, reduced to what decides a particle:
 * '가' (ends on a vowel), '갈' (ends on ㄹ, which takes 로 like a vowel) or '감' (any other final
 * consonant). Queen → 퀸, King → 킹, Goal → 골, Black → 블랙, Secret → 시크릿 end on a consonant;
 * Love → 러브, Lover → 러버, Heart → 하트, Street → 스트리트 do not.
 */
function englishSyllable(word: string): string {
  const lower = word.toLowerCase();
  const spelledOut = word.length === 1 || (word.length <= 4 && word === word.toUpperCase());
  if (spelledOut) return LETTER_NAMES[lower.at(-1)!] ?? '가';
  if (/(?:m|n|ng)$/.test(lower)) return '감';
  if (/l$/.test(lower)) return '갈';
  // A short vowel closed by k, c, ck, p, b, g or t keeps the consonant as a final: 블랙, 톱, 클럽, 백, 캣.
  if (/(?:^|[^aeiou])[aeiou](?:ck|[kcpbgt])$/.test(lower)) return '감';
  return '가';
}

/** Marks around a word that are not read: quotes, markdown, sentence punctuation, spaces. */
const UNREAD_END = /[\s"'“”‘’«»「」『』《》〈〉*_~`|.,!?…:;·-]+$/u;
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '）': '（', '】': '【' };

/**
 * The syllable the reading of `text` ends on, for choosing a particle. Quotes and markdown around
 * the word are skipped; a closing parenthetical is skipped too ("도깨비 (Goblin)" is read 도깨비),
 * unless it is all there is. A number is read in Korean, a Latin word as English.
 */
export function finalSyllable(text: string): string | undefined {
  const trimmed = text.replace(UNREAD_END, '');
  const last = trimmed.at(-1);
  if (!last) return undefined;
  const opening = CLOSING[last];
  if (opening) {
    const start = trimmed.lastIndexOf(opening);
    const before = start > 0 ? finalSyllable(trimmed.slice(0, start)) : undefined;
    return before ?? finalSyllable(trimmed.slice(start + 1, -1));
  }
  if (/[가-힣]/.test(last)) return last;
  const digits = /(\d[\d,]*)$/.exec(trimmed);
  if (digits) return numberSyllable(digits[1]!.replace(/,/g, ''));
  const word = /([A-Za-z]+)$/.exec(trimmed);
  if (word) return englishSyllable(word[1]!);
  return undefined;
}

/**
 * The particle of `pair` that follows `text`: 을 after 서울, 를 after 도깨비, 을 after 응답하라 1988
 * (팔), 과 after “Goblin” (고블린). Text whose end cannot be read (an emoji, a symbol) gets the form
 * written after a vowel.
 */
export function particleAfter(text: string, pair: Particle): string {
  return josa.pick(finalSyllable(text) ?? '가', pair);
}
