import { Int32Column } from '../binary/int32-column.ts';
import { PackedInts } from '../binary/packed-ints.ts';
import { SectionWriter } from '../binary/section.ts';
import { type TextTable, TextTableWriter } from '../binary/text-table.ts';
import { Utf16Table, writeCompactTable } from '../binary/utf16-table.ts';
import type { Drama } from '../data/schema.ts';
import { ENTRY_KINDS, forEachTextGroup, forEachTextWords, SPACES, WORD_SLOTS } from './indexed-texts.ts';
import { KEY_PACK, KeyPool } from './key-table-builder.ts';
import {
  SEARCH_MAGIC,
  openSearchIndex,
  subjectOf,
  textsAtMost,
  writeEntryColumns,
  type SearchIndex,
} from './search-index.ts';

/**
 * The search section after some dramas changed, made from the previous section instead of from
 * every record: unchanged dramas keep their entries, keys and postings (entry ids renumbered), and
 * only the new or edited dramas' texts are folded and keyed, then merged into the sorted key
 * tables. At 100k dramas a full build folds 600k texts; an edit folds a few dozen, and the rest is
 * a few linear passes over typed arrays. The result answers every query as a full build of the
 * new records does (tested), so a later full compile changes nothing a user sees.
 *
 * `previousRow[r]` is the previous row of new drama row r, or undefined when drama r is new or
 * edited (`dramaAt(r)` is then its record). Unchanged dramas must keep their relative order (as
 * rows do when curated files are edited, added or removed); people must be unchanged.
 */
export function updateSearchIndex(
  previous: Uint8Array,
  previousRow: ReadonlyArray<number | undefined>,
  dramaAt: (row: number) => Drama,
  personRow: (id: string) => number | undefined,
): Uint8Array {
  const old = openSearchIndex(previous);
  const oldDramas = old.titleText.length;
  // Drama entries come first, row by row (old.dramaStart); people's after.
  const rowStart = old.dramaStart;

  let more = 0;
  previousRow.forEach((o, r) => {
    if (o === undefined) more += textsAtMost([dramaAt(r)], []);
  });
  const entries = new EntryColumns(old.entryCount + more, previousRow.length, old.personStart.length - 1);
  const newId = new Renumbering();
  const added = new AddedTexts(old.texts.count);
  const titleText = new Int32Array(previousRow.length).fill(-1);
  let lastOld = -1;
  for (let r = 0; r < previousRow.length; ) {
    const o = previousRow[r];
    if (o !== undefined) {
      // A run of unchanged dramas, consecutive before and after: their entries are copied at once.
      let end = r + 1;
      while (end < previousRow.length && previousRow[end] === o + (end - r)) end++;
      const last = o + (end - r) - 1;
      if (o <= lastOld || last >= oldDramas)
        throw new Error('updateSearchIndex: unchanged dramas must keep their order');
      lastOld = last;
      entries.copyRows(entries.dramaStart, r, rowStart, o, last + 1);
      entries.copyRun(old, rowStart[o]!, rowStart[last + 1]!, newId);
      titleText.set(old.titleText.subarray(o, last + 1), r);
      r = end;
      continue;
    }
    entries.dramaStart[r] = entries.count;
    forEachTextGroup([dramaAt(r)], [], ({ kind, texts, person, track }) => {
      const personAt = person === undefined ? -1 : (personRow(person) ?? -1);
      for (const text of texts) {
        const textId = added.textId(text);
        if (kind === 'title' && text === texts[0]) titleText[r] = textId;
        added.entry(entries.add(ENTRY_KINDS.indexOf(kind), subjectOf(kind, personAt, track), textId), textId);
      }
    });
    r++;
  }
  entries.dramaStart[previousRow.length] = entries.count;
  entries.copyRows(entries.personStart, 0, old.personStart, 0, old.personStart.length - 1);
  entries.copyRun(old, rowStart[oldDramas]!, old.entryCount, newId);
  entries.personStart[entries.personStart.length - 1] = entries.count;

  // Text ids as a full build numbers them, rewritten in place before the columns are written.
  const { texts, idOf } = added.renumberTexts(old.texts, entries.textOf.subarray(0, entries.count), titleText);
  const section = new SectionWriter(SEARCH_MAGIC);
  entries.write(section);
  texts.write(section);
  SPACES.forEach((_, space) => {
    mergeKeyTable(section, old.tables[space]!, newId, added.table(space));
  });
  section.add(titleText).add(Int32Array.from(old.nameText, (t) => (t < 0 ? t : idOf[t]!)));
  return section.finish();
}

/**
 * Where each old entry went: entries are copied in runs (the unchanged dramas between two edits),
 * each moved by one shift, so a few runs say it all, and a posting is renumbered by a binary
 * search over them instead of a read from a 2-million-entry array at a random place.
 */
class Renumbering {
  private readonly from = new Int32Column(16);
  private readonly to = new Int32Column(16);
  private readonly shift = new Int32Column(16);

  run(from: number, to: number, shift: number): void {
    if (from === to) return;
    this.from.push(from);
    this.to.push(to);
    this.shift.push(shift);
  }

