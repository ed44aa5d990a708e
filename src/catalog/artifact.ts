import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The container of the compiled catalog (`<DATA_DIR>/.compiled/catalog.bin`):
 *
 *   "DRAMACAT" · u32 format version · u32 manifest length · manifest (JSON) · padding to 8
 *   hot sections (ids, tables, columns, search), each 8-byte aligned
 *   cold sections (every record as JSON, the input file hashes)
 *
 * Section offsets in the manifest count from the end of the padded manifest, so the manifest does
 * not depend on its own length.
 *
 * The records (the cold JSON of every drama and person, most of the bytes) may live in a file of
 * their own, in a records folder beside the artifact's (see RecordsFile): a recompile then appends
 * the changed records to it instead of rewriting them all, and writes only the small catalog.bin. Start-up reads the header and the hot part into ONE buffer (a
 * SharedArrayBuffer when shards are threads); cold bytes are read with `readSync(fd, …, position)`
 * when a card needs a record, so the OS page cache serves every shard and process.
 */
const MAGIC = 'DRAMACAT';
const ARTIFACT_VERSION = 1;
const HEADER = 16;

const align8 = (n: number) => (n + 7) & ~7;

interface SectionEntry {
  offset: number;
  length: number;
}

/** The cold section that may live in a records file of its own. */
const RECORDS = 'records';

/**
 * Where the records section lives when not in the artifact: a file of the records folder, and
 * extents mapping the section's offsets (what a full compile would write) to places in that file,
 * as [section offset, file position] pairs sorted by offset; a record never spans two extents.
 */
export interface RecordsFile {
  file: string;
  extents: number[];
  /** The section's length (the live records). */
  length: number;
}

/** Bytes already in the records file a recompile appends to. */
export interface StoredBytes {
  at: number;
  length: number;
}

export interface Manifest {
  /** Differs on every compile: a shard handed a hot part checks it came from the file it opened. */
  build: string;
  /** Of the inputs (names, sizes, modification times): start-up compares it to notice a stale artifact. */
  fingerprint: string;
  dramas: number;
  people: number;
  /** Counts the compiler wants start-up to log (synced series, records left out...). */
  info: Record<string, number>;
  hot: Record<string, SectionEntry>;
  cold: Record<string, SectionEntry>;
  records?: RecordsFile;
}

export interface ArtifactParts {
  fingerprint: string;
  dramas: number;
  people: number;
  info?: Record<string, number>;
  hot: Record<string, Uint8Array>;
  cold: Record<string, Uint8Array | readonly Uint8Array[]>;
  /**
   * The records section as pieces, some already in the records file `file` (a recompile): written
   * by appending the new pieces to that file. Instead of `cold.records`.
   */
  appendRecords?: { file: string; pieces: ReadonlyArray<Uint8Array | StoredBytes> };
}

const byteLength = (part: Uint8Array | readonly Uint8Array[]) =>
  part instanceof Uint8Array ? part.byteLength : part.reduce((n, p) => n + p.byteLength, 0);

/** The artifact as a list of byte chunks, in file order (written one by one, or joined in memory). */
function layout(parts: ArtifactParts, records?: RecordsFile): Uint8Array[] {
  let at = 0;
  const place = (sections: Record<string, Uint8Array | readonly Uint8Array[]>) =>
    Object.fromEntries(
      Object.entries(sections).map(([name, bytes]) => {
        const entry = { offset: at, length: byteLength(bytes) };
        at = align8(at + entry.length);
        return [name, entry];
      }),
    );
  const manifest: Manifest = {
    build: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    fingerprint: parts.fingerprint,
    dramas: parts.dramas,
    people: parts.people,
    info: parts.info ?? {},
    hot: place(parts.hot),
    cold: place(parts.cold),
    ...(records ? { records } : {}),
  };
  const json = Buffer.from(JSON.stringify(manifest));
  const head = Buffer.alloc(align8(HEADER + json.byteLength));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(ARTIFACT_VERSION, 8);
  head.writeUInt32LE(json.byteLength, 12);
  json.copy(head, HEADER);
  const chunks: Uint8Array[] = [head];
  for (const bytes of [...Object.values(parts.hot), ...Object.values(parts.cold)]) {
    const list = bytes instanceof Uint8Array ? [bytes] : bytes;
    chunks.push(...list);
    const pad = align8(byteLength(bytes)) - byteLength(bytes);
    if (pad) chunks.push(new Uint8Array(pad));
  }
  return chunks;
}

