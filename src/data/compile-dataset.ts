import { createHash } from 'node:crypto';
import { type Dir, opendirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type Artifact,
  type ArtifactParts,
  type Manifest,
  openArtifactFile,
  readManifest,
  recordsGarbage,
  writeArtifact,
} from '../catalog/artifact.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { openColumns } from '../catalog/columns.ts';
import {
  compileCatalog,
  countSources,
  DRAMA_FACTS_READ_BY,
  decodeSourceCounts,
  type EncodedRecords,
  encodeIds,
  encodeSongs,
  encodeSourceCounts,
  SECTION,
} from '../catalog/compile.ts';
import { idsOf, openCatalog, recordPlaces } from '../catalog/compiled-catalog.ts';
import { patchColumns } from '../catalog/patch-columns.ts';
import { lazyList } from '../catalog/record-cache.ts';
import { encodeSearchIndex, openSearchIndex, type SearchIndex } from '../search/search-index.ts';
import { updateSearchIndex } from '../search/update-search-index.ts';
import {
  checkDramas,
  checkSources,
  DataError,
  type DataProblem,
  type DatasetSummary,
  type Parsed,
  readDataset,
  readRecordFile,
  shown,
  sourceHash,
} from './load-catalog.ts';
import { dramaSchema, type Drama, type Person } from './schema.ts';
import { startBlockingWorker } from './blocking-worker.ts';
import { encodeSearchInThread } from './search-thread.ts';

/**
 * The compile pipeline: the dataset's files (validated by load-catalog.ts, merged with the synced
 * TMDB data) become `<DATA_DIR>/.compiled/catalog.bin`, and start-up opens that instead of reading
 * every file. A cheap fingerprint of the inputs (names, sizes, modification times) tells start-up
 * whether the artifact is stale; per-file content hashes let a recompile reuse the records of the
 * files that did not change.
 */
export const artifactFile = (dataDir: string) => join(resolve(dataDir), '.compiled', 'catalog.bin');
/**
 * The records (the JSON of every record, most of the bytes) live in a file of their own beside
 * .compiled/: a recompile appends the changed records to it and rewrites only the small
 * catalog.bin; a full compile starts a new one.
 */
export const recordsDir = (dataDir: string) => join(resolve(dataDir), '.compiled-records');

/**
 * Sections other modules contribute, encoded from the records at compile time, and what of a
 * drama each reads: an incremental compile keeps the previous section when no changed drama
 * differs in it (test/data/compile-dataset.test.ts fails when the encoder reads more).
 */
export const MODULE_SECTIONS: Record<
  string,
  { encode: (dramas: readonly Drama[], people: readonly Person[]) => Uint8Array; reads: (d: Drama) => unknown }
> = {
  search: {
    encode: encodeSearchIndex,
    reads: (d) => [
      d.title,
      d.altTitles,
      d.nativeTitle,
      d.cast.map((c) => [c.person, c.characters.map((ch) => [ch.name, ch.altNames, ch.nativeName])]),
      d.soundtrack?.map((t) => [t.title, t.nativeTitle, t.track]),
    ],
  },
};
/**
 * Bump when a section changes layout: every artifact built before then is stale. A section added
 * or removed needs no bump: the section names are part of the fingerprint.
 */
const COMPILER_VERSION = 2;
const INPUTS = 'inputs';
/** The hot sections a compile writes now (those of an empty catalog, plus the modules'). */
const HOT_SECTIONS = [...Object.keys(compileCatalog([], []).hot), ...Object.keys(MODULE_SECTIONS)].sort().join(',');

interface InputFile {
  /** From the data folder, with forward slashes: dramas/x.json, people/y.json, tmdb/series/1.json. */
  path: string;
  size: number;
  mtimeMs: number;
  /** Of the content, for curated files (what an incremental compile compares). */
  hash?: string;
}

const CURATED = ['people', 'dramas'];
const SYNCED = ['tmdb/series'];

