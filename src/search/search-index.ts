import { SectionReader, SectionWriter } from '../binary/section.ts';
import { Utf16Table } from '../binary/utf16-table.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person } from '../data/schema.ts';
import { keysWithinEdits } from './fuzzy-walk.ts';
import { Int32Column, KEY_PACK, KeyPool, writeKeyTables } from './key-table-builder.ts';
import {
  ENTRY_KINDS,
  forEachTextGroup,
  forEachTextWords,
  fuzzyEdits,
  fuzzyPrefixRounds,
  fuzzyScore,
  FUZZY_WHEN_FEWER_THAN,
  PREFIX_SCAN_LIMIT,
  prefixScore,
  queryKeys,
  SPACES,
  WORD_SLOTS,
  type EntryKind,
  type MatchKind,
} from './indexed-texts.ts';

export type { EntryKind, MatchKind };

/**
 * The search index as one section of the compiled catalog (ENGINE.md): entries as columns, texts
 * and keys as UTF-16 code units, postings as Int32 arrays, all views over one byte buffer that
 * worker threads may share. Records are referred to by row (catalog.dramas[row],
 * catalog.people[row]); an Entry object is made only for the hits a query returns.
 */
type EntryRef =
  | { type: 'drama'; drama: number }
  | { type: 'person'; person: number }
  | { type: 'character'; person: number; drama: number }
  | { type: 'song'; drama: number; track: number };

export interface Entry {
  id: number;
  kind: EntryKind;
  text: string;
  ref: EntryRef;
}

export interface EntryHit {
  entry: Entry;
  score: number;
  match: MatchKind;
}

/** Which entries a search wants: a test on each entry, or (cheaper, no Entry made) the kinds it takes. */
export type EntryFilter = ((entry: Entry) => boolean) | readonly EntryKind[];

/** The keys of one key space, sorted, each with its postings: keys[k]'s are postings[start[k] … start[k + 1]). */
interface KeyTable {
  keys: Utf16Table;
  start: Int32Array;
  postings: Int32Array;
}

export interface SearchIndex {
  readonly entryCount: number;
  /** Entry columns: kind (ENTRY_KINDS index), drama row and person row (-1: none), track number, text. */
  readonly kinds: Uint8Array;
  readonly dramaRows: Int32Array;
  readonly personRows: Int32Array;
  readonly tracks: Int32Array;
  readonly textOf: Int32Array;
  readonly texts: Utf16Table;
  readonly tables: readonly KeyTable[];
  /** Per drama row: its title's text (what results are labelled and tie-ordered by); per person row: its name's. */
  readonly titleText: Int32Array;
  readonly nameText: Int32Array;
  entry(id: number): Entry;
}

/** "SRCH" and the layout version: a section written by another layout is refused, not misread. */
export const SEARCH_MAGIC = 0x5352_4302;

/** At most how many texts these records give, so the build's arrays are made once at their size. */
export function textsAtMost(dramas: readonly Drama[], people: readonly Person[]): number {
  let n = 0;
  for (const d of dramas) {
    n += 2 + (d.altTitles?.length ?? 0) + 2 * (d.soundtrack?.length ?? 0);
    for (const c of d.cast) for (const ch of c.characters) n += 2 + (ch.altNames?.length ?? 0);
  }
  for (const p of people) n += 3 + (p.altNames?.length ?? 0);
  return n;
}