export function encodeArtifact(parts: ArtifactParts): Uint8Array {
  const chunks = layout(parts);
  // Its own ArrayBuffer (Buffer.concat may hand out a slice of a shared pool at any offset): sections stay aligned.
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function writeAll(fd: number, chunk: Uint8Array, position: number | null): void {
  for (let done = 0; done < chunk.byteLength; )
    done += writeSync(fd, chunk, done, chunk.byteLength - done, position === null ? null : position + done);
}

/** Written to a temporary file, then renamed: a running bot keeps reading the old file (its inode). */
function writeRenamed(file: string, chunks: readonly Uint8Array[]): number {
  mkdirSync(dirname(file), { recursive: true });
  // Unique per writer: test workers (threads of one process) may compile the same dataset at once.
  const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  let size = 0;
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks) {
      writeAll(fd, chunk, null);
      size += chunk.byteLength;
    }
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
  return size;
}

/**
 * Writes the artifact: with `recordsDir`, its records go to a file of that folder (a new one, or
 * appended to the previous build's for `parts.appendRecords`) and catalog.bin holds the rest.
 * Returns the bytes on disk: the artifact's and its records file's.
 */
export function writeArtifact(file: string, parts: ArtifactParts, options: { recordsDir?: string } = {}): number {
  const { recordsDir } = options;
  if (!recordsDir) {
    if (parts.appendRecords) throw new Error('appending records needs the records folder');
    return writeRenamed(file, layout(parts));
  }
  const { [RECORDS]: fresh, ...cold } = parts.cold;
  const records = parts.appendRecords
    ? appendRecords(recordsDir, parts.appendRecords.file, parts.appendRecords.pieces)
    : newRecordsFile(
        recordsDir,
        recordsName(parts.fingerprint),
        fresh === undefined ? [] : fresh instanceof Uint8Array ? [fresh] : fresh,
      );
  const size = writeRenamed(file, layout({ ...parts, cold, appendRecords: undefined }, records.file)) + records.size;
  if (!parts.appendRecords) removeUnusedRecordFiles(recordsDir, records.file.file);
  return size;
}

/**
 * A full compile's records file is named by the inputs' fingerprint: the same inputs compile to
 * the same name and bytes (two compiles of them at once write the same file).
 */