/** The .json names in a folder, sorted; none when it does not exist. */
function jsonNames(folder: string): string[] {
  let dir: Dir;
  try {
    // A small read buffer: readdirSync of 100k names has libuv hold every entry at once, and the
    // C heap keeps that high-water mark (about 15 MB of RSS at 100k) for the bot's whole life.
    dir = opendirSync(folder, { bufferSize: 256 });
  } catch {
    return [];
  }
  const names: string[] = [];
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync())
      if (entry.name.endsWith('.json')) names.push(entry.name);
  } finally {
    dir.closeSync();
  }
  return names.sort();
}

/** Every input of a compile, by folder then name (the order records are read in), one at a time. */
function forEachInput(root: string, visit: (path: string, size: number, mtimeMs: number) => void): void {
  const add = (path: string) => {
    // Undefined when gone between the listing and the stat: it is not an input.
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (stat) visit(path, stat.size, stat.mtimeMs);
  };
  for (const folder of [...CURATED, ...SYNCED])
    for (const name of jsonNames(join(root, folder))) add(`${folder}/${name}`);
  add('tmdb/state.json');
}

function listInputs(root: string): InputFile[] {
  const inputs: InputFile[] = [];
  forEachInput(root, (path, size, mtimeMs) => inputs.push({ path, size, mtimeMs }));
  return inputs;
}

const fingerprintHash = () => createHash('sha1').update(`${COMPILER_VERSION}|${HOT_SECTIONS}\n`);
const fingerprintLine = (path: string, size: number, mtimeMs: number) => `${path}\0${size}\0${mtimeMs}\n`;

function fingerprintOf(inputs: readonly InputFile[]): string {
  const hash = fingerprintHash();
  for (const i of inputs) hash.update(fingerprintLine(i.path, i.size, i.mtimeMs));
  return hash.digest('hex');
}

/**
 * fingerprintOf(listInputs(root)) without the list: start-up's staleness check keeps no object per
 * input file, so the bot's heap does not grow to hold 120k of them once and keep the pages.
 */
function currentFingerprint(root: string): string {
  const hash = fingerprintHash();
  forEachInput(root, (path, size, mtimeMs) => hash.update(fingerprintLine(path, size, mtimeMs)));
  return hash.digest('hex');
}

export interface CompileReport {
  mode: 'full' | 'incremental' | 'up to date';
  /** Why a compile was full, or what an incremental one redid. */
  reason: string;
  ms: number;
  file: string;
  bytes: number;
  hotBytes: number;
  dramas: number;
  people: number;
  /** Input files whose records were read, parsed and validated again. */
  reparsed: number;
  /** Which of a full compile's jobs worker threads did: half the reading, the search section. */
  threaded?: { read: boolean; search: boolean };
}

export function describeCompile(r: CompileReport): string {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  if (r.mode === 'up to date')
    return `${shown(r.file)} is up to date (${r.reason}): ${r.dramas} dramas, ${r.people} people`;
  return (
    `${r.mode} compile (${r.reason}) in ${Math.round(r.ms)} ms: ${r.dramas} dramas, ${r.people} people, ` +
    `${r.reparsed} file${r.reparsed === 1 ? '' : 's'} parsed → ${shown(r.file)} (${mb(r.bytes)}, ${mb(r.hotBytes)} read at start)`
  );
}

/** What start-up logs about the dataset: the curated and synced counts. */
function infoOf(summary: DatasetSummary): Record<string, number> {
  const s = summary.synced;
  return {
    curatedDramas: summary.curated.dramas,
    curatedPeople: summary.curated.people,
    syncedSeries: s.series,
    syncedDramas: s.dramas,
    syncedPeople: s.people,
    leftOut: s.notes.length,
    compiler: COMPILER_VERSION,
  };
}