  /** The new id of old entry e, or -1 when it was dropped. */
  of(e: number): number {
    const from = this.from.values;
    let low = 0;
    let high = this.from.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (from[mid]! <= e) low = mid + 1;
      else high = mid;
    }
    return low > 0 && e < this.to.values[low - 1]! ? e + this.shift.values[low - 1]! : -1;
  }
}

/** The new section's entry columns, old entries copied and new ones appended in row order. */
class EntryColumns {
  readonly kinds: Uint8Array;
  readonly subjects: Int32Array;
  readonly textOf: Int32Array;
  readonly dramaStart: Int32Array;
  readonly personStart: Int32Array;
  count = 0;

  constructor(capacity: number, dramas: number, people: number) {
    this.kinds = new Uint8Array(capacity);
    this.subjects = new Int32Array(capacity);
    this.textOf = new Int32Array(capacity);
    this.dramaStart = new Int32Array(dramas + 1);
    this.personStart = new Int32Array(people + 1);
  }

  add(kind: number, subject: number, text: number): number {
    if (this.count === this.kinds.length) throw new Error('updateSearchIndex: more entries than expected');
    const id = this.count++;
    this.kinds[id] = kind;
    this.subjects[id] = subject;
    this.textOf[id] = text;
    return id;
  }

  /** Rows [from, to) of an old start column, as rows from `at` on of `into`, before their entries are copied. */
  copyRows(into: Int32Array, at: number, old: Int32Array, from: number, to: number): void {
    const shift = this.count - old[from]!;
    for (let r = from; r < to; r++) into[at + r - from] = old[r]! + shift;
  }

  /** Old entries [from, to) appended; newId says where each went. */
  copyRun(old: SearchIndex, from: number, to: number, newId: Renumbering): void {
    const at = this.count;
    if (at + to - from > this.kinds.length) throw new Error('updateSearchIndex: more entries than expected');
    this.kinds.set(old.kinds.subarray(from, to), at);
    old.subjects.copyTo(from, to, this.subjects, at);
    old.textIds.copyTo(from, to, this.textOf, at);
    newId.run(from, to, at - from);
    this.count += to - from;
  }

  write(section: SectionWriter): void {
    writeEntryColumns(section, this);
  }
}

/** The texts of new and edited dramas, folded and keyed as a full build does, and their entries' keys. */
class AddedTexts {
  private readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly pools = SPACES.map(() => new KeyPool(256));
  private readonly keysAt = new Int32Column(256);
  private readonly textKeys = new Int32Column(1_024);
  /** (entry id, text id) of each new entry, in entry order. */
  private readonly entries = new Int32Column(256);
  private readonly scratch = new Int32Array(WORD_SLOTS);

  constructor(private readonly firstId: number) {
    this.keysAt.push(0);
  }

  textId(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.ids.set(text, id);
      forEachTextWords(text, (space, words, starts) => {
        this.pools[space]!.keyIds(words, starts, this.scratch);
        for (let w = 0; w < starts; w++) this.textKeys.push(this.scratch[w]! * KEY_PACK + space * WORD_SLOTS + w);
      });
      this.keysAt.push(this.textKeys.length);
    }
    return this.firstId + id;
  }

  entry(id: number, textId: number): void {
    this.entries.push(id);
    this.entries.push(textId - this.firstId);
  }

  /** The old text equal to new text i (a full build keys each distinct text once), or -1. */
  private sameOldTexts(old: TextTable): Int32Array {
    const same = new Int32Array(this.list.length).fill(-1);
    const wanted = new Map<number, number[]>();
    this.list.forEach((text, i) => {
      let h = 0;
      for (let c = 0; c < text.length; c++) h = (Math.imul(h, 31) + text.charCodeAt(c)) | 0;
      wanted.set(h, [...(wanted.get(h) ?? []), i]);
    });
    for (let t = 0; t < old.count; t++) {
      let h = 0;
      const length = old.length(t);
      for (let c = 0; c < length; c++) h = (Math.imul(h, 31) + old.code(t, c)) | 0;
      for (const i of wanted.get(h) ?? []) if (same[i]! < 0 && old.equals(t, this.list[i]!)) same[i] = t;
    }
    return same;
  }

  /**
   * The texts as a full build numbers them: each distinct text once, in the order entries first
   * use it (texts no entry uses any more left out). Rewrites textOf and titleText in place; idOf
   * maps an old text id to its new one.
   */
  renumberTexts(
    old: TextTable,
    textOf: Int32Array,
    titleText: Int32Array,
  ): { texts: TextTableWriter; idOf: Int32Array } {
    const same = this.sameOldTexts(old);
    const canonical = (t: number) => (t >= this.firstId && same[t - this.firstId]! >= 0 ? same[t - this.firstId]! : t);
    const idOf = new Int32Array(this.firstId + this.list.length).fill(-1);
    const order = new Int32Column(old.count + this.list.length);
    for (let e = 0; e < textOf.length; e++) {
      const t = canonical(textOf[e]!);
      if (idOf[t]! < 0) {
        idOf[t] = order.length;
        order.push(t);
      }
      textOf[e] = idOf[t]!;
    }
    for (let r = 0; r < titleText.length; r++) if (titleText[r]! >= 0) titleText[r] = idOf[canonical(titleText[r]!)]!;
    const texts = new TextTableWriter(order.length, old.bytes.length + 64 * this.list.length);
    for (let k = 0; k < order.length; k++) {
      const t = order.values[k]!;
      if (t < this.firstId) texts.copy(old, t);
      else texts.add(this.list[t - this.firstId]!);
    }
    return { texts, idOf };
  }

  /** The new keys of one space, sorted, with their postings in entry order. */
  table(space: number): { keys: Utf16Table; start: Int32Array; postings: Int32Array } {
    const pool = this.pools[space]!;
    const order = pool.sorted();
    const rank = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) rank[order[k]!] = k;
    const lists: number[][] = Array.from({ length: order.length }, () => []);
    const pairs = this.entries.view();
    for (let i = 0; i < pairs.length; i += 2) {
      const t = pairs[i + 1]!;
      for (let x = this.keysAt.values[t]!; x < this.keysAt.values[t + 1]!; x++) {
        const packed = this.textKeys.values[x]!;
        const slot = packed % KEY_PACK;
        if (((slot / WORD_SLOTS) | 0) !== space) continue;
        lists[rank[Math.floor(packed / KEY_PACK)]!]!.push(pairs[i]! * WORD_SLOTS + (slot % WORD_SLOTS));
      }
    }
    const start = new Int32Array(order.length + 1);
    lists.forEach((list, k) => {
      start[k + 1] = start[k]! + list.length;
    });
    const { chars, offsets } = pool.table(order);
    return { keys: new Utf16Table(chars, offsets), start, postings: Int32Array.from(lists.flat()) };
  }
}

