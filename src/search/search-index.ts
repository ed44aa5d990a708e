import { Int32Column } from '../binary/int32-column.ts';
import { PackedInts } from '../binary/packed-ints.ts';
import { SectionReader, SectionWriter } from '../binary/section.ts';
import { readTextTable, type TextTable, TextTableWriter } from '../binary/text-table.ts';
import { readCompactTable, type Utf16Table } from '../binary/utf16-table.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person } from '../data/schema.ts';
import { keysWithinEdits } from './fuzzy-walk.ts';
import { KEY_PACK, KeyPool, writeKeyTables } from './key-table-builder.ts';
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
 * and keys as code units, postings as integers, all views over one byte buffer that worker threads
 * may share. Records are referred to by row (catalog.dramas[row], catalog.people[row]); an Entry
 * object is made only for the hits a query returns. Each array is as small as its values allow
 * (issue 17: the section is most of what each bot process holds): integers in the bytes the
 * largest needs (PackedInts), keys one byte per code unit through an alphabet, texts one byte per
 * code unit unless one needs two, and rows that entries follow in order found from where each
 * row's entries start rather than stored per entry.
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

/**
 * The keys of one key space, sorted, each with its postings: keys[k]'s are postings[start[k] … start[k + 1]),
 * packed (a posting is entry id × WORD_SLOTS + word: 3 bytes while there are fewer than 2 million entries).
 */
interface KeyTable {
  keys: Utf16Table;
  start: PackedInts;
  postings: PackedInts;
}

export interface SearchIndex {
  readonly entryCount: number;
  /** Per entry: its kind (ENTRY_KINDS index). */
  readonly kinds: Uint8Array;
  /**
   * Entries are made drama by drama, then person by person (forEachTextGroup): drama row r's are
   * dramaStart[r] … dramaStart[r + 1], person row p's personStart[p] … personStart[p + 1], so
   * neither row is stored per entry.
   */
  readonly dramaStart: Int32Array;
  readonly personStart: Int32Array;
  /** Per entry: a character's person row + 1 (0: none), a song's track number; 0 for the others. */
  readonly subjects: PackedInts;
  /** Per entry: its text (texts). */
  readonly textIds: PackedInts;
  readonly texts: TextTable;
  readonly tables: readonly KeyTable[];
  /** Per drama row: its title's text (what results are labelled and tie-ordered by); per person row: its name's. */
  readonly titleText: Int32Array;
  readonly nameText: Int32Array;
  entry(id: number): Entry;
  /** The drama row of a title, character or song entry; -1 for a person. */
  dramaRow(id: number): number;
  /** The person row of a person or character entry; -1 for the others (or a cast member not in the catalog). */
  personRow(id: number): number;
  /** A song entry's track number; 0 for the others. */
  track(id: number): number;
  /** The entry's text id. */
  textOf(id: number): number;
}

/** "SRCH" and the layout version: a section written by another layout is refused, not misread. */
export const SEARCH_MAGIC = 0x5352_4304;

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
  const subjects = new Int32Array(most);
  const textOf = new Int32Array(most);
  const dramaStart = new Int32Array(dramas.length + 1);
  const personStart = new Int32Array(people.length + 1);
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
      if (kind === 'person') personStart[personAt + 1]! += 1;
      else dramaStart[drama + 1]! += 1;
      kinds[count] = kindId;
      subjects[count] = subjectOf(kind, personAt, track);
      textOf[count++] = textId;
    }
  });
  for (let r = 0; r < dramas.length; r++) dramaStart[r + 1]! += dramaStart[r]!;
  personStart[0] = dramaStart[dramas.length]!;
  for (let p = 0; p < people.length; p++) personStart[p + 1]! += personStart[p]!;
  const section = new SectionWriter(SEARCH_MAGIC);
  writeEntryColumns(section, { count, kinds, dramaStart, personStart, subjects, textOf });
  const textTable = new TextTableWriter(texts.length);
  for (const text of texts) textTable.add(text);
  textTable.write(section);
  writeKeyTables(section, pools, textOf.subarray(0, count), keysAt.view(), textKeys.view(), WORD_SLOTS);
  section.add(titleText).add(nameText);
  return section.finish();
}

/** What an entry's `subjects` value is: a character's person row + 1, a song's track number. */
export function subjectOf(kind: EntryKind, personAt: number, track: number): number {
  return kind === 'character' ? personAt + 1 : kind === 'song' ? track : 0;
}

/** The entry columns as a build holds them (subjects and textOf as plain numbers), written to a section. */
export interface EntryColumnsBuilt {
  count: number;
  kinds: Uint8Array;
  dramaStart: Int32Array;
  personStart: Int32Array;
  subjects: Int32Array;
  textOf: Int32Array;
}

