/**
 * Typo search over a sorted key list, walked as if it were a trie. Neighbouring keys share
 * prefixes, so the edit-distance rows of a shared prefix are computed once; and once every cell of
 * a row is beyond the allowed typos, no key with that prefix can match, so the whole run of keys
 * under it is skipped with one binary search. The work follows the few prefixes that stay within
 * reach of the query, not the number of keys (a linear scan read 40,000 keys at 100k dramas).
 */

/** The first index in [lo, hi) of a sorted list whose string is not below q. */
export function lowerBound(keys: readonly string[], q: string, lo = 0, hi = keys.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list of keys read code unit by code unit: a string array, or a table of UTF-16 code units. */
export interface SortedKeys {
  length(k: number): number;
  /** Key k's first n code units into `into` (n at most its length). */
  prefixUnits(k: number, into: Uint16Array, n: number): void;
  /** The end of the run of keys, from k on (below hi), that share key k's first `length` code units. */
  runEnd(k: number, length: number, hi: number): number;
}

class StringKeys implements SortedKeys {
  constructor(private readonly keys: readonly string[]) {}
  length(k: number): number {
    return this.keys[k]!.length;
  }
  prefixUnits(k: number, into: Uint16Array, n: number): void {
    const key = this.keys[k]!;
    for (let c = 0; c < n; c++) into[c] = key.charCodeAt(c);
  }
  runEnd(k: number, length: number, hi: number): number {
    // '\uffff' sorts after every UTF-16 code unit a key can hold next.
    return lowerBound(this.keys, `${this.keys[k]!.slice(0, length)}\uffff`, k + 1, hi);
  }
}

let rows: Int32Array[] = [];
let best = new Int32Array(0);
// The code units of the key being walked and of the one before (read once per key, not per step).
let units = new Uint16Array(0);
let previousUnits = new Uint16Array(0);

/**
 * Calls `visit(k, distance)` for each key in keys[from, to) whose closest prefix is at most `max`
 * edits from q (optimal string alignment: a swap of neighbouring letters is one edit). Gives the
 * same distances as prefixDistance, key by key.
 */
export function keysWithinEdits(
  list: readonly string[] | SortedKeys,
  from: number,
  to: number,
  q: string,
  max: number,
  visit: (k: number, distance: number) => void,
): void {
  const keys: SortedKeys = Array.isArray(list) ? new StringKeys(list) : (list as SortedKeys);
  const n = q.length;
  // Past n + max characters of a key, its closest prefix is already known.
  const deepest = n + max;
  if (rows.length <= deepest || rows[0]!.length <= n) {
    rows = Array.from({ length: deepest + 8 }, () => new Int32Array(n + 16));
    best = new Int32Array(deepest + 8);
  }
  if (units.length < deepest) {
    units = new Uint16Array(deepest + 8);
    previousUnits = new Uint16Array(deepest + 8);
  }
  const first = rows[0]!;
  for (let i = 0; i <= n; i++) first[i] = i;
  best[0] = n;
  // rows[0..valid] hold the rows of the previous key's first `valid` characters.
  let valid = 0;
  let k = from;
  while (k < to) {
    const keyLength = keys.length(k);
    const target = Math.min(keyLength, deepest);
    keys.prefixUnits(k, units, target);
    let depth = 0;
    const shared = Math.min(valid, keyLength);
    while (depth < shared && units[depth] === previousUnits[depth]) depth++;
    let unreachable = false;
    while (depth < target) {
      const j = depth + 1;
      const above = rows[j - 1]!;
      const current = rows[j]!;
      const twoAbove = j > 1 ? rows[j - 2]! : above;
      const c = units[j - 1]!;
      const before = j > 1 ? units[j - 2]! : -1;
      current[0] = j;
      let rowMin = j;
      for (let i = 1; i <= n; i++) {
        const qc = q.charCodeAt(i - 1);
        let value = Math.min(above[i]! + 1, current[i - 1]! + 1, above[i - 1]! + (qc === c ? 0 : 1));
        if (i > 1 && j > 1 && qc === before && q.charCodeAt(i - 2) === c && twoAbove[i - 2]! + 1 < value)
          value = twoAbove[i - 2]! + 1;
        current[i] = value;
        if (value < rowMin) rowMin = value;
      }
      best[j] = Math.min(best[j - 1]!, current[n]!);
      depth = j;
      if (rowMin > max) {
        unreachable = true;
        break;
      }
    }
    [units, previousUnits] = [previousUnits, units];
    valid = depth;
    const distance = best[depth]!;
    if (unreachable || depth === deepest) {
      // Every key under this prefix ends with the same closest-prefix distance.
      const end = keys.runEnd(k, depth, to);
      if (distance <= max) for (let x = k; x < end; x++) visit(x, distance);
      k = end;
    } else {
      if (distance <= max) visit(k, distance);
      k++;
    }
  }
}

/**
 * Edit distance between q and the closest prefix of key (optimal string alignment: a swap of two
 * neighbouring letters counts as one typo), or max + 1 when it is more than max.
 * "sountrack" is 1 edit from "soundtrack1", "hopsital" 1 from "hospital". The one-key form of
 * keysWithinEdits, which the tests hold it to.
 */
export function prefixDistance(q: string, key: string, max: number): number {
  const n = q.length;
  if (key.length < n - max) return max + 1;
  if (oneKeyRows[0].length <= n) oneKeyRows = [0, 1, 2].map(() => new Int32Array(n + 16)) as typeof oneKeyRows;
  // Three reused rows: two back, one back, current.
  let [before, previous, current] = oneKeyRows;
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
      if (i > 1 && j > 1 && c === key.charCodeAt(j - 2) && q.charCodeAt(i - 2) === k && before[i - 2]! + 1 < value)
        value = before[i - 2]! + 1;
      current[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (current[n]! < best) best = current[n]!;
    if (rowMin > max) break;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(best, max + 1);
}
let oneKeyRows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