function assemble(
  dramas: readonly Drama[],
  people: readonly Person[],
  inputs: readonly InputFile[],
  fingerprint: string,
  info: Record<string, number>,
  previous?: {
    encoded: EncodedRecords;
    /** The records file the encoded records are in (a recompile appends to it). */
    appendTo?: string;
    reuse: Record<string, Uint8Array>;
    cold?: Record<string, Uint8Array>;
  },
  /** Module sections another thread is encoding: taken once this thread's sections are done. */
  elsewhere: Record<string, () => Uint8Array> = {},
): ArtifactParts {
  const reuse = previous?.reuse ?? {};
  const parts = compileCatalog(dramas, people, {
    fingerprint,
    ...(previous ? { encoded: previous.encoded, reuse } : {}),
    ...(previous?.appendTo ? { appendTo: previous.appendTo } : {}),
    cold: { ...previous?.cold, [INPUTS]: Buffer.from(JSON.stringify(inputs)) },
    info,
  });
  for (const [name, { encode }] of Object.entries(MODULE_SECTIONS))
    parts.hot[name] = reuse[name] ?? elsewhere[name]?.() ?? encode(dramas, people);
  return parts;
}

/** Dramas in these inputs, at most (curated files and synced series). */
const dramaInputs = (inputs: readonly InputFile[]) =>
  inputs.filter((i) => i.path.startsWith('dramas/') || i.path.startsWith('tmdb/series/')).length;

/**
 * Below this many dramas the worker thread costs more than it saves: its start-up (tsx's loader,
 * the modules) costs ~0.9 s of CPU (10k dramas: 4.0 s user with it, 3.1-3.4 s without), while a
 * compile of 10k dramas takes ~3 s in one thread.
 */
const THREADS_FROM = 10_000;

/**
 * Every input read, parsed and validated, every section encoded. With `threads`, a worker thread
 * (compile-worker.ts) shares the work with this one, on the machine's other core: it reads half
 * the drama files while this thread reads the rest (read-thread.ts), then encodes the search
 * section while this thread encodes the records, ids and columns (search-thread.ts). It is
 * started first, so its start-up overlaps the reading. The artifact is the same bytes either way.
 */
function fullCompile(
  root: string,
  inputs: InputFile[],
  fingerprint: string,
  threads = dramaInputs(inputs) >= THREADS_FROM,
): { parts: ArtifactParts; threaded: NonNullable<CompileReport['threaded']> } {
  const worker = threads ? startBlockingWorker('compile-worker') : undefined;
  const threaded = { read: false, search: false };
  try {
    const hashes = new Map<string, string>();
    const { dramas, people, summary, json } = readDataset(root, { hashes, ...(worker ? { worker } : {}) });
    threaded.read = json !== undefined;
    const search = worker && encodeSearchInThread(worker, dramas, people);
    const hashed = inputs.map((i) => (hashes.has(i.path) ? { ...i, hash: hashes.get(i.path)! } : i));
    // The records the worker validated are already JSON (unless the sync's merge made new ones).
    const encoded = json && {
      encoded: { drama: (row: number) => json.get(dramas[row]!), person: () => undefined },
      reuse: {},
    };
    const elsewhere = search && {
      search: () => {
        const { bytes, threaded: inWorker } = search.result();
        threaded.search = inWorker;
        return bytes;
      },
    };
    const parts = assemble(dramas, people, hashed, fingerprint, infoOf(summary), encoded, elsewhere);
    return { parts, threaded };
  } finally {
    worker?.close();
  }
}

type Plan = { parts: ArtifactParts; reparsed: number; reason: string } | { full: string };

/**
 * Reuses the previous artifact when only curated drama files changed (edited, added or removed)
 * and there is no synced data: the other records are copied as the JSON bytes they were, never
 * parsed from their files or validated again; the changed ones go through the same reader and
 * checks as a full compile. Anything else (a person file changed, synced TMDB data, whose merge
 * looks at the whole catalog) is a full compile, and the plan says why.
 */