export function writeEntryColumns(section: SectionWriter, c: EntryColumnsBuilt): void {
  section
    .add(c.kinds.subarray(0, c.count))
    .add(c.dramaStart)
    .add(c.personStart)
    .add(PackedInts.encode(c.subjects, c.count))
    .add(PackedInts.encode(c.textOf, c.count));
}

/**
 * The row of an entry, for rows whose entries are consecutive (start[r] is row r's first): the row
 * of every 64th entry is kept (a small array made at open), and a few steps forward from it find
 * the row, where a binary search over 100k rows took 17 (a search ranks up to 200 hits).
 */
class RowsOfEntries {
  private readonly hint: Int32Array;

  constructor(private readonly start: Int32Array) {
    const rows = start.length - 1;
    const first = start[0] ?? 0;
    this.hint = new Int32Array((((start[rows] ?? 0) - first) >> 6) + 1);
    let r = 0;
    for (let b = 0; b < this.hint.length; b++) {
      while (r + 1 < rows && start[r + 1]! <= first + (b << 6)) r++;
      this.hint[b] = r;
    }
  }

  /** The last row whose first entry is at or before entry e (rows may be empty). */
  rowOf(e: number): number {
    let r = this.hint[(e - this.start[0]!) >> 6]!;
    while (this.start[r + 1]! <= e) r++;
    return r;
  }
}

/** Start-up: views over the section's bytes, nothing copied or decoded. */
export function openSearchIndex(bytes: Uint8Array): SearchIndex {
  const section = new SectionReader(bytes, SEARCH_MAGIC, 'search index');
  const kinds = section.uint8();
  const dramaStart = section.int32();
  const personStart = section.int32();
  const subjects = new PackedInts(section.uint8(), kinds.length);
  const textIds = new PackedInts(section.uint8(), kinds.length);
  const texts = readTextTable(section);
  const tables = SPACES.map(() => {
    const keys = readCompactTable(section);
    const start = new PackedInts(section.uint8(), keys.count + 1);
    return { keys, start, postings: new PackedInts(section.uint8(), start.get(keys.count)) };
  });
  const titleText = section.int32();
  const nameText = section.int32();
  const firstPersonEntry = dramaStart[dramaStart.length - 1]!;
  const dramaOf = new RowsOfEntries(dramaStart);
  const personOf = new RowsOfEntries(personStart);
  const index: SearchIndex = {
    entryCount: kinds.length,
    titleText,
    nameText,
    kinds,
    dramaStart,
    personStart,
    subjects,
    textIds,
    texts,
    tables,
    entry: (id) => entryAt(index, id),
    dramaRow: (id) => (id < firstPersonEntry ? dramaOf.rowOf(id) : -1),
    personRow: (id) => {
      const kind = kinds[id]!;
      return kind === PERSON ? personOf.rowOf(id) : kind === CHARACTER ? subjects.get(id) - 1 : -1;
    },
    track: (id) => (kinds[id] === SONG ? subjects.get(id) : 0),
    textOf: (id) => textIds.get(id),
  };
  return index;
}

const PERSON = ENTRY_KINDS.indexOf('person');
const CHARACTER = ENTRY_KINDS.indexOf('character');
const SONG = ENTRY_KINDS.indexOf('song');

export function buildSearchIndex(catalog: Catalog): SearchIndex {
  return openSearchIndex(encodeSearchIndex(catalog.dramas, catalog.people));
}

function entryAt(index: SearchIndex, id: number): Entry {
  const kind = ENTRY_KINDS[index.kinds[id]!]!;
  const ref: EntryRef =
    kind === 'title'
      ? { type: 'drama', drama: index.dramaRow(id) }
      : kind === 'person'
        ? { type: 'person', person: index.personRow(id) }
        : kind === 'character'
          ? { type: 'character', person: index.personRow(id), drama: index.dramaRow(id) }
          : { type: 'song', drama: index.dramaRow(id), track: index.track(id) };
  return { id, kind, text: index.texts.string(index.textOf(id)), ref };
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
      for (let p = start.get(k), end = start.get(k + 1); p < end; p++) {
        const posting = postings.get(p);
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
  const { kinds, subjects } = index;
  const firstOfDrama = index.dramaStart[index.dramaRow(id)]!;
  let first = id;
  while (first > firstOfDrama && kinds[first - 1] === kinds[id] && subjects.get(first - 1) === subjects.get(id))
    first--;
  return index.textOf(first);
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
        for (let p = start.get(k), end = start.get(k + 1); p < end; p++) {
          const posting = postings.get(p);
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
