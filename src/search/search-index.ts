import type { Catalog } from '../catalog/catalog.ts';
import { keysWithinEdits, lowerBound } from './fuzzy-walk.ts';
import { hasHangul, isChoseongOnly, keyWords, words, type KeySpace } from './normalize.ts';

/**
 * One entry per searchable text: each title, person name, character name and song title is its
 * own entry (search-notes.md: one document per drama lets a query match pieces of three people).
 */
export type EntryKind = 'title' | 'person' | 'character' | 'song';
type EntryRef =
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

/**
 * The keys of one space, each once and sorted, so a prefix is a contiguous range found by binary
 * search. Each key lists the entries it belongs to (postings): a surname or a common title word
 * is one key, not one per entry, which keeps the table small and the build a plain string sort.
 */
interface KeyTable {
  keys: string[];
  /** Postings of keys[k] are postings[start[k]] … postings[start[k + 1] - 1]. */
  start: Int32Array;
  /** entry id × WORD_SLOTS + the word the key starts at (0: the whole text, more: "hyungsik" in "parkhyungsik"). */
  postings: Int32Array;
}

export interface SearchIndex {
  entries: Entry[];
  tables: Record<KeySpace, KeyTable>;
}

const SPACES: KeySpace[] = ['raw', 'folded', 'jamo', 'choseong'];
/** Later words of long titles are not worth a key each. */
const MAX_WORD_STARTS = 8;
const WORD_SLOTS = 8;

/** Base scores: exact beats prefix beats fuzzy; the spelling as typed beats a folded variant. */
const TIER: Record<KeySpace, { exact: number; prefix: number; wordExact: number; wordPrefix: number }> = {
  raw: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  jamo: { exact: 100, prefix: 90, wordExact: 86, wordPrefix: 80 },
  folded: { exact: 88, prefix: 78, wordExact: 75, wordPrefix: 70 },
  choseong: { exact: 84, prefix: 76, wordExact: 74, wordPrefix: 68 },
};
const FUZZY_BASE = { raw: 60, folded: 55 } as const;
const PREFIX_SCAN_LIMIT = 4_000;
/** With this many real matches the user is typing a name right: typos are not looked for. */
const FUZZY_WHEN_FEWER_THAN = 5;

/** "Park Hyung-sik" is also written "Hyung-sik Park" (given name first, as in the English press). */
function givenNameFirst(name: string, nativeName: string | undefined): string | undefined {
  if (!nativeName || !/^[\uAC00-\uD7A3]{2,4}$/.test(nativeName)) return undefined;
  const m = /^(\S+) (\S+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : undefined;
}

/**
 * The (key, posting) pairs of one key space as they come, each distinct key given a number once,
 * the pairs in two growing typed arrays: at 100k dramas there are millions of pairs, and one small
 * array per key (or one string per pair) is what made the build slow and the heap big.
 */
class KeyTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private owners = new Int32Array(4_096);
  private values = new Int32Array(4_096);
  private count = 0;

  keyId(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  add(keyId: number, posting: number): void {
    if (this.count === this.owners.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.owners = grow(this.owners);
      this.values = grow(this.values);
    }
    this.owners[this.count] = keyId;
    this.values[this.count++] = posting;
  }

  build(): KeyTable {
    // The engine's own string sort: a comparator function over millions of keys is several times slower.
    const keys = [...this.keys].sort();
    const rank = new Int32Array(keys.length);
    keys.forEach((key, k) => {
      rank[this.ids.get(key)!] = k;
    });
    const start = new Int32Array(keys.length + 1);
    for (let p = 0; p < this.count; p++) start[rank[this.owners[p]!]! + 1]! += 1;
    for (let k = 0; k < keys.length; k++) start[k + 1]! += start[k]!;
    const cursor = start.slice(0, keys.length);
    const postings = new Int32Array(this.count);
    // In the order they came, so each key's postings stay sorted by entry id.
    for (let p = 0; p < this.count; p++) postings[cursor[rank[this.owners[p]!]!]!++] = this.values[p]!;
    return { keys, start, postings };
  }
}

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const entries: Entry[] = [];
  const builders = SPACES.map(() => new KeyTableBuilder());
  // Names recur (a surname, an actor in many dramas): each distinct text is folded and keyed once,
  // as (space, key id, word) triples in one shared pool; the map holds where its triples start.
  const keyedTexts = new Map<string, number>();
  const triples: number[] = [];
  const keyed = (text: string): number => {
    const known = keyedTexts.get(text);
    if (known !== undefined) return known;
    const at = triples.length;
    const byWords = keyWords(text);
    for (let s = 0; s < SPACES.length; s++) {
      const ws = byWords[SPACES[s]!];
      if (!ws) continue;
      for (let w = 0; w < Math.min(ws.length, MAX_WORD_STARTS); w++)
        triples.push(s, builders[s]!.keyId(w === 0 ? ws.join('') : ws.slice(w).join('')), w);
    }
    triples.push(-1);
    keyedTexts.set(text, at);
    return at;
  };
  /** The texts of one record, each once whatever its case. */
  const add = (kind: EntryKind, texts: ReadonlyArray<string | undefined>, ref: EntryRef) => {
    const added: string[] = [];
    for (const text of texts) {
      if (!text) continue;
      const lower = text.toLowerCase();
      if (added.includes(lower)) continue;
      added.push(lower);
      const id = entries.length;
      entries.push({ id, kind, text, ref });
      for (let t = keyed(text); triples[t] !== -1; t += 3)
        builders[triples[t]!]!.add(triples[t + 1]!, id * WORD_SLOTS + triples[t + 2]!);
    }
  };
  for (const drama of catalog.dramas) {
    add('title', [drama.title, ...(drama.altTitles ?? []), drama.nativeTitle], { type: 'drama', dramaId: drama.id });
    for (const c of drama.cast) {
      // Names only: a described role ("Eun-soo's mother") is not a name, and indexing it would make
      // "mother" answer with every mother in the catalog as if it were a character called that.
      const names = c.characters.flatMap((ch) => [ch.name, ...(ch.altNames ?? []), ch.nativeName]);
      add('character', names, { type: 'character', personId: c.person, dramaId: drama.id });
    }
    for (const track of drama.soundtrack ?? [])
      add('song', [track.title, track.nativeTitle], { type: 'song', dramaId: drama.id, track: track.track });
  }
  for (const person of catalog.people) {
    const names = [
      person.name,
      ...(person.altNames ?? []),
      person.nativeName,
      givenNameFirst(person.name, person.nativeName),
    ];
    add('person', names, { type: 'person', personId: person.id });
  }
  const tables = Object.fromEntries(SPACES.map((space, s) => [space, builders[s]!.build()])) as Record<
    KeySpace,
    KeyTable
  >;
  return { entries, tables };
}

