import { SectionReader, SectionWriter } from '../binary/section.ts';
import { Utf16Table } from '../binary/utf16-table.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, Person } from '../data/schema.ts';
import { keysWithinEdits } from './fuzzy-walk.ts';
import {
  ENTRY_KINDS,
  forEachTextGroup,
  forEachTextKey,
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
  entry(id: number): Entry;
}

/** "SRCH" and the layout version: a section written by another layout is refused, not misread. */
const MAGIC = 0x5352_4301;

/** An Int32Array that grows, for the millions of (key, posting) pairs of a build. */
class Int32Column {
  values = new Int32Array(1_024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  done(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * The (key, posting) pairs of one key space as they come, each distinct key numbered once: one
 * small array per key (or one string per pair) is what made the build slow and the heap big.
 */
class KeyTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly owners = new Int32Column();
  private readonly values = new Int32Column();

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
    this.owners.push(keyId);
    this.values.push(posting);
  }

  /** keys: chars, offsets; then start; then postings. */
  write(section: SectionWriter): void {
    // The engine's own string sort: a comparator function over millions of keys is several times slower.
    const keys = [...this.keys].sort();
    const rank = new Int32Array(keys.length);
    keys.forEach((key, k) => {
      rank[this.ids.get(key)!] = k;
    });
    const owners = this.owners.values;
    const values = this.values.values;
    const count = this.owners.length;
    const start = new Int32Array(keys.length + 1);
    for (let p = 0; p < count; p++) start[rank[owners[p]!]! + 1]! += 1;
    for (let k = 0; k < keys.length; k++) start[k + 1]! += start[k]!;
    const cursor = start.slice(0, keys.length);
    const postings = new Int32Array(count);
    // In the order they came, so each key's postings stay sorted by entry id.
    for (let p = 0; p < count; p++) postings[cursor[rank[owners[p]!]!]!++] = values[p]!;
    const { chars, offsets } = Utf16Table.encode(keys);
    section.add(chars).add(offsets).add(start).add(postings);
  }
}

/** Compile time: the search section of these records, in catalog row order. */
export function encodeSearchIndex(dramas: readonly Drama[], people: readonly Person[]): Uint8Array {
  const personRow = new Map(people.map((p, row) => [p.id, row]));
  const builders = SPACES.map(() => new KeyTableBuilder());
  const kinds = new Int32Column();
  const dramaRows = new Int32Column();
  const personRows = new Int32Column();
  const tracks = new Int32Column();
  const textOf = new Int32Column();
  // Names recur (a surname, an actor in many dramas): each distinct text is folded and keyed once,
  // as (space, key id, word) triples in one shared pool, ended by -1.
  const texts: string[] = [];
  const textIds = new Map<string, number>();
  const keyedAt = new Int32Column();
  const triples = new Int32Column();
  forEachTextGroup(dramas, people, ({ kind, texts: groupTexts, drama, person, track }) => {
    const kindId = ENTRY_KINDS.indexOf(kind);
    const personAt = person === undefined ? -1 : (personRow.get(person) ?? -1);
    for (const text of groupTexts) {
      let textId = textIds.get(text);
      if (textId === undefined) {
        textId = texts.length;
        texts.push(text);
        textIds.set(text, textId);
        keyedAt.push(triples.length);
        forEachTextKey(text, (space, key, word) => {
          triples.push(space);
          triples.push(builders[space]!.keyId(key));
          triples.push(word);
        });
        triples.push(-1);
      }
      const id = kinds.length;
      kinds.push(kindId);
      dramaRows.push(drama);
      personRows.push(personAt);
      tracks.push(track);
      textOf.push(textId);
      const pool = triples.values;
      for (let t = keyedAt.values[textId]!; pool[t] !== -1; t += 3)
        builders[pool[t]!]!.add(pool[t + 1]!, id * WORD_SLOTS + pool[t + 2]!);
    }
  });
  const section = new SectionWriter(MAGIC);
  section.add(Uint8Array.from(kinds.done())).add(dramaRows.done()).add(personRows.done()).add(tracks.done());
  section.add(textOf.done());
  const encodedTexts = Utf16Table.encode(texts);
  section.add(encodedTexts.chars).add(encodedTexts.offsets);
  for (const builder of builders) builder.write(section);
  return section.finish();
}

/** Start-up: views over the section's bytes, nothing copied or decoded. */
export function openSearchIndex(bytes: Uint8Array): SearchIndex {
  const section = new SectionReader(bytes, MAGIC, 'search index');
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
  const index: SearchIndex = {
    entryCount: kinds.length,
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

/** Entries whose text matches the query, best first: exact > prefix > fuzzy, spelling as typed first. */
export function findEntries(index: SearchIndex, query: string, accept: EntryFilter, limit = 100): EntryHit[] {
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
  return order.slice(0, limit).map((slot) => ({
    entry: entryAt(index, found.ids[slot]!),
    score: found.scores[slot]!,
    match: found.matches[slot]!,
  }));
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
