import type { Drama, Person } from '../data/schema.ts';
import { hasHangul, isChoseongOnly, keyWords, words, type KeySpace } from './normalize.ts';

/**
 * What the search index holds and how it scores, whatever its storage: one entry per searchable
 * text (each title, person name, character name and song title is its own entry; search-notes.md:
 * one document per drama lets a query match pieces of three people), each text keyed in up to four
 * key spaces, each key once per word it starts at.
 */
export type EntryKind = 'title' | 'person' | 'character' | 'song';
export const ENTRY_KINDS: readonly EntryKind[] = ['title', 'person', 'character', 'song'];
export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export const SPACES: readonly KeySpace[] = ['raw', 'folded', 'jamo', 'choseong'];
/** Later words of long titles are not worth a key each. */
const MAX_WORD_STARTS = 8;
/** A posting is entry id × WORD_SLOTS + the word its key starts at (0: the whole text). */
export const WORD_SLOTS = 8;

/** Base scores: exact beats prefix beats fuzzy; the spelling as typed beats a folded variant. */
const TIER: Record<KeySpace, { exact: number; prefix: number; wordExact: number; wordPrefix: number }> = {
  raw: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  jamo: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  folded: { exact: 88, prefix: 78, wordExact: 75, wordPrefix: 70 },
  choseong: { exact: 84, prefix: 76, wordExact: 74, wordPrefix: 68 },
};
const FUZZY_BASE = { raw: 60, folded: 55 } as const;
export const PREFIX_SCAN_LIMIT = 4_000;
/** With this many real matches the user is typing a name right: typos are not looked for. */
export const FUZZY_WHEN_FEWER_THAN = 5;

/** How many typos a query of this length may carry: none for short words, then 1, then 2. */
function allowedEdits(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** "Park Hyung-sik" is also written "Hyung-sik Park" (given name first, as in the English press). */
function givenNameFirst(name: string, nativeName: string | undefined): string | undefined {
  if (!nativeName || !/^[\uAC00-\uD7A3]{2,4}$/.test(nativeName)) return undefined;
  const m = /^(\S+) (\S+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : undefined;
}

/**
 * One record's texts, in the order entries are made: `drama` is a row of `dramas` (-1 for a
 * person), `person` a person id (a cast member's for a character), `track` a track number.
 */
export interface TextGroup {
  kind: EntryKind;
  texts: string[];
  drama: number;
  person: string | undefined;
  track: number;
}

/**
 * Every group of texts to index, dramas in row order then people in row order, each text once
 * whatever its case. Names only for characters: a described role ("Eun-soo's mother") is not a
 * name, and indexing it would make "mother" answer with every mother in the catalog.
 */
export function forEachTextGroup(
  dramas: readonly Drama[],
  people: readonly Person[],
  visit: (group: TextGroup) => void,
): void {
  const group = (
    kind: EntryKind,
    candidates: ReadonlyArray<string | undefined>,
    drama: number,
    person: string | undefined,
    track: number,
  ) => {
    const texts: string[] = [];
    const lowered: string[] = [];
    for (const text of candidates) {
      if (!text) continue;
      const lower = text.toLowerCase();
      if (lowered.includes(lower)) continue;
      lowered.push(lower);
      texts.push(text);
    }
    if (texts.length > 0) visit({ kind, texts, drama, person, track });
  };
  dramas.forEach((drama, row) => {
    group('title', [drama.title, ...(drama.altTitles ?? []), drama.nativeTitle], row, undefined, 0);
    for (const c of drama.cast) {
      const names = c.characters.flatMap((ch) => [ch.name, ...(ch.altNames ?? []), ch.nativeName]);
      group('character', names, row, c.person, 0);
    }
    for (const track of drama.soundtrack ?? [])
      group('song', [track.title, track.nativeTitle], row, undefined, track.track);
  });
  for (const person of people) {
    const names = [
      person.name,
      ...(person.altNames ?? []),
      person.nativeName,
      givenNameFirst(person.name, person.nativeName),
    ];
    group('person', names, -1, person.id, 0);
  }
}

/**
 * The words of one text in each key space it belongs to, with how many of them start a key:
 * MAX_WORD_STARTS at most.
 */
export function forEachTextWords(text: string, visit: (space: number, words: string[], starts: number) => void): void {
  const byWords = keyWords(text);
  for (let s = 0; s < SPACES.length; s++) {
    const ws = byWords[SPACES[s]!];
    if (ws) visit(s, ws, Math.min(ws.length, MAX_WORD_STARTS));
  }
}

/** The query in each key space it should be looked up in, as space numbers (SPACES) and keys. */
export function queryKeys(query: string): Array<[number, string]> {
  const kw = keyWords(query);
  const join = (space: KeySpace) => (kw[space] ?? []).join('');
  if (hasHangul(query)) {
    // Only consonants typed (ㅅㄹㄷㅌ): an initial-consonant search; anything else: syllables as jamo.
    return isChoseongOnly(words(query).join('')) ? [[3, join('choseong')]] : [[2, join('jamo')]];
  }
  return kw.raw
    ? [
        [0, join('raw')],
        [1, join('folded')],
      ]
    : [];
}

/** A whole-text key scores above a later-word key; an exact key above a prefix of a longer one. */
export function prefixScore(space: number, exact: boolean, whole: boolean, closeness: number): number {
  const tier = TIER[SPACES[space]!];
  return (exact ? (whole ? tier.exact : tier.wordExact) : whole ? tier.prefix : tier.wordPrefix) + closeness;
}

export function fuzzyScore(space: number, distance: number, whole: boolean, closeness: number): number {
  return (space === 0 ? FUZZY_BASE.raw : FUZZY_BASE.folded) - 8 * distance - (whole ? 0 : 5) + closeness;
}

/** Folding already merges spellings; typos on top of it need a longer word to stay meaningful. */
export function fuzzyEdits(space: number, q: string): number {
  return allowedEdits(space === 1 ? q.length - 1 : q.length);
}

/**
 * Where typos are looked for, in turn until one finds something: the keys sharing the query's
 * first four letters (a typo further on), then the keys starting with its first letter and its
 * second or third (the second and third swapped, a letter doubled), last every key with its first
 * letter (a wrong or missing second letter). The first letter is taken as typed.
 */
export function fuzzyPrefixRounds(q: string): string[][] {
  return [[q.slice(0, 4)], [...new Set([q.slice(0, 2), q[0]! + q[2]!])], [q[0]!]];
}
