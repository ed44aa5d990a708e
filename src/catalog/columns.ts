import { GENRES, ROLE_TYPES, type Drama, type Person, type RoleType } from '../data/schema.ts';
import type { CreditKind } from './catalog.ts';
import { SectionReader, SectionWriter } from '../binary/section.ts';
import { Utf16Table } from '../binary/utf16-table.ts';

/**
 * The catalog's columns: what whole-catalog scans read (filters, random picks, orderings,
 * recommendations, summaries), one typed array per fact, indexed by row. Drama row i is
 * catalog.dramas[i], person row j is catalog.people[j]. A scan walks these arrays and decodes
 * only the records it returns, instead of touching 100k drama objects.
 *
 * Lists per row (a drama's networks, cast...) are CSR: `xStart` has rows + 1 entries and row r's
 * items are x[xStart[r]] up to x[xStart[r + 1]]. A person absent from the people list (possible
 * only in hand-built test catalogs) is row -1 and has no credits.
 */
const LAYOUT = {
  // Per drama row.
  /** Days since 1970-01-01 of the first air date. */
  firstAirDay: 'int32',
  year: 'uint16',
  /** STATUSES index + 1 of TMDB's status; 0 when there is none. */
  status: 'uint8',
  /** Bit i set for GENRES[i]. */
  genreMask: 'int32',
  episodeCount: 'uint16',
  soundtrackCount: 'uint16',
  /** Into `networks`, in the record's order. */
  networkStart: 'int32',
  networkIds: 'uint16',
  /** Into `tags`, in the record's order. */
  tagStart: 'int32',
  tagIds: 'int32',
  /** The cast in the record's order: person row and ROLE_TYPES index. */
  castStart: 'int32',
  castPerson: 'int32',
  castRole: 'uint8',
  directorStart: 'int32',
  directorPerson: 'int32',
  writerStart: 'int32',
  writerPerson: 'int32',
  // Per tag: the drama rows that carry it, in row order.
  tagDramaStart: 'int32',
  tagDramas: 'int32',
  // Per person row.
  castCredits: 'int32',
  directorCredits: 'int32',
  writerCredits: 'int32',
  /** Songs sung, and dramas whose OST they sang without a recorded title. */
  artistCredits: 'int32',
  /** The group's person row, or -1. */
  group: 'int32',
  isGroup: 'uint8',
  /** A group's members, in people order. */
  memberStart: 'int32',
  members: 'int32',
  /**
   * A person's credits, newest drama first (what creditsOf returns): drama row, CREDIT_KINDS
   * index, and the cast entry's or track's index in the drama (-1 for other kinds and untitled songs).
   */
  creditStart: 'int32',
  creditDrama: 'int32',
  creditKind: 'uint8',
  creditItem: 'int32',
  // Orderings, computed at compile time (they compare titles and names).
  /** Drama rows, newest first, then by title. */
  newestFirst: 'int32',
  /** Drama rows with a soundtrack, the biggest first, then newest first. */
  biggestSoundtrack: 'int32',
  /** Person rows, the most credits first, then by name. */
  mostCredited: 'int32',
  /** Network ids, the most used first, then by name. */
  networksByUse: 'uint16',
  /**
   * Star power (recommendations with no seed): drama rows whose best-known lead has more than one
   * cast credit, strongest first, then by id; with that weight, that lead's person row and cast credits.
   */
  starDramas: 'int32',
  starWeight: 'float64',
  starPerson: 'int32',
  starCredits: 'int32',
  // Small string tables.
  networkChars: 'uint16',
  networkOffsets: 'int32',
  tagChars: 'uint16',
  tagOffsets: 'int32',
  /** [drama rows, person rows, distinct source pages]. */
  totals: 'int32',
} as const;

export type ColumnArrays = {
  [K in keyof typeof LAYOUT]: {
    uint8: Uint8Array;
    uint16: Uint16Array;
    int32: Int32Array;
    float64: Float64Array;
  }[(typeof LAYOUT)[K]];
};
/** "COL" and the layout's version: bump it when LAYOUT changes, so an old artifact is rebuilt. */
const MAGIC = 0x434f_4c01;

export const CREDIT_KINDS = ['cast', 'director', 'writer', 'artist'] as const satisfies readonly CreditKind[];
export const STATUSES = ['ended', 'returning', 'upcoming'] as const;
const CAST = 0;
const DIRECTOR = 1;
const WRITER = 2;
const ARTIST = 3;

