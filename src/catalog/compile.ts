import type { Drama, Person } from '../data/schema.ts';
import type { ArtifactParts, StoredBytes } from './artifact.ts';
import { SectionWriter } from '../binary/section.ts';
import { Utf16Table } from '../binary/utf16-table.ts';
import { encodeColumns } from './columns.ts';

/**
 * Compiles validated records into the artifact's sections (see artifact.ts). Rows keep the order
 * of the arrays given: drama row i is dramas[i], person row j is people[j].
 *
 * - `records` (cold): each record as UTF-8 JSON, dramas then people; `record-offsets` (hot) says
 *   where each starts.
 * - `ids` (hot): drama and person ids in row order as UTF-16, plus the rows sorted by id for a
 *   binary search.
 * - `songs` (hot): (drama row, track index) for every song, in drama order.
 * - `columns` (hot): what filters, orderings, recommendations and credits read (columns.ts).
 *
 * An incremental compile passes the sections still valid (`reuse`) and the unchanged records'
 * bytes (`encoded`): then no record is touched but the changed ones.
 */

/** Hot section names this module writes; the column and search modules add theirs. */
export const SECTION = {
  ids: 'ids',
  recordOffsets: 'record-offsets',
  songs: 'songs',
  /** The columns whole-catalog scans read (columns.ts; it has its own magic). */
  columns: 'columns',
  records: 'records',
  /** Cold: how many records cite each source page, so a recompile counts the distinct pages without reading every record. */
  sourcePages: 'source-pages',
} as const;

/** Each section's magic: "IDS", "ROFF", "SONG" and the layout version. */
export const MAGIC = {
  ids: 0x4944_5301,
  recordOffsets: 0x524f_4601,
  songs: 0x534f_4e01,
} as const;

/** The sections an incremental compile may carry over, and what of a drama each one reads. */
export const DRAMA_FACTS_READ_BY: Record<'songs' | 'columns', (d: Drama) => unknown> = {
  songs: (d) => d.soundtrack?.length ?? 0,
  // What encodeColumns reads (test/catalog/compile.test.ts fails when it reads more).
  columns: (d) => [
    d.firstAirDate,
    d.title,
    d.year,
    d.episodeCount,
    d.genres,
    d.networks,
    d.tags,
    d.tmdb,
    d.cast.map((c) => [c.person, c.role]),
    d.directors,
    d.writers,
    d.soundtrack?.map((t) => t.artists),
    d.otherOstArtists,
    // The summary counts distinct source pages.
    d.sources,
  ],
};

/** Pre-encoded JSON of a record, when the caller has it (an incremental compile reuses the old bytes). */
export interface EncodedRecords {
  drama(row: number): Uint8Array | StoredBytes | undefined;
  person(row: number): Uint8Array | StoredBytes | undefined;
}

const encoder = new TextEncoder();
/** JS string order (UTF-16 code units), which is also date order for ISO dates. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records section as few, large chunks: views that continue one another (reused bytes of the
 * previous build) become one, and so do places in the records file that continue one another;
 * small fresh ones are joined a megabyte at a time, so writing takes a few hundred writes, not one
 * per record.
 */
class Chunks {
  readonly list: Array<Uint8Array | StoredBytes> = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  /** Fresh bytes are joined with their neighbours; reused ones stay views or places, one per contiguous run. */
  push(bytes: Uint8Array | StoredBytes, reused: boolean): void {
    if (!reused && bytes instanceof Uint8Array) {
      this.pending.push(bytes);
      this.pendingBytes += bytes.byteLength;
      if (this.pendingBytes >= 1_048_576) this.flush();
      return;
    }
    this.flush();
    const last = this.list.at(-1);
    if (bytes instanceof Uint8Array) {
      if (
        last instanceof Uint8Array &&
        last.buffer === bytes.buffer &&
        last.byteOffset + last.byteLength === bytes.byteOffset
      )
        this.list[this.list.length - 1] = new Uint8Array(
          last.buffer,
          last.byteOffset,
          last.byteLength + bytes.byteLength,
        );
      else this.list.push(bytes);
    } else if (last && !(last instanceof Uint8Array) && last.at + last.length === bytes.at)
      this.list[this.list.length - 1] = { at: last.at, length: last.length + bytes.length };
    else this.list.push({ ...bytes });
  }

