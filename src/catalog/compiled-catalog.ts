import type { Drama, Person } from '../data/schema.ts';
import { type Artifact, recordsPlace } from './artifact.ts';
import type { Catalog, Credit, SongRef } from './catalog.ts';
import { SectionReader } from '../binary/section.ts';
import { Utf16Table } from '../binary/utf16-table.ts';
import { CREDIT_KINDS, openColumns } from './columns.ts';
import { type EncodedRecords, MAGIC, SECTION } from './compile.ts';
import { lazyList, RecordCache } from './record-cache.ts';

/** Ids in row order plus the rows sorted by id: a binary search finds a row without a 100k-entry Map. */
class IdIndex {
  constructor(
    readonly ids: Utf16Table,
    private readonly sorted: Int32Array,
  ) {}

  /** The row of `id` (the last one, as a Map would keep, should ids repeat), or undefined. */
  rowOf(id: string): number | undefined {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ids.compare(this.sorted[mid]!, id) <= 0) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.ids.compare(this.sorted[low - 1]!, id) === 0 ? this.sorted[low - 1] : undefined;
  }
}

const decoder = new TextDecoder();

function recordOffsets(artifact: Artifact): { dramas: Float64Array; people: Float64Array } {
  const offsets = new SectionReader(artifact.section(SECTION.recordOffsets), MAGIC.recordOffsets, 'record offsets');
  return { dramas: offsets.float64(), people: offsets.float64() };
}

/**
 * Where each record's JSON is in the build's records file (an incremental compile keeps the
 * unchanged ones there and appends the others).
 */
export function recordPlaces(artifact: Artifact): EncodedRecords {
  const records = artifact.manifest.records;
  if (!records) throw new Error('the compiled catalog keeps its records inside');
  const at = recordOffsets(artifact);
  const place = (offsets: Float64Array, row: number) => ({
    at: recordsPlace(records, offsets[row]!),
    length: offsets[row + 1]! - offsets[row]!,
  });
  return { drama: (row) => place(at.dramas, row), person: (row) => place(at.people, row) };
}

/** The drama and person ids by row, from the ids section (no record read). */
export function idsOf(artifact: Artifact): { drama(row: number): string; person(row: number): string } {
  const ids = new SectionReader(artifact.section(SECTION.ids), MAGIC.ids, 'catalog ids');
  const dramas = new Utf16Table(ids.uint16(), ids.int32());
  ids.int32();
  const people = new Utf16Table(ids.uint16(), ids.int32());
  return { drama: (row) => dramas.string(row), person: (row) => people.string(row) };
}

/**
 * The catalog over a compiled artifact (artifact.ts, compile.ts): ids and tables are views over
 * the hot part, and a drama or person is read and parsed from the cold section only when asked.
 */
export function openCatalog(artifact: Artifact): Catalog {
  const { dramas: dramaCount, people: personCount } = artifact.manifest;
  const section = (name: 'ids' | 'songs') =>
    new SectionReader(artifact.section(SECTION[name]), MAGIC[name], `catalog ${name}`);
  const ids = section('ids');
  const dramaIds = new IdIndex(new Utf16Table(ids.uint16(), ids.int32()), ids.int32());
  const personIds = new IdIndex(new Utf16Table(ids.uint16(), ids.int32()), ids.int32());
  const { dramas: dramaOffsets, people: personOffsets } = recordOffsets(artifact);
  const columns = openColumns(artifact.section(SECTION.columns));
  const { creditStart, creditDrama, creditKind, creditItem } = columns;
  const songSection = section('songs');
  const songDrama = songSection.int32();
  const songTrack = songSection.int32();

  const read = (at: Float64Array, row: number) => {
    const start = at[row]!;
    return JSON.parse(decoder.decode(artifact.readCold(SECTION.records, start, at[row + 1]! - start)));
  };
  const dramaCache = new RecordCache<Drama>();
  const personCache = new RecordCache<Person>();
  const creditCache = new RecordCache<readonly Credit[]>();
  const songCache = new RecordCache<SongRef>();
  const dramaAt = (row: number) => dramaCache.get(row, () => read(dramaOffsets, row) as Drama);
  const personAt = (row: number) => personCache.get(row, () => read(personOffsets, row) as Person);

  const creditsAt = (personRow: number): readonly Credit[] =>
    creditCache.get(personRow, () => {
      const list: Credit[] = [];
      for (let k = creditStart[personRow]!; k < creditStart[personRow + 1]!; k++) {
        const drama = dramaAt(creditDrama[k]!);
        const kind = CREDIT_KINDS[creditKind[k]!]!;
        const index = creditItem[k]!;
        // Keys in the order credits have always had (role, then characters): cards read them as they come.
        if (kind === 'cast') {
          const c = drama.cast[index]!;
          list.push({ drama, kind, role: c.role, characters: c.characters });
        } else if (kind === 'artist' && index >= 0) list.push({ drama, kind, track: drama.soundtrack![index]! });
        else list.push({ drama, kind });
      }
      return list;
    });

  const dramaRow = (id: string) => dramaIds.rowOf(id);
  const personRow = (id: string) => personIds.rowOf(id);
  return {
    dramas: lazyList(dramaCount, dramaAt),
    people: lazyList(personCount, personAt),
    songs: lazyList(songDrama.length, (i) =>
      songCache.get(i, () => {
        const drama = dramaAt(songDrama[i]!);
        return { drama, track: drama.soundtrack![songTrack[i]!]! };
      }),
    ),
    drama: (id) => {
      const row = dramaRow(id);
      return row === undefined ? undefined : dramaAt(row);
    },
    person: (id) => {
      const row = personRow(id);
      return row === undefined ? undefined : personAt(row);
    },
    creditsOf: (id) => {
      const row = personRow(id);
      return row === undefined ? [] : creditsAt(row);
    },
    columns,
    row: dramaRow,
    personRow,
    dramaAt,
    personAt,
  };
}
