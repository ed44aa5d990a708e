import type { Catalog } from '../catalog/catalog.ts';
import { hasHangul, isChoseongOnly, keyWords, words, type KeySpace } from './normalize.ts';

/**
 * One entry per searchable text: each title, person name, character name and song title is its
 * own entry (search-notes.md: one document per drama lets a query match pieces of three people).
 */
export type EntryKind = 'title' | 'person' | 'character' | 'song';
export type EntryRef =
  | { type: 'drama'; dramaId: string }
  | { type: 'person'; personId: string }
  | { type: 'character'; personId: string; dramaId: string }
  | { type: 'song'; dramaId: string; track: number };

export interface Entry {
  id: number;
  kind: EntryKind;
  text: string;
  ref: EntryRef;
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export interface EntryHit {
  entry: Entry;
  score: number;
  match: MatchKind;
}

/** Keys of one space, sorted, so a prefix is a contiguous range found by binary search. */
interface KeyTable {
  keys: string[];
  entries: Int32Array;
  /** Index of the word the key starts at: 0 is the whole text, more is a later word ("hyungsik" in "parkhyungsik"). */
  words: Uint8Array;
}

export interface SearchIndex {
  entries: Entry[];
  tables: Record<KeySpace, KeyTable>;
}

const SPACES: KeySpace[] = ['raw', 'folded', 'jamo', 'choseong'];
/** Later words of long titles are not worth a key each. */
const MAX_WORD_STARTS = 8;

/** Base scores: exact beats prefix beats fuzzy; the spelling as typed beats a folded variant. */
const TIER: Record<KeySpace, { exact: number; prefix: number; wordExact: number; wordPrefix: number }> = {
  raw: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  jamo: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  folded: { exact: 88, prefix: 78, wordExact: 75, wordPrefix: 70 },
  choseong: { exact: 84, prefix: 76, wordExact: 74, wordPrefix: 68 },
};
const FUZZY_BASE = { raw: 60, folded: 55 } as const;
const PREFIX_SCAN_LIMIT = 4_000;
/** One autocomplete list (25 choices) worth of real matches makes typo matches pointless. */
const FUZZY_WHEN_FEWER_THAN = 25;

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const entries: Entry[] = [];
  const pending: Record<KeySpace, Array<[string, number, number]>> = { raw: [], folded: [], jamo: [], choseong: [] };
  const seen = new Set<string>();
  const add = (kind: EntryKind, text: string | undefined, ref: EntryRef) => {
    if (!text) return;
    const dedupe = `${JSON.stringify(ref)}|${text.toLowerCase()}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    const id = entries.length;
    entries.push({ id, kind, text, ref });
    for (const [space, ws] of Object.entries(keyWords(text)) as Array<[KeySpace, string[]]>) {
      for (let w = 0; w < Math.min(ws.length, MAX_WORD_STARTS); w++) pending[space].push([ws.slice(w).join(''), id, w]);
    }
  };
  for (const drama of catalog.dramas) {
    const ref: EntryRef = { type: 'drama', dramaId: drama.id };
    for (const t of [drama.title, ...(drama.altTitles ?? []), drama.nativeTitle]) add('title', t, ref);
    for (const c of drama.cast) {
      for (const ch of c.characters) {
        for (const t of [ch.name, ...(ch.altNames ?? []), ch.nativeName]) add('character', t, { type: 'character', personId: c.person, dramaId: drama.id });
      }
    }
    for (const track of drama.soundtrack ?? []) {
      for (const t of [track.title, track.nativeTitle]) add('song', t, { type: 'song', dramaId: drama.id, track: track.track });
    }
  }
  for (const person of catalog.people) {
    for (const t of [person.name, ...(person.altNames ?? []), person.nativeName]) add('person', t, { type: 'person', personId: person.id });
  }
  const tables = {} as Record<KeySpace, KeyTable>;
  for (const space of SPACES) {
    const rows = pending[space].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    tables[space] = {
      keys: rows.map((r) => r[0]),
      entries: Int32Array.from(rows, (r) => r[1]),
      words: Uint8Array.from(rows, (r) => r[2]),
    };
  }
  return { entries, tables };
}

function lowerBound(keys: string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Edit distance between q and the closest prefix of key (optimal string alignment: a swap of two
 * neighbouring letters counts as one typo), or max + 1 when it is more than max.
 * "sountrack" is 1 edit from "soundtrack1", "hopsital" 1 from "hospital".
 */
export function prefixDistance(q: string, key: string, max: number): number {
  const n = q.length;
  if (key.length < n - max) return max + 1;
  if (rows[0].length <= n) rows = [0, 1, 2].map(() => new Int32Array(n + 16)) as typeof rows;
  // Three reused rows (two back, one back, current): this runs over every key of a fuzzy scan.
  let [before, previous, current] = rows;
  for (let i = 0; i <= n; i++) previous[i] = i;
  let best = n;
  const columns = Math.min(key.length, n + max);
  for (let j = 1; j <= columns; j++) {
    current[0] = j;
    let rowMin = j;
    const k = key.charCodeAt(j - 1);
    for (let i = 1; i <= n; i++) {
      const c = q.charCodeAt(i - 1);
      let value = Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + (c === k ? 0 : 1));
      if (i > 1 && j > 1 && c === key.charCodeAt(j - 2) && q.charCodeAt(i - 2) === k && before[i - 2]! + 1 < value) value = before[i - 2]! + 1;
      current[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (current[n]! < best) best = current[n]!;
    if (rowMin > max) break;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(best, max + 1);
}
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** How many typos a query of this length may carry: none for short words, then 1, then 2. */
export function allowedEdits(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** The query in each key space it should be looked up in. */
function queryKeys(query: string): Array<[KeySpace, string]> {
  const kw = keyWords(query);
  const join = (space: KeySpace) => (kw[space] ?? []).join('');
  if (hasHangul(query)) {
    // Only consonants typed (ㅅㄹㄷㅌ): an initial-consonant search; anything else: syllables as jamo.
    return isChoseongOnly(words(query).join('')) ? [['choseong', join('choseong')]] : [['jamo', join('jamo')]];
  }
  return kw.raw ? [['raw', join('raw')], ['folded', join('folded')]] : [];
}

/** Entries whose text matches the query, best first: exact > prefix > fuzzy, spelling as typed first. */
export function findEntries(index: SearchIndex, query: string, accept: (entry: Entry) => boolean, limit = 100): EntryHit[] {
  // Typos are looked for only when real matches cannot fill an autocomplete list: the scan is the costly part.
  const best = new Map<number, EntryHit>();
  const offer = (entryId: number, score: number, match: MatchKind) => {
    const entry = index.entries[entryId]!;
    if (!accept(entry)) return;
    const current = best.get(entryId);
    if (!current || current.score < score) best.set(entryId, { entry, score, match });
  };
  const keys = queryKeys(query);
  for (const [space, q] of keys) {
    if (!q) continue;
    const table = index.tables[space];
    const tier = TIER[space];
    const start = lowerBound(table.keys, q);
    const end = Math.min(table.keys.length, start + PREFIX_SCAN_LIMIT);
    for (let i = start; i < end; i++) {
      const key = table.keys[i]!;
      if (!key.startsWith(q)) break;
      const whole = table.words[i] === 0;
      const exact = key.length === q.length;
      // A small bonus for covering more of the key keeps "Vincenzo" above "Vincenzo Cassano" for "vincenzo".
      const closeness = q.length / key.length;
      const score = (exact ? (whole ? tier.exact : tier.wordExact) : whole ? tier.prefix : tier.wordPrefix) + closeness;
      offer(table.entries[i]!, score, exact && whole ? 'exact' : 'prefix');
    }
  }
  if (best.size < Math.min(limit, FUZZY_WHEN_FEWER_THAN)) {
    for (const [space, q] of keys) {
      if (space !== 'raw' && space !== 'folded') continue;
      // Folding already merges spellings; typos on top of it need a longer word to stay meaningful.
      const max = allowedEdits(space === 'folded' ? q.length - 1 : q.length);
      if (max === 0) continue;
      const table = index.tables[space];
      for (let i = 0; i < table.keys.length; i++) {
        const key = table.keys[i]!;
        const d = prefixDistance(q, key, max);
        if (d <= max) offer(table.entries[i]!, FUZZY_BASE[space] - 8 * d - (table.words[i] === 0 ? 0 : 5) + Math.min(1, q.length / key.length), 'fuzzy');
      }
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entry.id - b.entry.id).slice(0, limit);
}