function incrementalPlan(root: string, file: string, inputs: InputFile[], fingerprint: string): Plan {
  const manifest = readManifest(file);
  if (!manifest) return { full: 'no previous build' };
  if (!manifest.cold[INPUTS]) return { full: 'the previous build lists no inputs' };
  if (Object.keys(manifest.hot).sort().join(',') !== HOT_SECTIONS || manifest.info.compiler !== COMPILER_VERSION)
    return { full: 'the previous build has another layout' };
  if (!manifest.cold[SECTION.sourcePages]) return { full: 'the previous build has another layout' };
  if (manifest.info.syncedSeries || inputs.some((i) => i.path.startsWith('tmdb/')))
    return { full: 'synced TMDB data is merged as a whole' };
  if (!manifest.records) return { full: 'the previous build keeps its records inside' };
  const records = recordsDir(root);
  if (recordsGarbage(records, manifest) > manifest.records.length)
    return { full: 'superseded records outweigh the live ones in the records file' };
  const previous = openArtifactFile(file, { recordsDir: records });
  // Every unchanged record stays where it is in the records file: only the hot part is read.
  try {
    const before = new Map(
      (
        JSON.parse(Buffer.from(previous.readCold(INPUTS, 0, manifest.cold[INPUTS].length)).toString()) as InputFile[]
      ).map((i) => [i.path, i]),
    );
    const problems: DataProblem[] = [];
    const changed = new Map<string, Parsed<Drama>>();
    let reparsed = 0;
    const now = inputs.map((input): InputFile => {
      const old = before.get(input.path);
      before.delete(input.path);
      if (old?.hash && old.size === input.size && old.mtimeMs === input.mtimeMs) return { ...input, hash: old.hash };
      const [folder, name] = input.path.split('/') as [string, string];
      if (folder !== 'dramas') return { ...input, hash: '' };
      let hash = '';
      reparsed++;
      const read = readRecordFile(join(root, folder), name, dramaSchema, shown, problems, (s) => {
        hash = sourceHash(s);
      });
      // Touched but the same bytes: still the old record.
      if (hash !== old?.hash && read) changed.set(input.path, read);
      return { ...input, hash };
    });
    const gone = [...before.keys()];
    const person =
      now.find((i) => i.path.startsWith('people/') && i.hash === '')?.path ?? gone.find((p) => p.startsWith('people/'));
    if (person) return { full: `${person} changed` };

    const catalog = openCatalog(previous);
    const edited = [...changed.values()];
    checkDramas(edited, (id) => catalog.personRow(id) !== undefined, problems);
    checkSources(edited, problems, []);
    if (problems.length) throw new DataError(problems);

    const dramaFiles = now.filter((i) => i.path.startsWith('dramas/'));
    const idOf = (path: string) => path.slice('dramas/'.length, -'.json'.length);
    const previousRow = dramaFiles.map((i) => (changed.has(i.path) ? undefined : catalog.row(idOf(i.path))));
    const old = recordPlaces(previous);
    const encoded = {
      drama: (row: number) => (previousRow[row] === undefined ? undefined : old.drama(previousRow[row]!)),
      person: old.person,
    };
    // Rows stay put when no drama file came or went: then a section whose facts no edit touched
    // is the previous one, byte for byte.
    const rowsKept =
      !gone.length &&
      dramaFiles.length === manifest.dramas &&
      edited.every((e) => catalog.row(e.value.id) !== undefined);
    const reuse: Record<string, Uint8Array> = {};
    if (rowsKept) {
      reuse[SECTION.ids] = previous.section(SECTION.ids);
      const unchanged = (reads: (d: Drama) => unknown) =>
        edited.every((e) => isDeepStrictEqual(reads(e.value), reads(catalog.drama(e.value.id)!)));
      const readers = {
        ...DRAMA_FACTS_READ_BY,
        ...Object.fromEntries(Object.entries(MODULE_SECTIONS).map(([n, m]) => [n, m.reads])),
      };
      for (const [name, reads] of Object.entries(readers)) if (unchanged(reads)) reuse[name] = previous.section(name);
    }
    const rebuilt = HOT_SECTIONS.split(',').filter(
      (name) => name !== SECTION.recordOffsets && name !== 'search' && !reuse[name],
    );
    const byRow = (r: number) => changed.get(dramaFiles[r]!.path)?.value ?? catalog.dramaAt(previousRow[r]!);
    // The search section follows the edits from the previous one, folding only the changed dramas'
    // texts: the same bytes as encoding every record, in a fraction of the time.
    reuse.search ??= updateSearchIndex(previous.section('search'), previousRow, byRow, (id) => catalog.personRow(id));
    // The other sections too are patched from the previous ones: no unchanged record is decoded.
    const removed = gone.filter((p) => p.startsWith('dramas/')).map((p) => catalog.drama(idOf(p))!);
    const sourcePages = patchSourcePages(previous, manifest, catalog.columns.sourcePages, edited, removed, (id) =>
      catalog.drama(id),
    );
    const ids = idsOf(previous);
    reuse[SECTION.ids] ??= encodeIds(
      dramaFiles.map((i, row) => changed.get(i.path)?.value.id ?? ids.drama(previousRow[row]!)),
      Array.from({ length: manifest.people }, (_, row) => ids.person(row)),
    );
    if (!reuse[SECTION.columns]) {
      const search = openSearchIndex(reuse.search);
      const text = (at: number) => search.texts.string(at);
      reuse[SECTION.columns] = patchColumns({
        previous: catalog.columns,
        previousRow,
        changed: (row) => changed.get(dramaFiles[row]!.path)!.value,
        personRow: (id) => catalog.personRow(id),
        title: (row) => text(search.titleText[row]!),
        dramaId: (row) => ids.drama(previousRow[row]!),
        personId: (row) => ids.person(row),
        personName: (row) => text(search.nameText[row]!),
        sourcePages: sourcePages.count,
      });
    }
    reuse[SECTION.songs] ??= encodeSongs(openColumns(reuse[SECTION.columns]!).soundtrackCount);
    const dramas = lazyList(dramaFiles.length, byRow);
    const info = { ...manifest.info, curatedDramas: dramas.length };
    return {
      parts: assemble(dramas, catalog.people, now, fingerprint, info, {
        encoded,
        appendTo: manifest.records.file,
        reuse,
        cold: { [SECTION.sourcePages]: sourcePages.bytes },
      }),
      reparsed,
      reason:
        `${changed.size} drama file${changed.size === 1 ? '' : 's'} changed, ${gone.length} removed; ` +
        (rebuilt.length ? `rebuilt ${rebuilt.join(', ')}` : 'every section kept'),
    };
  } finally {
    previous.close();
  }
}