  flush(): Array<Uint8Array | StoredBytes> {
    if (this.pending.length) this.list.push(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    return this.list;
  }
}

function encodeRecords<T>(
  records: readonly T[],
  encoded: ((row: number) => Uint8Array | StoredBytes | undefined) | undefined,
  chunks: Chunks,
  offsets: Float64Array,
  start: number,
): number {
  let at = start;
  for (let i = 0; i < records.length; i++) {
    offsets[i] = at;
    const reused = encoded?.(i);
    const bytes = reused ?? encoder.encode(JSON.stringify(records[i]));
    chunks.push(bytes, reused !== undefined);
    at += bytes instanceof Uint8Array ? bytes.byteLength : bytes.length;
  }
  offsets[records.length] = at;
  return at;
}

/** The ids section: drama and person ids in row order. */
export function encodeIds(dramaIds: readonly string[], personIds: readonly string[]): Uint8Array {
  const section = new SectionWriter(MAGIC.ids);
  addIdTable(section, dramaIds);
  addIdTable(section, personIds);
  return section.finish();
}

/** The songs section from each drama row's soundtrack length: (drama row, track index) per song. */
export function encodeSongs(soundtrackCounts: ArrayLike<number>): Uint8Array {
  let total = 0;
  for (let row = 0; row < soundtrackCounts.length; row++) total += soundtrackCounts[row]!;
  const rows = new Int32Array(total);
  const tracks = new Int32Array(total);
  let at = 0;
  for (let row = 0; row < soundtrackCounts.length; row++)
    for (let i = 0; i < soundtrackCounts[row]!; i++) {
      rows[at] = row;
      tracks[at++] = i;
    }
  return new SectionWriter(MAGIC.songs).add(rows).add(tracks).finish();
}

/** Source page → how many records cite it, sorted by page (JS order): the same bytes whatever the history. */
export type SourceCounts = Map<string, number>;

export function countSources(records: Iterable<{ sources: readonly string[] }>, counts: SourceCounts = new Map()) {
  for (const record of records)
    for (const page of new Set(record.sources)) counts.set(page, (counts.get(page) ?? 0) + 1);
  return counts;
}

export const encodeSourceCounts = (counts: SourceCounts): Uint8Array =>
  Buffer.from(JSON.stringify([...counts].filter(([, n]) => n > 0).sort(([a], [b]) => byCodeUnits(a, b))));

export const decodeSourceCounts = (bytes: Uint8Array): SourceCounts =>
  new Map(
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString()) as Array<[string, number]>,
  );

function addIdTable(section: SectionWriter, ids: readonly string[]): void {
  const { chars, offsets } = Utf16Table.encode(ids);
  const rows = Int32Array.from(ids.keys());
  // Stable, by UTF-16 code units as `<` compares: a binary search then agrees with JS strings.
  rows.sort((a, b) => byCodeUnits(ids[a]!, ids[b]!) || a - b);
  section.add(chars).add(offsets).add(rows);
}

export function compileCatalog(
  dramas: readonly Drama[],
  people: readonly Person[],
  options: {
    fingerprint?: string;
    encoded?: EncodedRecords;
    /** The records file the encoded records' places are in: the new ones are appended to it. */
    appendTo?: string;
    /** Sections of the previous build still valid for these records. */
    reuse?: Partial<Record<'ids' | keyof typeof DRAMA_FACTS_READ_BY, Uint8Array>>;
    /** Sections of other modules (search), laid out after these. */
    hot?: Record<string, Uint8Array>;
    cold?: Record<string, Uint8Array>;
    info?: Record<string, number>;
  } = {},
): ArtifactParts {
  const chunks = new Chunks();
  const dramaOffsets = new Float64Array(dramas.length + 1);
  const personOffsets = new Float64Array(people.length + 1);
  const end = encodeRecords(dramas, options.encoded?.drama, chunks, dramaOffsets, 0);
  encodeRecords(people, options.encoded?.person, chunks, personOffsets, end);
  const reuse = options.reuse ?? {};
  const pieces = chunks.flush();
  const records: Record<string, Uint8Array[]> = options.appendTo
    ? {}
    : { [SECTION.records]: pieces.map((p) => (p instanceof Uint8Array ? p : missingBytes())) };
  return {
    fingerprint: options.fingerprint ?? '',
    dramas: dramas.length,
    people: people.length,
    hot: {
      [SECTION.ids]:
        reuse.ids ??
        encodeIds(
          dramas.map((d) => d.id),
          people.map((p) => p.id),
        ),
      [SECTION.recordOffsets]: new SectionWriter(MAGIC.recordOffsets).add(dramaOffsets).add(personOffsets).finish(),
      [SECTION.columns]: reuse.columns ?? encodeColumns(dramas, people),
      [SECTION.songs]: reuse.songs ?? encodeSongs(dramas.map((d) => d.soundtrack?.length ?? 0)),
      ...options.hot,
    },
    cold: {
      ...records,
      [SECTION.sourcePages]:
        options.cold?.[SECTION.sourcePages] ?? encodeSourceCounts(countSources([...dramas, ...people])),
      ...options.cold,
    },
    info: options.info ?? {},
    ...(options.appendTo ? { appendRecords: { file: options.appendTo, pieces } } : {}),
  };
}

const missingBytes = (): never => {
  throw new Error('records stored in a records file need appendTo');
};
