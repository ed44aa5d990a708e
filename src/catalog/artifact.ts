import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The container of the compiled catalog (`<DATA_DIR>/.compiled/catalog.bin`):
 *
 *   "DRAMACAT" · u32 format version · u32 manifest length · manifest (JSON) · padding to 8
 *   hot sections (ids, tables, columns, search), each 8-byte aligned
 *   cold sections (every record as JSON, the input file hashes)
 *
 * Section offsets in the manifest count from the end of the padded manifest, so the manifest does
 * not depend on its own length. Start-up reads the header and the hot part into ONE buffer (a
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
}

export interface ArtifactParts {
  fingerprint: string;
  dramas: number;
  people: number;
  info?: Record<string, number>;
  hot: Record<string, Uint8Array>;
  cold: Record<string, Uint8Array | readonly Uint8Array[]>;
}

const byteLength = (part: Uint8Array | readonly Uint8Array[]) =>
  part instanceof Uint8Array ? part.byteLength : part.reduce((n, p) => n + p.byteLength, 0);

/** The artifact as a list of byte chunks, in file order (written one by one, or joined in memory). */
function layout(parts: ArtifactParts): Uint8Array[] {
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

/** Written to a temporary file, then renamed: a running bot keeps reading the old file (its inode). */
export function writeArtifact(file: string, parts: ArtifactParts): number {
  mkdirSync(dirname(file), { recursive: true });
  // Unique per writer: test workers (threads of one process) may compile the same dataset at once.
  const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  let size = 0;
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of layout(parts)) {
      for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done, chunk.byteLength - done);
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

/**
 * Opens the artifact at `file`: reads its hot part into one buffer (shared memory when `shared`),
 * or takes `hotPart` that another thread read from the same build; cold bytes are read on demand.
 */
export function openArtifactFile(
  file: string,
  options: { shared?: boolean; hotPart?: Uint8Array | SharedArrayBuffer } = {},
): Artifact {
  const fd = openSync(file, 'r');
  try {
    const header = readHeader(fd);
    if (!header) throw new Error(`${file} is not a compiled catalog of this version`);
    let hotPart = options.hotPart instanceof SharedArrayBuffer ? new Uint8Array(options.hotPart) : options.hotPart;
    // A hot part from another build (the file was recompiled meanwhile) does not fit this file's records.
    if (!hotPart || parseHeader(hotPart)?.manifest.build !== header.manifest.build) {
      const size = hotEnd(header);
      hotPart = new Uint8Array(options.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
      readFully(fd, hotPart, 0);
    }
    return artifactOver(
      hotPart,
      header,
      (position, length) => {
        const bytes = Buffer.allocUnsafe(length);
        readFully(fd, bytes, position);
        return bytes;
      },
      () => closeSync(fd),
    );
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