export type CatalogColumns = ColumnArrays & {
  dramaCount: number;
  personCount: number;
  /** Distinct source pages over every record (for data:check's summary). */
  sourcePages: number;
  /** Network names by id (a few dozen). */
  networks: readonly string[];
  /** Tag names by id (a few thousand at most). */
  tags: readonly string[];
};

/** The genre's bit in genreMask; 0 for a name that is not a genre (so nothing matches it). */
export const genreBit = (genre: string): number => {
  const i = (GENRES as readonly string[]).indexOf(genre);
  return i < 0 ? 0 : 1 << i;
};

export const roleAt = (columns: CatalogColumns, castIndex: number): RoleType =>
  ROLE_TYPES[columns.castRole[castIndex]!]!;

export const creditCount = (columns: CatalogColumns, personRow: number): number =>
  columns.creditStart[personRow + 1]! - columns.creditStart[personRow]!;

export const dayNumber = (isoDate: string) => Date.parse(isoDate) / 86_400_000;
/** The same order as String#localeCompare, several times faster over a whole catalog. */
export const collate = new Intl.Collator().compare;

/** A list of person rows per drama row (cast, directors, writers), as CSR. */
export type PeopleLists = { start: Int32Array; items: Int32Array };

/** A list per row, as CSR: starts (rows + 1) and the flattened items. */
function csr<T, A extends Int32Array | Uint16Array>(
  rows: readonly T[],
  itemsOf: (row: T) => readonly number[],
  Items: new (length: number) => A,
): { start: Int32Array; items: A } {
  const start = new Int32Array(rows.length + 1);
  const lists = rows.map(itemsOf);
  lists.forEach((list, i) => {
    start[i + 1] = start[i]! + list.length;
  });
  const items = new Items(start[rows.length]!);
  let at = 0;
  for (const list of lists) for (const item of list) items[at++] = item;
  return { start, items };
}

/** Ids of a small vocabulary (networks, tags) in order of first appearance. */
function vocabulary(values: Iterable<string>): Map<string, number> {
  const ids = new Map<string, number>();
  for (const v of values) if (!ids.has(v)) ids.set(v, ids.size);
  return ids;
}

/** The per-drama facts that are one number each. */
export const statusOf = (d: Drama) => (d.tmdb?.status ? STATUSES.indexOf(d.tmdb.status) + 1 : 0);
export const genreMaskOf = (d: Drama) => d.genres.reduce((mask, g) => mask | genreBit(g), 0);
export const roleIndex = (role: RoleType) => ROLE_TYPES.indexOf(role);

/** Person rows of each credit of a drama other than its cast, in creditsOf's order. */
export interface DramaCredits {
  directors: readonly number[];
  writers: readonly number[];
  /** Per track, its artists' rows (undefined: not a person of the catalog). */
  tracks: ReadonlyArray<ReadonlyArray<number | undefined>>;
  otherArtists: ReadonlyArray<number | undefined>;
}

export const dramaCredits = (d: Drama, rowOf: (id: string) => number | undefined): DramaCredits => ({
  directors: (d.directors ?? []).map((id) => rowOf(id) ?? -1),
  writers: (d.writers ?? []).map((id) => rowOf(id) ?? -1),
  tracks: (d.soundtrack ?? []).map((t) => t.artists.map(rowOf)),
  otherArtists: (d.otherOstArtists ?? []).map(rowOf),
});

/**
 * Every credit listed drama by drama (newest first), then grouped by person with a counting sort
 * that keeps that order: the credits CSR, person → credits, as creditsOf has always given them.
 */
export class CreditListing {
  private readonly person: Int32Array;
  private readonly drama: Int32Array;
  private readonly kind: Uint8Array;
  private readonly item: Int32Array;
  private n = 0;

  constructor(most: number) {
    this.person = new Int32Array(most);
    this.drama = new Int32Array(most);
    this.kind = new Uint8Array(most);
    this.item = new Int32Array(most);
  }

  add(person: number | undefined, row: number, kind: number, item: number): void {
    if (person === undefined || person < 0) return;
    const n = this.n++;
    this.person[n] = person;
    this.drama[n] = row;
    this.kind[n] = kind;
    this.item[n] = item;
  }

  /** A drama's credits: cast (with its index), directors, writers, each song's artists, then the singers of untitled songs. */
  addDrama(row: number, cast: PeopleLists, credits: DramaCredits): void {
    for (let k = cast.start[row]!; k < cast.start[row + 1]!; k++)
      this.add(cast.items[k], row, CAST, k - cast.start[row]!);
    for (const p of credits.directors) this.add(p, row, DIRECTOR, -1);
    for (const p of credits.writers) this.add(p, row, WRITER, -1);
    credits.tracks.forEach((artists, i) => {
      for (const p of artists) this.add(p, row, ARTIST, i);
    });
    for (const p of credits.otherArtists) this.add(p, row, ARTIST, -1);
  }