/**
 * One key space's table: the old keys with their postings renumbered (those of dropped entries
 * left out, and a key left with none dropped, as a full build would never have made it) merged
 * with the new keys, in key order; a key in both gets both lists, merged by entry id. The new keys
 * are few: each finds its place among the old by binary search, and the old keys between are
 * copied in one tight loop.
 */
function mergeKeyTable(
  section: SectionWriter,
  old: SearchIndex['tables'][number],
  newId: Renumbering,
  added: { keys: Utf16Table; start: Int32Array; postings: Int32Array },
): void {
  const { start: oldStart, postings: oldPostings } = old;
  const oldCount = old.keys.count;
  const newCount = added.keys.count;
  const chars = new Uint16Array(old.keys.chars.length + added.keys.chars.length);
  const offsets = new Int32Array(oldCount + newCount + 1);
  const start = new Int32Array(oldCount + newCount + 1);
  const postings = new Int32Array(oldPostings.count + added.postings.length);
  let charCount = 0;
  let count = 0;
  let keys = 0;
  const renumbered = (p: number) => {
    const id = newId.of((p / WORD_SLOTS) | 0);
    return id < 0 ? -1 : id * WORD_SLOTS + (p % WORD_SLOTS);
  };
  /** Ends the key being written: kept when it has postings, with the code units of `table`'s key k. */
  const endKey = (before: number, table: Utf16Table, k: number) => {
    if (count === before) return;
    charCount = table.copyUnits(k, chars, charCount);
    keys++;
    offsets[keys] = charCount;
    start[keys] = count;
  };
  let i = 0;
  for (let j = 0; j <= newCount; j++) {
    const newKey = j < newCount ? added.keys.string(j) : '';
    const stop = j < newCount ? old.keys.lowerBound(newKey, i) : oldCount;
    for (; i < stop; i++) {
      const before = count;
      for (let p = oldStart.get(i), end = oldStart.get(i + 1); p < end; p++) {
        const posting = renumbered(oldPostings.get(p));
        if (posting >= 0) postings[count++] = posting;
      }
      if (count === before) continue;
      charCount = old.keys.copyUnits(i, chars, charCount);
      keys++;
      offsets[keys] = charCount;
      start[keys] = count;
    }
    if (j === newCount) break;
    const before = count;
    const shared = i < oldCount && old.keys.compare(i, newKey) === 0;
    // Both lists ascend by (new) entry id: merged.
    let a = shared ? oldStart.get(i) : 0;
    const aEnd = shared ? oldStart.get(i + 1) : 0;
    for (let b = added.start[j]!; b < added.start[j + 1]!; b++) {
      const posting = added.postings[b]!;
      for (; a < aEnd; a++) {
        const mine = renumbered(oldPostings.get(a));
        if (mine > posting) break;
        if (mine >= 0) postings[count++] = mine;
      }
      postings[count++] = posting;
    }
    for (; a < aEnd; a++) {
      const mine = renumbered(oldPostings.get(a));
      if (mine >= 0) postings[count++] = mine;
    }
    endKey(before, added.keys, j);
    if (shared) i++;
  }
  writeCompactTable(section, chars.subarray(0, charCount), offsets.subarray(0, keys + 1));
  section.add(PackedInts.encode(start, keys + 1)).add(PackedInts.encode(postings, count));
}
