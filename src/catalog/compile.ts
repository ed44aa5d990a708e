import type { Drama, Person } from '../data/schema.ts';
import type { ArtifactParts } from './artifact.ts';
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
 *   binary search. People named in a credit without a record of their own (only hand-built test
 *   catalogs have them) get rows after the real people, so their credits can be listed.
 * - `credits` (hot): per person row, the credits newest drama first, as (drama row, kind + index).
 * - `songs` (hot): (drama row, track index) for every song, in drama order.
 * - `columns` (hot): what filters, orderings and recommendations scan (columns.ts).
 */

/** Hot section names this module writes; the column and search modules add theirs. */
export const SECTION = {
  ids: 'ids',
  recordOffsets: 'record-offsets',
  credits: 'credits',
  songs: 'songs',
  /** The columns whole-catalog scans read (columns.ts; it has its own magic). */
  columns: 'columns',
  records: 'records',
} as const;

/** Each section's magic: "IDS", "ROFF", "CRED", "SONG" and the layout version. */
export const MAGIC = {
  ids: 0x4944_5301,
  recordOffsets: 0x524f_4601,
  credits: 0x4352_4501,
  songs: 0x534f_4e01,
} as const;

/** Pre-encoded JSON of a record, when the caller has it (an incremental compile reuses the old bytes). */
export interface EncodedRecords {
  drama(row: number): Uint8Array | undefined;
  person(row: number): Uint8Array | undefined;
}

const encoder = new TextEncoder();
/** JS string order (UTF-16 code units), which is also date order for ISO dates. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function encodeRecords<T>(
  records: readonly T[],
  encoded: ((row: number) => Uint8Array | undefined) | undefined,
  chunks: Uint8Array[],
  offsets: Float64Array,
  start: number,
): number {
  let at = start;
  for (let i = 0; i < records.length; i++) {
    offsets[i] = at;
    const bytes = encoded?.(i) ?? encoder.encode(JSON.stringify(records[i]));
    chunks.push(bytes);
    at += bytes.byteLength;
  }
  offsets[records.length] = at;
  return at;
}

function addIdTable(section: SectionWriter, ids: readonly string[]): void {
  const { chars, offsets } = Utf16Table.encode(ids);
  const rows = Int32Array.from(ids.keys());
  // Stable, by UTF-16 code units as `<` compares: a binary search then agrees with JS strings.
  rows.sort((a, b) => byCodeUnits(ids[a]!, ids[b]!) || a - b);
  section.add(chars).add(offsets).add(rows);
}

/** Every credit, grouped by person row, each person's newest drama first (as buildPlainCatalog orders them). */
function creditTable(dramas: readonly Drama[], personRows: Map<string, number>, rowOf: (id: string) => number) {
  const collator = new Intl.Collator();
  const order = Int32Array.from(dramas.keys());
  const dates = dramas.map((d) => d.firstAirDate);
  const titles = dramas.map((d) => d.title);
  order.sort((a, b) => byCodeUnits(dates[b]!, dates[a]!) || collator.compare(titles[a]!, titles[b]!) || a - b);
  const person: number[] = [];
  const dramaRow: number[] = [];
  const detail: number[] = [];
  const add = (id: string, row: number, kind: number, indexPlusOne: number) => {
    person.push(rowOf(id));
    dramaRow.push(row);
    detail.push(kind | (indexPlusOne << 2));
  };
  for (const row of order) {
    const d = dramas[row]!;
    d.cast.forEach((c, i) => {
      add(c.person, row, 0, i + 1);
    });
    for (const id of d.directors ?? []) add(id, row, 1, 0);
    for (const id of d.writers ?? []) add(id, row, 2, 0);
    (d.soundtrack ?? []).forEach((t, i) => {
      for (const id of t.artists) add(id, row, 3, i + 1);
    });
    for (const id of d.otherOstArtists ?? []) add(id, row, 3, 0);
  }
  // Counting sort by person row keeps each person's credits in drama order.
  const start = new Int32Array(personRows.size + 1);
  for (const p of person) start[p + 1]!++;
  for (let p = 0; p < personRows.size; p++) start[p + 1]! += start[p]!;
  const cursor = start.slice(0, -1);
  const rows = new Int32Array(person.length);
  const details = new Int32Array(person.length);
  person.forEach((p, k) => {
    const at = cursor[p]!++;
    rows[at] = dramaRow[k]!;
    details[at] = detail[k]!;
  });
  return new SectionWriter(MAGIC.credits).add(start).add(rows).add(details).finish();
}

export function compileCatalog(
  dramas: readonly Drama[],
  people: readonly Person[],
  options: {
    fingerprint?: string;
    encoded?: EncodedRecords;
    /** Sections of other modules (search, columns), laid out after these. */
    hot?: Record<string, Uint8Array>;
    cold?: Record<string, Uint8Array>;
    info?: Record<string, number>;
  } = {},
): ArtifactParts {
  const chunks: Uint8Array[] = [];
  const dramaOffsets = new Float64Array(dramas.length + 1);
  const personOffsets = new Float64Array(people.length + 1);
  const end = encodeRecords(dramas, options.encoded?.drama, chunks, dramaOffsets, 0);
  encodeRecords(people, options.encoded?.person, chunks, personOffsets, end);

  const personRows = new Map<string, number>();
  for (const p of people) if (!personRows.has(p.id)) personRows.set(p.id, personRows.size);
  const personIds = people.map((p) => p.id);
  const rowOf = (id: string) => {
    let row = personRows.get(id);
    if (row === undefined) {
      row = personRows.size;
      personRows.set(id, row);
      personIds.push(id);
    }
    return row;
  };
  const credits = creditTable(dramas, personRows, rowOf);
  const songRows: number[] = [];
  const songTracks: number[] = [];
  dramas.forEach((d, row) => {
    (d.soundtrack ?? []).forEach((_, i) => {
      songRows.push(row);
      songTracks.push(i);
    });
  });
  const ids = new SectionWriter(MAGIC.ids);
  addIdTable(
    ids,
    dramas.map((d) => d.id),
  );
  addIdTable(ids, personIds);
  return {
    fingerprint: options.fingerprint ?? '',
    dramas: dramas.length,
    people: people.length,
    hot: {
      [SECTION.ids]: ids.finish(),
      [SECTION.recordOffsets]: new SectionWriter(MAGIC.recordOffsets).add(dramaOffsets).add(personOffsets).finish(),
      [SECTION.credits]: credits,
      [SECTION.columns]: encodeColumns(dramas, people),
      [SECTION.songs]: new SectionWriter(MAGIC.songs)
        .add(Int32Array.from(songRows))
        .add(Int32Array.from(songTracks))
        .finish(),
      ...options.hot,
    },
    cold: { [SECTION.records]: chunks, ...options.cold },
    info: options.info ?? {},
  };
}
