import type { Drama } from '../data/schema.ts';
import {
  biggestSoundtrackRows,
  type CatalogColumns,
  CreditListing,
  collate,
  dayNumber,
  dramaCredits,
  dramasPerTag,
  genreMaskOf,
  sharedColumns,
  newestFirstOrder,
  type PeopleLists,
  roleIndex,
  type StarEntry,
  starColumns,
  starOf,
  statusOf,
  strongestFirst,
  writeColumns,
} from './columns.ts';

/**
 * An incremental compile's columns: the previous columns (typed arrays) with the changed dramas
 * spliced in, giving exactly the bytes encodeColumns gives on the whole new record set, without
 * decoding one unchanged record. The people are the previous build's (a person edit is a full
 * compile). Rows may come and go: `previousRow[row]` is the previous row of an unchanged drama,
 * undefined for an edited or added one (whose record `changed(row)` gives).
 *
 * Orderings keep the previous order of the rows no edit moved and insert the others by binary
 * search, so titles, names and ids are read only for the few comparisons that need them
 * (from the search section's texts and the ids section, through the functions given).
 */
export interface ColumnsPatch {
  previous: CatalogColumns;
  previousRow: ReadonlyArray<number | undefined>;
  changed(row: number): Drama;
  personRow(id: string): number | undefined;
  /** Title of a new row that has a previous row (same-day ties of newestFirst). */
  title(row: number): string;
  /** Id of a new row that has a previous row (star power ties). */
  dramaId(row: number): string;
  personId(personRow: number): string;
  personName(personRow: number): string;
  /** Distinct source pages over every record of the new catalog. */
  sourcePages: number;
}

export function patchColumns(patch: ColumnsPatch): Uint8Array {
  const { previous: old, previousRow } = patch;
  const n = previousRow.length;
  const personCount = old.personCount;
  const records = new Map<number, Drama>();
  previousRow.forEach((before, row) => {
    if (before === undefined) records.set(row, patch.changed(row));
  });
  const changedRows = [...records.keys()];
  const newRowOf = new Int32Array(old.dramaCount).fill(-1);
  previousRow.forEach((before, row) => {
    if (before !== undefined) newRowOf[before] = row;
  });
  const scalar = <A extends Int32Array | Uint16Array | Uint8Array>(
    Column: new (length: number) => A,
    before: A,
    of: (d: Drama) => number,
  ): A => {
    const column = new Column(n);
    for (let row = 0; row < n; row++) {
      const at = previousRow[row];
      column[row] = at === undefined ? of(records.get(row)!) : before[at]!;
    }
    return column;
  };
  const firstAirDay = scalar(Int32Array, old.firstAirDay, (d) => dayNumber(d.firstAirDate));
  const soundtrackCount = scalar(Uint16Array, old.soundtrackCount, (d) => d.soundtrack?.length ?? 0);

  const splice = <A extends Int32Array | Uint16Array | Uint8Array>(
    Items: new (length: number) => A,
    start: Int32Array,
    items: A,
    listOf: (d: Drama) => readonly unknown[] | undefined,
    itemsOf: (d: Drama) => readonly number[],
    map?: (item: number) => number,
  ) => spliceLists(previousRow, records, Items, start, items, (d) => listOf(d)?.length ?? 0, itemsOf, map);

  const networkNames = new Vocabulary(old.networks);
  const networks = splice(
    Uint16Array,
    old.networkStart,
    old.networkIds,
    (d) => d.networks,
    (d) => d.networks.map(networkNames.id),
    networkNames.of,
  );
  const tagNames = new Vocabulary(old.tags);
  const tags = splice(
    Int32Array,
    old.tagStart,
    old.tagIds,
    (d) => d.tags,
    (d) => (d.tags ?? []).map(tagNames.id),
    tagNames.of,
  );
  const rowsOf = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => patch.personRow(id) ?? -1);
  const castOf = (d: Drama) => d.cast;
  const cast = splice(Int32Array, old.castStart, old.castPerson, castOf, (d) => rowsOf(d.cast.map((c) => c.person)));
  const castRole = splice(Uint8Array, old.castStart, old.castRole, castOf, (d) => d.cast.map((c) => roleIndex(c.role)));
  const directors = splice(
    Int32Array,
    old.directorStart,
    old.directorPerson,
    (d) => d.directors,
    (d) => rowsOf(d.directors),
  );
  const writers = splice(
    Int32Array,
    old.writerStart,
    old.writerPerson,
    (d) => d.writers,
    (d) => rowsOf(d.writers),
  );
  const tagDramas = dramasPerTag(tags.start, tags.items, tagNames.names.length);

  const titleOf = (row: number) => records.get(row)?.title ?? patch.title(row);
  const newestFirst = merge(
    keptInOrder(old.newestFirst, newRowOf),
    changedRows,
    newestFirstOrder(firstAirDay, titleOf),
  );

  const credits = patchedCredits(old, previousRow, records, newestFirst, cast, patch.personRow);
  const castCredits = credits.counts[0]!;
  const totalOf = (start: Int32Array, p: number) => start[p + 1]! - start[p]!;
  const creditsMoved: number[] = [];
  for (let p = 0; p < personCount; p++)
    if (totalOf(credits.start, p) !== totalOf(old.creditStart, p)) creditsMoved.push(p);
  const moved = new Uint8Array(personCount);
  for (const p of creditsMoved) moved[p] = 1;
  const mostCredited = merge(
    old.mostCredited.filter((p) => !moved[p]),
    creditsMoved,
    (a, b) =>
      totalOf(credits.start, b) - totalOf(credits.start, a) ||
      collate(patch.personName(a), patch.personName(b)) ||
      a - b,
  );

  const stars = patchedStars(patch, records, newRowOf, cast, castRole, castCredits);

  return writeColumns({
    ...sharedColumns({
      networks,
      tags,
      cast,
      directors,
      writers,
      tagDramas,
      credits,
      networkNames: networkNames.names,
      tagNames: tagNames.names,
    }),
    firstAirDay,
    year: scalar(Uint16Array, old.year, (d) => d.year),
    status: scalar(Uint8Array, old.status, statusOf),
    genreMask: scalar(Int32Array, old.genreMask, genreMaskOf),
    episodeCount: scalar(Uint16Array, old.episodeCount, (d) => d.episodeCount),
    soundtrackCount,
    castRole: castRole.items,
    group: old.group,
    isGroup: old.isGroup,
    memberStart: old.memberStart,
    members: old.members,
    newestFirst,
    biggestSoundtrack: biggestSoundtrackRows(newestFirst, soundtrackCount),
    mostCredited,
    ...starColumns(stars),
    totals: Int32Array.of(n, personCount, patch.sourcePages),
  });
}