/**
 * The distinct source pages after an incremental compile, from the previous build's count of
 * records citing each page: only read and rewritten when an edit, an added or a removed drama
 * changes which pages it cites.
 */
function patchSourcePages(
  previous: Artifact,
  manifest: Manifest,
  previousCount: number,
  edited: ReadonlyArray<Parsed<Drama>>,
  removed: readonly Drama[],
  before: (id: string) => Drama | undefined,
): { count: number; bytes: Uint8Array } {
  const section = manifest.cold[SECTION.sourcePages]!;
  const bytes = previous.readCold(SECTION.sourcePages, 0, section.length);
  const pages = (d: Drama | undefined) => [...new Set(d?.sources ?? [])].sort().join('\n');
  const moved =
    removed.some((d) => d.sources.length) || edited.some((e) => pages(e.value) !== pages(before(e.value.id)));
  if (!moved) return { count: previousCount, bytes };
  const counts = decodeSourceCounts(bytes);
  const drop = (d: Drama | undefined) => {
    for (const page of new Set(d?.sources ?? [])) counts.set(page, counts.get(page)! - 1);
  };
  removed.forEach(drop);
  for (const e of edited) drop(before(e.value.id));
  countSources(
    edited.map((e) => e.value),
    counts,
  );
  const patched = encodeSourceCounts(counts);
  return { count: [...counts.values()].filter((n) => n > 0).length, bytes: patched };
}

/**
 * Compiles the dataset at dataDir into its artifact: incrementally when it can, fully otherwise.
 * `threads` forces a full compile's worker threads on or off (by default: on from THREADS_FROM
 * dramas); the bytes are the same either way.
 */