  finish(personCount: number) {
    const { n } = this;
    const counts = CREDIT_KINDS.map(() => new Int32Array(personCount));
    const start = new Int32Array(personCount + 1);
    for (let c = 0; c < n; c++) {
      counts[this.kind[c]!]![this.person[c]!]! += 1;
      start[this.person[c]! + 1]! += 1;
    }
    for (let p = 0; p < personCount; p++) start[p + 1]! += start[p]!;
    const drama = new Int32Array(n);
    const kind = new Uint8Array(n);
    const item = new Int32Array(n);
    const next = start.slice(0, personCount);
    for (let c = 0; c < n; c++) {
      const at = next[this.person[c]!]!++;
      drama[at] = this.drama[c]!;
      kind[at] = this.kind[c]!;
      item[at] = this.item[c]!;
    }
    return { start, counts, drama, kind, item };
  }
}

/** Each tag's drama rows, in row order (a drama listing a tag twice is listed twice), from the tags CSR. */
export function dramasPerTag(tagStart: Int32Array, tagIds: Int32Array, tagCount: number): PeopleLists {
  const start = new Int32Array(tagCount + 1);
  for (const t of tagIds) start[t + 1]! += 1;
  for (let t = 0; t < tagCount; t++) start[t + 1]! += start[t]!;
  const items = new Int32Array(tagIds.length);
  const next = start.slice(0, tagCount);
  for (let row = 0; row + 1 < tagStart.length; row++)
    for (let k = tagStart[row]!; k < tagStart[row + 1]!; k++) items[next[tagIds[k]!]!++] = row;
  return { start, items };
}

/** Drama rows with a soundtrack, the biggest first, then in the given order (newest first). */
export const biggestSoundtrackRows = (newestFirst: Int32Array, soundtrackCount: Uint16Array) =>
  Int32Array.from(
    Array.from(newestFirst)
      .filter((row) => soundtrackCount[row]! > 0)
      .sort((a, b) => soundtrackCount[b]! - soundtrackCount[a]!),
  );

/** Network ids, the most used first, then by name. */
function networksByUseOrder(networkIds: Uint16Array, names: readonly string[]): Uint16Array {
  const use = new Uint32Array(names.length);
  for (const id of networkIds) use[id]! += 1;
  return Uint16Array.from(names.map((_, id) => id).sort((a, b) => use[b]! - use[a]! || collate(names[a]!, names[b]!)));
}

/** The columns' bytes, arrays in LAYOUT order. */
export function writeColumns(arrays: ColumnArrays): Uint8Array {
  const section = new SectionWriter(MAGIC);
  for (const name of Object.keys(LAYOUT) as Array<keyof ColumnArrays>) section.add(arrays[name]);
  return section.finish();
}

/** A CSR list: rows + 1 starts and the flattened items. */
type List<A> = { start: Int32Array; items: A };

/**
 * The columns both encoders (encodeColumns, patchColumns) make the same way from their per-drama
 * lists, the credits and the network and tag names.
 */
export function sharedColumns(parts: {
  networks: List<Uint16Array>;
  tags: List<Int32Array>;
  cast: List<Int32Array>;
  directors: List<Int32Array>;
  writers: List<Int32Array>;
  tagDramas: List<Int32Array>;
  credits: { start: Int32Array; counts: Int32Array[]; drama: Int32Array; kind: Uint8Array; item: Int32Array };
  networkNames: readonly string[];
  tagNames: readonly string[];
}) {
  const { networks, tags, cast, directors, writers, tagDramas, credits } = parts;
  const networkTable = Utf16Table.encode(parts.networkNames);
  const tagTable = Utf16Table.encode(parts.tagNames);
  return {
    networkStart: networks.start,
    networkIds: networks.items,
    tagStart: tags.start,
    tagIds: tags.items,
    castStart: cast.start,
    castPerson: cast.items,
    directorStart: directors.start,
    directorPerson: directors.items,
    writerStart: writers.start,
    writerPerson: writers.items,
    tagDramaStart: tagDramas.start,
    tagDramas: tagDramas.items,
    castCredits: credits.counts[CAST]!,
    directorCredits: credits.counts[DIRECTOR]!,
    writerCredits: credits.counts[WRITER]!,
    artistCredits: credits.counts[ARTIST]!,
    creditStart: credits.start,
    creditDrama: credits.drama,
    creditKind: credits.kind,
    creditItem: credits.item,
    networksByUse: networksByUseOrder(networks.items, parts.networkNames),
    networkChars: networkTable.chars,
    networkOffsets: networkTable.offsets,
    tagChars: tagTable.chars,
    tagOffsets: tagTable.offsets,
  };
}

