import type { Catalog } from '../catalog/catalog.ts';
import { keysWithinEdits, lowerBound } from './fuzzy-walk.ts';
import {
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

/**
 * The search index as it was before the compiled catalog (issue 17): JS objects, string keys,
 * records by id. Kept only as the reference the byte index (search-index.ts) is tested against and
 * as the old side of the benchmark; delete it when issue 17 closes.
 */
type PlainRef =
  | { type: 'drama'; dramaId: string }
  | { type: 'person'; personId: string }
  | { type: 'character'; personId: string; dramaId: string }
  | { type: 'song'; dramaId: string; track: number };

export interface PlainEntry {
  id: number;
  kind: EntryKind;
  text: string;
  ref: PlainRef;
}

interface PlainHit {
  entry: PlainEntry;
  score: number;
  match: MatchKind;
}

interface KeyTable {
  keys: string[];
  start: Int32Array;
  postings: Int32Array;
}

export interface PlainSearchIndex {
  entries: PlainEntry[];
  tables: KeyTable[];
}

class KeyTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private readonly values: number[] = [];

  add(key: string, posting: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    this.owners.push(id);
    this.values.push(posting);
  }

  build(): KeyTable {
    const keys = [...this.keys].sort();
    const rank = new Int32Array(keys.length);
    keys.forEach((key, k) => {
      rank[this.ids.get(key)!] = k;
    });
    const start = new Int32Array(keys.length + 1);
    for (const owner of this.owners) start[rank[owner]! + 1]! += 1;
    for (let k = 0; k < keys.length; k++) start[k + 1]! += start[k]!;
    const cursor = start.slice(0, keys.length);
    const postings = new Int32Array(this.values.length);
    this.values.forEach((value, p) => {
      postings[cursor[rank[this.owners[p]!]!]!++] = value;
    });
    return { keys, start, postings };
  }
}

export function buildPlainSearchIndex(catalog: Catalog): PlainSearchIndex {
  const entries: PlainEntry[] = [];
  const builders = SPACES.map(() => new KeyTableBuilder());
  forEachTextGroup(catalog.dramas, catalog.people, ({ kind, texts, drama, person, track }) => {
    const dramaId = drama >= 0 ? catalog.dramas[drama]!.id : '';
    const ref: PlainRef =
      kind === 'title'
        ? { type: 'drama', dramaId }
        : kind === 'person'
          ? { type: 'person', personId: person! }
          : kind === 'character'
            ? { type: 'character', personId: person!, dramaId }
            : { type: 'song', dramaId, track };
    for (const text of texts) {
      const id = entries.length;
      entries.push({ id, kind, text, ref });
      forEachTextKey(text, (space, key, word) => builders[space]!.add(key, id * WORD_SLOTS + word));
    }
  });
  return { entries, tables: builders.map((b) => b.build()) };
}

/** Entries whose text matches the query, best first: exact > prefix > fuzzy, spelling as typed first. */
export function findPlainEntries(
  index: PlainSearchIndex,
  query: string,
  accept: (entry: PlainEntry) => boolean,
  limit = 100,
): PlainHit[] {
  const best = new Map<number, PlainHit>();
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
    const table = index.tables[space]!;
    const from = lowerBound(table.keys, q);
    const end = Math.min(table.keys.length, from + PREFIX_SCAN_LIMIT);
    for (let k = from; k < end; k++) {
      const key = table.keys[k]!;
      if (!key.startsWith(q)) break;
      const exact = key.length === q.length;
      const closeness = q.length / key.length;
      for (let p = table.start[k]!; p < table.start[k + 1]!; p++) {
        const posting = table.postings[p]!;
        const whole = posting % WORD_SLOTS === 0;
        offer(
          Math.floor(posting / WORD_SLOTS),
          prefixScore(space, exact, whole, closeness),
          exact && whole ? 'exact' : 'prefix',
        );
      }
    }
  }
  if (!exactFound && best.size < Math.min(limit, FUZZY_WHEN_FEWER_THAN)) {
    for (const [space, q] of keys) {
      const max = space <= 1 ? fuzzyEdits(space, q) : 0;
      if (max === 0) continue;
      const table = index.tables[space]!;
      for (const prefixes of fuzzyPrefixRounds(q)) {
        let found = false;
        for (const prefix of prefixes) {
          const from = lowerBound(table.keys, prefix);
          const to = lowerBound(table.keys, `${prefix}\uffff`, from);
          keysWithinEdits(table.keys, from, to, q, max, (k, d) => {
            found = true;
            const closeness = Math.min(1, q.length / table.keys[k]!.length);
            for (let p = table.start[k]!; p < table.start[k + 1]!; p++) {
              const posting = table.postings[p]!;
              offer(
                Math.floor(posting / WORD_SLOTS),
                fuzzyScore(space, d, posting % WORD_SLOTS === 0, closeness),
                'fuzzy',
              );
            }
          });
        }
        if (found) break;
      }
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entry.id - b.entry.id).slice(0, limit);
}