/** How many typos a query of this length may carry: none for short words, then 1, then 2. */
function allowedEdits(length: number): number {
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
  return kw.raw
    ? [
        ['raw', join('raw')],
        ['folded', join('folded')],
      ]
    : [];
}

/** Entries whose text matches the query, best first: exact > prefix > fuzzy, spelling as typed first. */
export function findEntries(
  index: SearchIndex,
  query: string,
  accept: (entry: Entry) => boolean,
  limit = 100,
): EntryHit[] {
  const best = new Map<number, EntryHit>();
  let exactFound = false;
  const offer = (entryId: number, score: number, match: MatchKind) => {
    const entry = index.entries[entryId]!;
    if (!accept(entry)) return;
    if (match === 'exact') exactFound = true;
    const current = best.get(entryId);
    if (!current || current.score < score) best.set(entryId, { entry, score, match });
  };
  const keys = queryKeys(query);
  for (const [space, q] of keys) {
    if (!q) continue;
    const table = index.tables[space];
    const tier = TIER[space];
    const from = lowerBound(table.keys, q);
    const end = Math.min(table.keys.length, from + PREFIX_SCAN_LIMIT);
    for (let k = from; k < end; k++) {
      const key = table.keys[k]!;
      if (!key.startsWith(q)) break;
      const exact = key.length === q.length;
      // A small bonus for covering more of the key keeps "Vincenzo" above "Vincenzo Cassano" for "vincenzo".
      const closeness = q.length / key.length;
      for (let p = table.start[k]!; p < table.start[k + 1]!; p++) {
        const posting = table.postings[p]!;
        const whole = posting % WORD_SLOTS === 0;
        const score =
          (exact ? (whole ? tier.exact : tier.wordExact) : whole ? tier.prefix : tier.wordPrefix) + closeness;
        offer(Math.floor(posting / WORD_SLOTS), score, exact && whole ? 'exact' : 'prefix');
      }
    }
  }
  // Typos are looked for only when the text as typed matches next to nothing, and never when it
  // names something exactly (a full character name that three dramas share is typed right).
  if (!exactFound && best.size < Math.min(limit, FUZZY_WHEN_FEWER_THAN)) {
    for (const [space, q] of keys) {
      if (space === 'raw' || space === 'folded') fuzzyScan(index.tables[space], space, q, offer);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entry.id - b.entry.id).slice(0, limit);
}

/**
 * Keys within a few typos of the query, read from the ranges where they can be: first the keys
 * sharing the query's first four letters (a typo further on), then, if that finds nothing, the
 * keys starting with its first letter and its second or third (the second and third swapped, a
 * letter doubled), and last every key with its first letter (a wrong or missing second letter).
 * The first letter is taken as typed.
 */
function fuzzyScan(
  table: KeyTable,
  space: 'raw' | 'folded',
  q: string,
  offer: (entryId: number, score: number, match: MatchKind) => void,
): void {
  // Folding already merges spellings; typos on top of it need a longer word to stay meaningful.
  const max = allowedEdits(space === 'folded' ? q.length - 1 : q.length);
  if (max === 0) return;
  const scan = (prefixes: string[]) => {
    let found = false;
    for (const prefix of new Set(prefixes)) {
      const from = lowerBound(table.keys, prefix);
      const to = lowerBound(table.keys, `${prefix}\uffff`, from);
      keysWithinEdits(table.keys, from, to, q, max, (k, d) => {
        found = true;
        const closeness = Math.min(1, q.length / table.keys[k]!.length);
        for (let p = table.start[k]!; p < table.start[k + 1]!; p++) {
          const posting = table.postings[p]!;
          const whole = posting % WORD_SLOTS === 0;
          offer(Math.floor(posting / WORD_SLOTS), FUZZY_BASE[space] - 8 * d - (whole ? 0 : 5) + closeness, 'fuzzy');
        }
      });
    }
    return found;
  };
  if (!scan([q.slice(0, 4)]) && !scan([q.slice(0, 2), q[0]! + q[2]!])) scan([q[0]!]);
}