/** Compile time: the columns of a validated catalog, rows in the order given. */
export function encodeColumns(dramas: readonly Drama[], people: readonly Person[]): Uint8Array {
  const personRow = new Map(people.map((p, i) => [p.id, i]));
  const rowOf = (id: string) => personRow.get(id) ?? -1;
  const networkIds = vocabulary(dramas.flatMap((d) => d.networks));
  const tagIds = vocabulary(dramas.flatMap((d) => d.tags ?? []));
  const networks = csr(dramas, (d) => d.networks.map((n) => networkIds.get(n)!), Uint16Array);
  const tags = csr(dramas, (d) => (d.tags ?? []).map((t) => tagIds.get(t)!), Int32Array);
  const cast = csr(dramas, (d) => d.cast.map((c) => rowOf(c.person)), Int32Array);
  const tagDramas = dramasPerTag(tags.start, tags.items, tagIds.size);

  const firstAirDay = Int32Array.from(dramas, (d) => dayNumber(d.firstAirDate));
  const newestFirst = newestFirstRows(dramas, firstAirDay);
  const perDrama = dramas.map((d) => dramaCredits(d, (id) => personRow.get(id)));
  const most = perDrama.reduce(
    (n, c) =>
      n + c.directors.length + c.writers.length + c.otherArtists.length + c.tracks.reduce((m, t) => m + t.length, 0),
    cast.items.length,
  );
  const listing = new CreditListing(most);
  for (const row of newestFirst) listing.addDrama(row, cast, perDrama[row]!);
  const credits = listing.finish(people.length);
  const castCredits = credits.counts[CAST]!;
  const directors = csr(perDrama, (c) => c.directors, Int32Array);
  const writers = csr(perDrama, (c) => c.writers, Int32Array);

  const memberLists: number[][] = people.map(() => []);
  const group = Int32Array.from(people, (p) => (p.group ? rowOf(p.group) : -1));
  group.forEach((g, member) => {
    if (g >= 0) memberLists[g]!.push(member);
  });
  const members = csr(memberLists, (rows) => rows, Int32Array);

  const soundtrackCount = Uint16Array.from(dramas, (d) => d.soundtrack?.length ?? 0);
  const totalCredits = (p: number) => credits.start[p + 1]! - credits.start[p]!;
  const mostCredited = people
    .map((_, row) => row)
    .sort((a, b) => totalCredits(b) - totalCredits(a) || collate(people[a]!.name, people[b]!.name));
  const networkNames = [...networkIds.keys()];

  const castRole = new Uint8Array(cast.items.length);
  let castAt = 0;
  for (const d of dramas) for (const c of d.cast) castRole[castAt++] = roleIndex(c.role);
  const stars: StarEntry[] = [];
  dramas.forEach((d, row) => {
    const star = starOf(row, cast, castRole, castCredits, (k) => d.cast[k - cast.start[row]!]!.person);
    if (star) stars.push(star);
  });
  stars.sort(strongestFirst((row) => dramas[row]!.id));
  const sources = new Set<string>();
  for (const record of [...dramas, ...people]) for (const s of record.sources) sources.add(s);

  return writeColumns({
    ...sharedColumns({
      networks,
      tags,
      cast,
      directors,
      writers,
      tagDramas,
      credits,
      networkNames,
      tagNames: [...tagIds.keys()],
    }),
    firstAirDay,
    year: Uint16Array.from(dramas, (d) => d.year),
    status: Uint8Array.from(dramas, statusOf),
    genreMask: Int32Array.from(dramas, genreMaskOf),
    episodeCount: Uint16Array.from(dramas, (d) => d.episodeCount),
    soundtrackCount,
    castRole,
    group,
    isGroup: Uint8Array.from(people, (p) => (p.type === 'group' ? 1 : 0)),
    memberStart: members.start,
    members: members.items,
    newestFirst,
    biggestSoundtrack: biggestSoundtrackRows(newestFirst, soundtrackCount),
    mostCredited: Int32Array.from(mostCredited),
    ...starColumns(stars),
    totals: Int32Array.of(dramas.length, people.length, sources.size),
  });
}