const recordsName = (fingerprint: string) =>
  `records-${fingerprint || `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}.bin`;

function newRecordsFile(dir: string, name: string, chunks: readonly Uint8Array[]): { file: RecordsFile; size: number } {
  const size = writeRenamed(join(dir, name), chunks);
  return { file: { file: name, extents: size ? [0, 0] : [], length: size }, size };
}

/**
 * Appends the new pieces to the records file, then maps the section onto the file: stored pieces
 * where they are, new ones where they landed. One writer appends at a time (a lock file beside it).
 */
function appendRecords(
  dir: string,
  name: string,
  pieces: ReadonlyArray<Uint8Array | StoredBytes>,
): { file: RecordsFile; size: number } {
  const path = join(dir, name);
  const release = lock(`${path}.lock`);
  let end: number;
  try {
    const fd = openSync(path, 'r+');
    try {
      end = fstatSync(fd).size;
      let at = end;
      for (const piece of pieces)
        if (piece instanceof Uint8Array) {
          writeAll(fd, piece, at);
          at += piece.byteLength;
        }
      end = at;
    } finally {
      closeSync(fd);
    }
  } finally {
    release();
  }
  const extents: number[] = [];
  let offset = 0;
  let appended = end - pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.byteLength : 0), 0);
  for (const piece of pieces) {
    const length = piece instanceof Uint8Array ? piece.byteLength : piece.length;
    const place = piece instanceof Uint8Array ? appended : piece.at;
    if (piece instanceof Uint8Array) appended += length;
    const last = extents.length - 2;
    // A piece that continues the previous one in the file continues its extent.
    const continues = last >= 0 && place - extents[last + 1]! === offset - extents[last]!;
    if (length > 0 && !continues) extents.push(offset, place);
    offset += length;
  }
  return { file: { file: name, extents, length: offset }, size: end };
}

/** Takes the lock file `path` (waiting up to a few seconds; a lock older than a minute was left by a crash). */
function lock(path: string): () => void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(path, 'wx'));
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(path, { force: true });
      else if (attempt > 100) throw new Error(`${path} is held by another compile`);
      else Atomics.wait(pause, 0, 0, 50);
    }
  }
}

/**
 * A full compile's records file replaces the others. One a reader or writer may still be opening
 * (changed in the last minute) is left for a later compile; open readers keep their inode anyway.
 */
function removeUnusedRecordFiles(dir: string, kept: string): void {
  for (const name of readdirSync(dir)) {
    if (name === kept || !/^records-.*\.bin$/.test(name)) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 60_000) rmSync(join(dir, name), { force: true });
  }
}

/** Bytes in the records file that no longer belong to the section (superseded records, an old artifact's). */
export function recordsGarbage(recordsDir: string, manifest: Manifest): number {
  if (!manifest.records) return 0;
  const size = statSync(join(recordsDir, manifest.records.file), { throwIfNoEntry: false })?.size ?? 0;
  return size - manifest.records.length;
}

/** The header of an artifact: its manifest and where its data starts; undefined when not one of ours. */
function parseHeader(head: Uint8Array): { manifest: Manifest; dataStart: number } | undefined {
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (view.byteLength < HEADER || view.toString('latin1', 0, 8) !== MAGIC) return undefined;
  if (view.readUInt32LE(8) !== ARTIFACT_VERSION) return undefined;
  const length = view.readUInt32LE(12);
  if (view.byteLength < HEADER + length) return undefined;
  return {
    manifest: JSON.parse(view.toString('utf8', HEADER, HEADER + length)) as Manifest,
    dataStart: align8(HEADER + length),
  };
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.byteLength; ) {
    const read = readSync(fd, into, done, into.byteLength - done, position + done);
    if (read === 0) throw new Error('the compiled catalog ends early (truncated file)');
    done += read;
  }
}

function readHeader(fd: number): { manifest: Manifest; dataStart: number } | undefined {
  const fixed = new Uint8Array(HEADER);
  try {
    readFully(fd, fixed, 0);
  } catch {
    return undefined;
  }
  const length = Buffer.from(fixed.buffer).readUInt32LE(12);
  const head = new Uint8Array(HEADER + length);
  try {
    readFully(fd, head, 0);
  } catch {
    return undefined;
  }
  return parseHeader(head);
}

/** The manifest of the artifact at `file`, or undefined when there is none (or an older format). */
export function readManifest(file: string): Manifest | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return readHeader(fd)?.manifest;
  } finally {
    closeSync(fd);
  }
}

export interface Artifact {
  manifest: Manifest;
  /** Header and hot sections, one buffer from the start of the file (share it with other shards). */
  hotPart: Uint8Array;
  /** A hot section, a view into hotPart (8-byte aligned). */
  section(name: string): Uint8Array;
  hasSection(name: string): boolean;
  /** `length` bytes at `offset` of a cold section, read when asked. */
  readCold(name: string, offset: number, length: number): Uint8Array;
  /** Lets go of the file (the artifact cannot read records afterwards). */
  close(): void;
}

function artifactOver(
  hotPart: Uint8Array,
  header: { manifest: Manifest; dataStart: number },
  readAt: (position: number, length: number) => Uint8Array,
  close: () => void,
  readRecords?: (offset: number, length: number) => Uint8Array,
): Artifact {
  const { manifest, dataStart } = header;
  const entry = (table: Record<string, SectionEntry>, name: string) => {
    const found = table[name];
    if (!found) throw new Error(`the compiled catalog has no section "${name}"`);
    return found;
  };
  return {
    manifest,
    hotPart,
    hasSection: (name) => name in manifest.hot,
    section: (name) => {
      const { offset, length } = entry(manifest.hot, name);
      return hotPart.subarray(dataStart + offset, dataStart + offset + length);
    },
    readCold: (name, offset, length) => {
      if (name === RECORDS && readRecords) {
        if (offset < 0 || offset + length > manifest.records!.length)
          throw new RangeError(`outside the "${name}" section`);
        return readRecords(offset, length);
      }
      const section = entry(manifest.cold, name);
      if (offset < 0 || offset + length > section.length) throw new RangeError(`outside the "${name}" section`);
      return readAt(dataStart + section.offset + offset, length);
    },
    close,
  };
}

/** End of the hot part: header, manifest and every hot section. */
function hotEnd(header: { manifest: Manifest; dataStart: number }): number {
  const ends = Object.values(header.manifest.hot).map((s) => align8(s.offset + s.length));
  return header.dataStart + Math.max(0, ...ends);
}

/** An artifact held in memory (tests, and the in-memory buildCatalog). */
export function openArtifactBytes(given: Uint8Array): Artifact {
  const bytes = given.byteOffset % 8 === 0 ? given : new Uint8Array(given);
  const header = parseHeader(bytes);
  if (!header) throw new Error('not a compiled catalog (bad magic or format version)');
  return artifactOver(
    bytes.subarray(0, hotEnd(header)),
    header,
    (position, length) => bytes.subarray(position, position + length),
    () => {},
  );
}

/** The extent holding a section offset: the last one starting at or before it. */
function extentOf(extents: readonly number[], offset: number): number {
  let low = 0;
  let high = extents.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (extents[2 * mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The position in the records file of a section offset. */
export function recordsPlace(records: RecordsFile, offset: number): number {
  const e = extentOf(records.extents, offset);
  return records.extents[2 * e + 1]! + offset - records.extents[2 * e]!;
}

/** Reads section bytes from the records file, extent by extent. */
function recordsReader(records: RecordsFile, fd: number) {
  const { extents } = records;
  return (offset: number, length: number): Uint8Array => {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const e = extentOf(extents, offset + done);
      const extentEnd = 2 * e + 2 < extents.length ? extents[2 * e + 2]! : records.length;
      const n = Math.min(length - done, extentEnd - (offset + done));
      readFully(fd, bytes.subarray(done, done + n), recordsPlace(records, offset + done));
      done += n;
    }
    return bytes;
  };
}

/**
 * Opens the artifact at `file`: reads its hot part into one buffer (shared memory when `shared`),
 * or takes `hotPart` that another thread read from the same build; cold bytes are read on demand,
 * the records from their own file in `recordsDir` when the build put them there.
 */
export function openArtifactFile(
  file: string,
  options: { shared?: boolean; hotPart?: Uint8Array | SharedArrayBuffer; recordsDir?: string } = {},
): Artifact {
  for (let attempt = 0; ; attempt++) {
    const fd = openSync(file, 'r');
    let recordsFd: number | undefined;
    try {
      const header = readHeader(fd);
      if (!header) throw new Error(`${file} is not a compiled catalog of this version`);
      const { records } = header.manifest;
      if (records) {
        if (!options.recordsDir) throw new Error(`${file} keeps its records in a folder it was not given`);
        recordsFd = openSync(join(options.recordsDir, records.file), 'r');
      }
      let hotPart = options.hotPart instanceof SharedArrayBuffer ? new Uint8Array(options.hotPart) : options.hotPart;
      // A hot part from another build (the file was recompiled meanwhile) does not fit this file's records.
      if (!hotPart || parseHeader(hotPart)?.manifest.build !== header.manifest.build) {
        const size = hotEnd(header);
        hotPart = new Uint8Array(options.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
        readFully(fd, hotPart, 0);
      }
      const openRecords = recordsFd;
      return artifactOver(
        hotPart,
        header,
        (position, length) => {
          const bytes = Buffer.allocUnsafe(length);
          readFully(fd, bytes, position);
          return bytes;
        },
        () => {
          closeSync(fd);
          if (openRecords !== undefined) closeSync(openRecords);
        },
        records && openRecords !== undefined ? recordsReader(records, openRecords) : undefined,
      );
    } catch (error) {
      closeSync(fd);
      if (recordsFd !== undefined) closeSync(recordsFd);
      // Its records file replaced by a newer build's between the two opens: open that build.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
      throw error;
    }
  }
}