export function compileDataset(dataDir: string, options: { full?: boolean; threads?: boolean } = {}): CompileReport {
  const started = performance.now();
  const root = resolve(dataDir);
  const file = artifactFile(root);
  const inputs = listInputs(root);
  const fingerprint = fingerprintOf(inputs);
  const manifest = readManifest(file);
  if (!options.full && manifest?.fingerprint === fingerprint)
    return {
      mode: 'up to date',
      reason: 'no input changed since the last build',
      ms: performance.now() - started,
      file,
      bytes: statSync(file).size,
      hotBytes: Object.values(manifest.hot).reduce((n, s) => n + s.length, 0),
      dramas: manifest.dramas,
      people: manifest.people,
      reparsed: 0,
    };
  let plan: Plan = options.full ? { full: 'asked for' } : incrementalPlan(root, file, inputs, fingerprint);
  let full = 'parts' in plan ? undefined : fullCompile(root, inputs, fingerprint, options.threads);
  let parts = full?.parts ?? (plan as { parts: ArtifactParts }).parts;
  let bytes: number;
  try {
    bytes = writeArtifact(file, parts, { recordsDir: recordsDir(root) });
  } catch (error) {
    // The records file to append to is gone (removed by hand, or by another full compile).
    if (full || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    plan = { full: "the previous build's records file is gone" };
    full = fullCompile(root, inputs, fingerprint, options.threads);
    parts = full.parts;
    bytes = writeArtifact(file, parts, { recordsDir: recordsDir(root) });
  }
  const hotBytes = Object.values(parts.hot).reduce((n, s) => n + s.byteLength, 0);
  return {
    mode: 'parts' in plan ? 'incremental' : 'full',
    reason: 'parts' in plan ? plan.reason : plan.full,
    ms: performance.now() - started,
    file,
    bytes,
    hotBytes,
    dramas: parts.dramas,
    people: parts.people,
    reparsed: 'parts' in plan ? plan.reparsed : inputs.filter((i) => !i.path.startsWith('tmdb/state')).length,
    ...(full ? { threaded: full.threaded } : {}),
  };
}

/** The compiled catalog is out of date and CATALOG_AUTO_BUILD=false: the admin compiles it. */
export class StaleCatalog extends Error {
  override name = 'StaleCatalog';
}

export interface OpenedDataset {
  catalog: Catalog;
  search: SearchIndex;
  /** The header and hot sections in one buffer: hand `hotPart.buffer` to other shards. */
  hotPart: Uint8Array;
  /** Counts from the compile (curated and synced records, records left out). */
  info: Record<string, number>;
  /** Set when opening had to compile first. */
  compiled?: CompileReport;
}

/**
 * Start-up: opens `<DATA_DIR>/.compiled/catalog.bin`, after compiling it when it is missing or
 * older than the dataset (unless autoBuild is false: then StaleCatalog says what to run). A shard
 * given the hot part another thread read (`hotPart`) opens over it and checks nothing.
 */
export function openDataset(
  dataDir: string,
  options: { autoBuild?: boolean; shared?: boolean; hotPart?: SharedArrayBuffer } = {},
): OpenedDataset {
  const root = resolve(dataDir);
  const file = artifactFile(root);
  let compiled: CompileReport | undefined;
  if (!options.hotPart) {
    const manifest = readManifest(file);
    if (manifest?.fingerprint !== currentFingerprint(root)) {
      const why = manifest ? 'the dataset changed since it was compiled' : 'the dataset has not been compiled yet';
      if (options.autoBuild === false)
        throw new StaleCatalog(
          `${why} (${shown(file)}) and CATALOG_AUTO_BUILD=false: run npm run catalog:build, then start again.`,
        );
      compiled = compileDataset(root);
    }
  }
  const open = (): OpenedDataset => {
    const artifact: Artifact = openArtifactFile(file, {
      shared: options.shared,
      hotPart: options.hotPart,
      recordsDir: recordsDir(root),
    });
    return {
      catalog: openCatalog(artifact),
      search: openSearchIndex(artifact.section('search')),
      hotPart: artifact.hotPart,
      info: artifact.manifest.info,
      ...(compiled ? { compiled } : {}),
    };
  };
  try {
    return open();
  } catch (error) {
    // Up to date by its inputs, yet unreadable (a section written by an older layout, a damaged
    // file): compiled afresh when allowed, like a stale one.
    if (compiled || options.hotPart || options.autoBuild === false) throw error;
    compiled = compileDataset(root, { full: true });
    return open();
  }
}