export interface StarEntry {
  row: number;
  weight: number;
  person: number;
  credits: number;
}

/**
 * A drama's star power: its lead with the most cast credits (then the smaller id), when that is
 * more than one; weighted by those credits plus a tenth of all its leads' credits.
 * `personIdAt(k)` is the id of cast entry k (only asked to break a tie).
 */
export function starOf(
  row: number,
  cast: PeopleLists,
  castRole: Uint8Array,
  castCredits: Int32Array,
  personIdAt: (castIndex: number) => string,
): StarEntry | undefined {
  const MAIN = ROLE_TYPES.indexOf('main');
  let star = -1;
  let starCredits = 0;
  let sum = 0;
  for (let k = cast.start[row]!; k < cast.start[row + 1]!; k++) {
    if (castRole[k] !== MAIN) continue;
    const p = cast.items[k]!;
    const credits = p < 0 ? 0 : castCredits[p]!;
    sum += credits;
    const better =
      star < 0 || credits > starCredits || (credits === starCredits && collate(personIdAt(k), personIdAt(star)) < 0);
    if (better) {
      star = k;
      starCredits = credits;
    }
  }
  return star >= 0 && starCredits > 1
    ? { row, weight: starCredits + sum / 10, person: cast.items[star]!, credits: starCredits }
    : undefined;
}

/** Star power order: strongest first, then by drama id, then by row. */
export const strongestFirst =
  (dramaId: (row: number) => string) =>
  (a: StarEntry, b: StarEntry): number =>
    b.weight - a.weight || collate(dramaId(a.row), dramaId(b.row)) || a.row - b.row;

export const starColumns = (stars: readonly StarEntry[]) => ({
  starDramas: Int32Array.from(stars, (s) => s.row),
  starWeight: Float64Array.from(stars, (s) => s.weight),
  starPerson: Int32Array.from(stars, (s) => s.person),
  starCredits: Int32Array.from(stars, (s) => s.credits),
});

/** Drama rows newest first, then by title (the collator), then by row. */
export const newestFirstOrder =
  (days: Int32Array, title: (row: number) => string) =>
  (a: number, b: number): number =>
    days[b]! - days[a]! || collate(title(a), title(b)) || a - b;

/** Drama rows newest first, then by title (the collator), then by row: by day in buckets, titles compared only within a day. */
function newestFirstRows(dramas: readonly Drama[], days: Int32Array): Int32Array {
  const rows = new Int32Array(dramas.length);
  if (!dramas.length) return rows;
  let min = days[0]!;
  let max = days[0]!;
  for (const day of days) {
    if (day < min) min = day;
    if (day > max) max = day;
  }
  // Counting sort, newest day first, rows in order within a day.
  const next = new Int32Array(max - min + 2);
  for (const day of days) next[max - day + 1]! += 1;
  for (let i = 1; i < next.length; i++) next[i]! += next[i - 1]!;
  days.forEach((day, row) => {
    rows[next[max - day]!++] = row;
  });
  const order = newestFirstOrder(days, (row) => dramas[row]!.title);
  for (let from = 0; from < rows.length; ) {
    let to = from + 1;
    while (to < rows.length && days[rows[to]!] === days[rows[from]!]) to++;
    if (to - from > 1) rows.set(Array.from(rows.subarray(from, to)).sort(order), from);
    from = to;
  }
  return rows;
}

/** Start-up: views over an encoded block (no copy; the network and tag names are decoded, a few thousand at most). */
export function openColumns(bytes: Uint8Array): CatalogColumns {
  const section = new SectionReader(bytes, MAGIC, 'catalog columns');
  const read: Record<string, ColumnArrays[keyof ColumnArrays]> = {};
  for (const [name, kind] of Object.entries(LAYOUT)) read[name] = section[kind]();
  const opened = read as ColumnArrays;
  return {
    ...opened,
    dramaCount: opened.totals[0]!,
    personCount: opened.totals[1]!,
    sourcePages: opened.totals[2]!,
    networks: allStrings(opened.networkChars, opened.networkOffsets),
    tags: allStrings(opened.tagChars, opened.tagOffsets),
  };
}

/** Every string of a small table (network or tag names), decoded once at open. */
function allStrings(chars: Uint16Array, offsets: Int32Array): string[] {
  const table = new Utf16Table(chars, offsets);
  return Array.from({ length: table.count }, (_, i) => table.string(i));
}
