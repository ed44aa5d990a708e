import { disassemble, getChoseong } from 'es-hangul';

/**
 * Text folding for Korean-aware search. Measured facts behind it are in ../shared/search-notes.md:
 * NFC (never NFKD, which breaks Hangul), accents stripped from Latin letters only, raw and folded
 * romanizations indexed side by side so exact spellings can rank first.
 */

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;
const CONSONANT_JAMO_ONLY = /^[\u3131-\u314E]+$/;
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/g;

export const hasHangul = (text: string) => HANGUL.test(text);
export const isChoseongOnly = (compactText: string) => CONSONANT_JAMO_ONLY.test(compactText);

/** Lowercase, NFC, Latin accents removed ("Hyŏng" → "hyong"); Hangul untouched. */
export function baseFold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(LATIN_WITH_MARKS, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Words: runs of letters or digits. Hyphens, spaces, '#' and other punctuation separate them. */
export function words(text: string): string[] {
  return baseFold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Common spellings of one Korean surname (or syllable), folded to one. */
const SURNAMES: Record<string, string> = {
  park: 'bak',
  pak: 'bak',
  bak: 'bak',
  lee: 'i',
  yi: 'i',
  rhee: 'i',
  ri: 'i',
  rhie: 'i',
  choi: 'choe',
  choe: 'choe',
  jung: 'jeong',
  jeong: 'jeong',
  chung: 'jeong',
  joung: 'jeong',
  kang: 'gang',
  kim: 'gim',
  gim: 'gim',
  shin: 'sin',
  yoon: 'yun',
  yun: 'yun',
  cho: 'jo',
  jo: 'jo',
  ko: 'go',
  koo: 'gu',
  ku: 'gu',
  goo: 'gu',
  lim: 'im',
  rim: 'im',
  noh: 'no',
  roh: 'no',
  oh: 'o',
  yoo: 'yu',
  ahn: 'an',
  chang: 'jang',
  moon: 'mun',
  pae: 'bae',
  paik: 'baek',
  paek: 'baek',
  suh: 'seo',
  hur: 'heo',
  huh: 'heo',
  byun: 'byeon',
  kwon: 'gwon',
  gwon: 'gwon',
};

/**
 * Revised-Romanization variants folded together: eo/u, oo/u, ee/i, ae/e, eui/ui, wu/u, sh/s,
 * k/g, p/b, t/d, doubled letters. Applied per word, to the index and the query alike.
 */
export function foldRomanWord(word: string): string {
  return (SURNAMES[word] ?? word)
    .replace(/eui/g, 'ui')
    .replace(/eo/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/ae/g, 'e')
    .replace(/wu/g, 'u')
    .replace(/sh/g, 's')
    .replace(/k/g, 'g')
    .replace(/p/g, 'b')
    .replace(/t/g, 'd')
    .replace(/([a-z])\1+/g, '$1');
}

/** Hangul syllables → jamo, so a half-typed syllable ("박형시") is a prefix of the whole ("박형식"). */
function jamoWord(word: string): string {
  return hasHangul(word) ? disassemble(word) : word;
}

/** Hangul word → its initial consonants (초성); other words stay as they are. */
function choseongWord(word: string): string {
  return hasHangul(word) ? getChoseong(word) : word;
}

/**
 * A word-level cache: names and title words recur across hundreds of thousands of texts, and
 * folding one is a dozen regular expressions. Bounded, as queries pass through it too.
 */
function memoized(fold: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let folded = cache.get(word);
    if (folded === undefined) {
      if (cache.size >= 200_000) cache.clear();
      folded = fold(word);
      cache.set(word, folded);
    }
    return folded;
  };
}

const foldedWord = memoized((w) => (/^[a-z]+$/.test(w) ? foldRomanWord(w) : w));
const jamoOf = memoized(jamoWord);
const choseongOf = memoized(choseongWord);

/** Which key spaces a piece of text is indexed (or searched) in. */
export type KeySpace = 'raw' | 'folded' | 'jamo' | 'choseong';

/** The words of a text in each key space it belongs to. */
export function keyWords(text: string): Partial<Record<KeySpace, string[]>> {
  const ws = words(text);
  if (ws.length === 0) return {};
  const result: Partial<Record<KeySpace, string[]>> = {};
  const latin = ws.some((w) => /[a-z0-9]/.test(w));
  if (latin) {
    result.raw = ws;
    result.folded = ws.map(foldedWord);
  }
  if (ws.some(hasHangul)) {
    result.jamo = ws.map(jamoOf);
    result.choseong = ws.map(choseongOf);
  }
  return result;
}