/**
 * A small vocabulary (networks, tags) renumbered in order of first appearance over the new rows,
 * as encodeColumns numbers it: previous ids map through their names.
 */
class Vocabulary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly fromPrevious: Int32Array;

  constructor(private readonly previous: readonly string[]) {
    this.fromPrevious = new Int32Array(previous.length).fill(-1);
  }

  id = (name: string): number => {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  };

  of = (previousId: number): number => {
    let id = this.fromPrevious[previousId]!;
    if (id < 0) this.fromPrevious[previousId] = id = this.id(this.previous[previousId]!);
    return id;
  };
}

/**
 * A per-drama list (CSR) over the new rows: unchanged rows' items copied (through `map` when given,
 * called in row order), changed rows' from their records (`itemsOf`, also called in row order).
 */
function spliceLists<A extends Int32Array | Uint16Array | Uint8Array>(
  previousRow: ReadonlyArray<number | undefined>,
  records: ReadonlyMap<number, Drama>,
  Items: new (length: number) => A,
  start: Int32Array,
  items: A,
  lengthOf: (d: Drama) => number,
  itemsOf: (d: Drama) => readonly number[],
  map?: (item: number) => number,
): { start: Int32Array; items: A } {
  const n = previousRow.length;
  const newStart = new Int32Array(n + 1);
  for (let row = 0; row < n; row++) {
    const at = previousRow[row];
    const length = at === undefined ? lengthOf(records.get(row)!) : start[at + 1]! - start[at]!;
    newStart[row + 1] = newStart[row]! + length;
  }
  const newItems = new Items(newStart[n]!);
  let out = 0;
  for (let row = 0; row < n; row++) {
    const at = previousRow[row];
    if (at === undefined) for (const item of itemsOf(records.get(row)!)) newItems[out++] = item;
    else if (map === undefined) {
      newItems.set(items.subarray(start[at]!, start[at + 1]!), out);
      out += start[at + 1]! - start[at]!;
    } else for (let k = start[at]!; k < start[at + 1]!; k++) newItems[out++] = map(items[k]!);
  }
  return { start: newStart, items: newItems };
}

/** The previous order's rows that are still there, as new rows, in the same order. */
function keptInOrder(order: Int32Array, newRowOf: Int32Array): Int32Array {
  const kept = new Int32Array(order.length);
  let n = 0;
  for (const row of order) if (newRowOf[row]! >= 0) kept[n++] = newRowOf[row]!;
  return kept.subarray(0, n);
}

/**
 * `base` (sorted by `order`, a total order) with `added` inserted where they sort: each found by
 * binary search, so `order` runs O(added × log base) times.
 */
function merge(base: Int32Array, added: readonly number[], order: (a: number, b: number) => number): Int32Array {
  const sorted = [...added].sort(order);
  const out = new Int32Array(base.length + sorted.length);
  let from = 0;
  let at = 0;
  for (const item of sorted) {
    let low = from;
    let high = base.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (order(base[mid]!, item) < 0) low = mid + 1;
      else high = mid;
    }
    out.set(base.subarray(from, low), at);
    at += low - from;
    out[at++] = item;
    from = low;
  }
  out.set(base.subarray(from), at);
  return out;
}