/** Compile time: the search section of these records, in catalog row order. */
export function encodeSearchIndex(dramas: readonly Drama[], people: readonly Person[]): Uint8Array {
  const personRow = new Map(people.map((p, row) => [p.id, row]));
  const most = textsAtMost(dramas, people);
  const pools = SPACES.map(() => new KeyPool(most >> 2));
  const kinds = new Uint8Array(most);
  const [dramaRows, personRows, tracks, textOf] = [0, 1, 2, 3].map(() => new Int32Array(most)) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  // Names recur (a surname, an actor in many dramas): each distinct text is folded and keyed once;
  // its keys are textKeys[keysAt[t] … keysAt[t + 1]), packed (KEY_PACK).
  const texts: string[] = [];
  const textIds = new Map<string, number>();
  const keysAt = new Int32Column(most);
  const textKeys = new Int32Column(most * 4);
  const ids = new Int32Array(WORD_SLOTS);
  const titleText = new Int32Array(dramas.length).fill(-1);
  const nameText = new Int32Array(people.length).fill(-1);
  let count = 0;
  keysAt.push(0);
  forEachTextGroup(dramas, people, ({ kind, texts: groupTexts, drama, person, track }) => {
    const kindId = ENTRY_KINDS.indexOf(kind);
    const personAt = person === undefined ? -1 : (personRow.get(person) ?? -1);
    for (const text of groupTexts) {
      let textId = textIds.get(text);
      if (textId === undefined) {
        textId = texts.length;
        texts.push(text);
        textIds.set(text, textId);
        forEachTextWords(text, (space, words, starts) => {
          pools[space]!.keyIds(words, starts, ids);
          for (let word = 0; word < starts; word++) textKeys.push(ids[word]! * KEY_PACK + space * WORD_SLOTS + word);
        });
        keysAt.push(textKeys.length);
      }
      if (text === groupTexts[0]) {
        if (kind === 'title') titleText[drama] = textId;
        else if (kind === 'person' && personAt >= 0) nameText[personAt] = textId;
      }
      kinds[count] = kindId;
      dramaRows[count] = drama;
      personRows[count] = personAt;
      tracks[count] = track;
      textOf[count++] = textId;
    }
  });
  const section = new SectionWriter(SEARCH_MAGIC);
  for (const column of [kinds, dramaRows, personRows, tracks, textOf]) section.add(column.subarray(0, count));
  const encodedTexts = Utf16Table.encode(texts);
  section.add(encodedTexts.chars).add(encodedTexts.offsets);
  writeKeyTables(section, pools, textOf.subarray(0, count), keysAt.view(), textKeys.view(), WORD_SLOTS);
  section.add(titleText).add(nameText);
  return section.finish();
}

/** Start-up: views over the section's bytes, nothing copied or decoded. */
export function openSearchIndex(bytes: Uint8Array): SearchIndex {
  const section = new SectionReader(bytes, SEARCH_MAGIC, 'search index');
  const kinds = section.uint8();
  const dramaRows = section.int32();
  const personRows = section.int32();
  const tracks = section.int32();
  const textOf = section.int32();
  const texts = new Utf16Table(section.uint16(), section.int32());
  const tables = SPACES.map(() => ({
    keys: new Utf16Table(section.uint16(), section.int32()),
    start: section.int32(),
    postings: section.int32(),
  }));
  const titleText = section.int32();
  const nameText = section.int32();
  const index: SearchIndex = {
    entryCount: kinds.length,
    titleText,
    nameText,
    kinds,
    dramaRows,
    personRows,
    tracks,
    textOf,
    texts,
    tables,
    entry: (id) => entryAt(index, id),
  };
  return index;
}

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  return openSearchIndex(encodeSearchIndex(catalog.dramas, catalog.people));
}

function entryAt(index: SearchIndex, id: number): Entry {
  const kind = ENTRY_KINDS[index.kinds[id]!]!;
  const drama = index.dramaRows[id]!;
  const person = index.personRows[id]!;
  const ref: EntryRef =
    kind === 'title'
      ? { type: 'drama', drama }
      : kind === 'person'
        ? { type: 'person', person }
        : kind === 'character'
          ? { type: 'character', person, drama }
          : { type: 'song', drama, track: index.tracks[id]! };
  return { id, kind, text: index.texts.string(index.textOf[id]!), ref };
}

/** The best score and match of each entry a query reached, in the order they were first reached. */
class Candidates {
  readonly slots = new Map<number, number>();
  ids: number[] = [];
  scores: number[] = [];
  matches: MatchKind[] = [];
  exactFound = false;

  constructor(private readonly accepts: (id: number) => boolean) {}

  offer(id: number, score: number, match: MatchKind): void {
    const slot = this.slots.get(id);
    if (slot === undefined) {
      if (!this.accepts(id)) {
        this.slots.set(id, -1);
        return;
      }
      this.slots.set(id, this.ids.length);
      this.ids.push(id);
      this.scores.push(score);
      this.matches.push(match);
    } else if (slot >= 0 && this.scores[slot]! < score) {
      this.scores[slot] = score;
      this.matches[slot] = match;
    } else if (slot < 0) return;
    if (match === 'exact') this.exactFound = true;
  }

  get size(): number {
    return this.ids.length;
  }
}

function acceptor(index: SearchIndex, accept: EntryFilter): (id: number) => boolean {
  if (typeof accept === 'function') return (id) => accept(entryAt(index, id));
  let mask = 0;
  for (const kind of accept) mask |= 1 << ENTRY_KINDS.indexOf(kind);
  return (id) => (mask & (1 << index.kinds[id]!)) !== 0;
}

/** A matching entry, by id: what the search surfaces rank before deciding which records to decode. */
export interface Hit {
  id: number;
  score: number;
  match: MatchKind;
}

/** Entries whose text matches the query, best first: exact > prefix > fuzzy, spelling as typed first. */
export function findHits(index: SearchIndex, query: string, accept: EntryFilter, limit = 100): Hit[] {
  const found = new Candidates(acceptor(index, accept));
  const keys = queryKeys(query);
  for (const [space, q] of keys) {
    if (!q) continue;
    const { keys: table, start, postings } = index.tables[space]!;
    const from = table.lowerBound(q);
    const end = Math.min(table.count, from + PREFIX_SCAN_LIMIT);
    for (let k = from; k < end; k++) {
      if (!table.startsWith(k, q)) break;
      const length = table.length(k);
      const exact = length === q.length;
      // A small bonus for covering more of the key keeps "Vincenzo" above "Vincenzo Cassano" for "vincenzo".
      const closeness = q.length / length;
      for (let p = start[k]!; p < start[k + 1]!; p++) {
        const posting = postings[p]!;
        const whole = posting % WORD_SLOTS === 0;
        found.offer(
          Math.floor(posting / WORD_SLOTS),
          prefixScore(space, exact, whole, closeness),
          exact && whole ? 'exact' : 'prefix',
        );
      }
    }
  }
  // Typos are looked for only when the text as typed matches next to nothing, and never when it
  // names something exactly (a full character name that three dramas share is typed right).
  if (!found.exactFound && found.size < Math.min(limit, FUZZY_WHEN_FEWER_THAN)) {
    for (const [space, q] of keys) if (space <= 1) fuzzyScan(index.tables[space]!, space, q, found);
  }
  const order = found.ids.map((_, slot) => slot);
  order.sort((a, b) => found.scores[b]! - found.scores[a]! || found.ids[a]! - found.ids[b]!);
  return order
    .slice(0, limit)
    .map((slot) => ({ id: found.ids[slot]!, score: found.scores[slot]!, match: found.matches[slot]! }));
}

/** findHits with each hit's entry decoded. */
export function findEntries(index: SearchIndex, query: string, accept: EntryFilter, limit = 100): EntryHit[] {
  return findHits(index, query, accept, limit).map(({ id, score, match }) => ({
    entry: entryAt(index, id),
    score,
    match,
  }));
}

/** The text of a song entry's track title (the first text of its group: the entries of one track are side by side). */
export function songTitleText(index: SearchIndex, id: number): number {
  let first = id;
  while (
    first > 0 &&
    index.kinds[first - 1] === index.kinds[id] &&
    index.dramaRows[first - 1] === index.dramaRows[id] &&
    index.tracks[first - 1] === index.tracks[id]
  )
    first--;
  return index.textOf[first]!;
}

/** Keys within a few typos of the query, read from the ranges where they can be (fuzzyPrefixRounds). */
function fuzzyScan({ keys, start, postings }: KeyTable, space: number, q: string, found: Candidates): void {
  const max = fuzzyEdits(space, q);
  if (max === 0) return;
  for (const prefixes of fuzzyPrefixRounds(q)) {
    let any = false;
    for (const prefix of prefixes) {
      const from = keys.lowerBound(prefix);
      const to = keys.prefixEnd(prefix, from);
      keysWithinEdits(keys, from, to, q, max, (k, d) => {
        any = true;
        const closeness = Math.min(1, q.length / keys.length(k));
        for (let p = start[k]!; p < start[k + 1]!; p++) {
          const posting = postings[p]!;
          found.offer(
            Math.floor(posting / WORD_SLOTS),
            fuzzyScore(space, d, posting % WORD_SLOTS === 0, closeness),
            'fuzzy',
          );
        }
      });
    }
    if (any) return;
  }
}