/**
 * The credits CSR over the new rows. A drama's credits are listed in the same order whatever the
 * others hold, and a person's credits within one drama stay together in that order: so an unchanged
 * drama's credits are the previous ones (grouped back by drama), and only changed dramas list theirs.
 */
function patchedCredits(
  old: CatalogColumns,
  previousRow: ReadonlyArray<number | undefined>,
  records: ReadonlyMap<number, Drama>,
  newestFirst: Int32Array,
  cast: PeopleLists,
  personRow: (id: string) => number | undefined,
) {
  const oldCount = old.creditDrama.length;
  const creditPerson = new Int32Array(oldCount);
  for (let p = 0; p < old.personCount; p++) creditPerson.fill(p, old.creditStart[p]!, old.creditStart[p + 1]!);
  // The previous credits by drama row, in credit order (so per person in their drama order).
  const byDramaStart = new Int32Array(old.dramaCount + 1);
  for (let k = 0; k < oldCount; k++) byDramaStart[old.creditDrama[k]! + 1]! += 1;
  for (let r = 0; r < old.dramaCount; r++) byDramaStart[r + 1]! += byDramaStart[r]!;
  const byDrama = new Int32Array(oldCount);
  const next = byDramaStart.slice(0, old.dramaCount);
  for (let k = 0; k < oldCount; k++) byDrama[next[old.creditDrama[k]!]!++] = k;

  const fresh = new Map<number, ReturnType<typeof dramaCredits>>();
  let most = oldCount;
  for (const [row, d] of records) {
    const credits = dramaCredits(d, personRow);
    fresh.set(row, credits);
    most +=
      cast.start[row + 1]! -
      cast.start[row]! +
      credits.directors.length +
      credits.writers.length +
      credits.otherArtists.length +
      credits.tracks.reduce((m, t) => m + t.length, 0);
  }
  const listing = new CreditListing(most);
  for (const row of newestFirst) {
    const at = previousRow[row];
    if (at === undefined) listing.addDrama(row, cast, fresh.get(row)!);
    else
      for (let j = byDramaStart[at]!; j < byDramaStart[at + 1]!; j++) {
        const k = byDrama[j]!;
        listing.add(creditPerson[k], row, old.creditKind[k]!, old.creditItem[k]!);
      }
  }
  return listing.finish(old.personCount);
}

/**
 * Star power over the new rows: a drama keeps its previous entry unless it changed or one of its
 * leads' cast credits did; those are worked out again and inserted where they sort.
 */
function patchedStars(
  patch: ColumnsPatch,
  records: ReadonlyMap<number, Drama>,
  newRowOf: Int32Array,
  cast: PeopleLists,
  castRole: { items: Uint8Array },
  castCredits: Int32Array,
): StarEntry[] {
  const old = patch.previous;
  const creditsChanged = new Uint8Array(old.personCount);
  let any = false;
  for (let p = 0; p < old.personCount; p++)
    if (castCredits[p] !== old.castCredits[p]) {
      creditsChanged[p] = 1;
      any = true;
    }
  const affected = new Uint8Array(patch.previousRow.length);
  for (const row of records.keys()) affected[row] = 1;
  if (any)
    for (let row = 0; row < affected.length; row++)
      for (let k = cast.start[row]!; k < cast.start[row + 1]! && !affected[row]; k++)
        if (cast.items[k]! >= 0 && creditsChanged[cast.items[k]!]) affected[row] = 1;
  const kept: StarEntry[] = [];
  for (let i = 0; i < old.starDramas.length; i++) {
    const row = newRowOf[old.starDramas[i]!]!;
    if (row >= 0 && !affected[row])
      kept.push({ row, weight: old.starWeight[i]!, person: old.starPerson[i]!, credits: old.starCredits[i]! });
  }
  const added: StarEntry[] = [];
  affected.forEach((isAffected, row) => {
    if (!isAffected) return;
    const record = records.get(row);
    const personIdAt = (k: number) =>
      record ? record.cast[k - cast.start[row]!]!.person : cast.items[k]! < 0 ? '' : patch.personId(cast.items[k]!);
    const star = starOf(row, cast, castRole.items, castCredits, personIdAt);
    if (star) added.push(star);
  });
  const entries = [...kept, ...added];
  const order = strongestFirst((row) => records.get(row)?.id ?? patch.dramaId(row));
  const merged = merge(
    Int32Array.from(kept.keys()),
    added.map((_, i) => kept.length + i),
    (a, b) => order(entries[a]!, entries[b]!),
  );
  return Array.from(merged, (i) => entries[i]!);
}
