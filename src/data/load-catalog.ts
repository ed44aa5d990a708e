import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { buildCatalog, type Catalog } from '../catalog/catalog.ts';
import { mergeCatalog } from '../sync/merge.ts';
import { readSnapshots, readState, snapshotFile, syncedDir } from '../sync/synced-files.ts';
import { catalogDramaSchema, dramaSchema, personSchema, type Drama, type Person } from './schema.ts';
import type { BlockingWorker } from './blocking-worker.ts';
import { type AwayReading, readInThread } from './read-thread.ts';
import { judgeSource } from './source-policy.ts';

export interface DataProblem {
  file: string;
  /** JSON path inside the file, e.g. cast[2].person; "(file)" when the file itself is unreadable. */
  path: string;
  message: string;
}

export function formatProblem(problem: DataProblem): string {
  return `${problem.file} → ${problem.path} → ${problem.message}`;
}

/** The dataset is broken: every problem found, not only the first. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(readonly problems: DataProblem[]) {
    super(
      `the dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.map(formatProblem).join('\n  ')}`,
    );
  }
}

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return (
    path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
      '',
    ) || '(root)'
  );
}

/**
 * Where JSON.parse gave up. V8 leaves the position out of some messages, so find it: a prefix that
 * ends before the first bad character fails only with "end of input" (or parses), a longer one fails
 * for another reason, and that is monotonic, so a binary search finds the spot.
 */
function errorOffset(source: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(source.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      if (position !== undefined) return Number(position) < length;
      return !/end of JSON input|Unterminated string/i.test(message);
    }
  };
  let low = 0;
  let high = source.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsInside(mid + 1)) high = mid;
    else low = mid + 1;
  }
  return Math.min(low, source.length);
}

function describeJsonError(source: string, error: Error): string {
  const offset = errorOffset(source);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = error.message
    .replace(/ in JSON at position[\s\S]*$/, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '');
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}

/** A file as problems name it: relative to the working folder when it is inside it. */
export function shown(file: string): string {
  const nearby = relative(process.cwd(), file);
  return nearby && !nearby.startsWith('..') ? nearby : file;
}

export interface Parsed<T> {
  file: string;
  value: T;
}

/** A curated file's content hash (an incremental compile compares them to find the files that changed). */
export const sourceHash = (source: string) => createHash('sha1').update(source).digest('base64');

/** One curated file, read, parsed and validated; undefined (and problems) when it is broken. */
export function readRecordFile<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  shown: (file: string) => string,
  problems: DataProblem[],
  onSource?: (source: string) => void,
): Parsed<T> | undefined {
  const file = shown(join(dir, name));
  let source: string;
  try {
    source = readFileSync(join(dir, name), 'utf8');
  } catch (error) {
    // A folder named like a data file, or a file that cannot be read: a problem like any other.
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file,
      path: '(file)',
      message:
        code === 'EISDIR' ? 'is a folder, not a JSON file' : `cannot be read (${code ?? (error as Error).message})`,
    });
    return undefined;
  }
  onSource?.(source);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    problems.push({ file, path: '(file)', message: describeJsonError(source, error as Error) });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push({ file, path: jsonPath(issue.path), message: issue.message });
    return undefined;
  }
  const id = (result.data as { id: string }).id;
  if (`${id}.json` !== name)
    problems.push({ file, path: 'id', message: `"${id}" must match the file name (${id}.json)` });
  return { file, value: result.data };
}

/** The data files of a curated folder, in the order records are read (and rows numbered). */
const dataFileNames = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

const decoder = new TextDecoder();

/**
 * A curated folder's records, in file order. `hashes` gets each file's content hash (folder/name);
 * `json` the UTF-8 JSON of the records another thread validated (`away` reads the names from
 * `away.from` on; if it fails, they are read here).
 */
function readFolder<T>(
  dir: string,
  schema: z.ZodType<T>,
  problems: DataProblem[],
  hashes: Map<string, string> | undefined,
  names: readonly string[] = dataFileNames(dir),
  away?: { reading: AwayReading; json: WeakMap<object, Uint8Array>; replied?: boolean },
): Array<Parsed<T>> {
  const folder = basename(dir);
  const parsed: Array<Parsed<T>> = [];
  const readHere = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const name = names[i]!;
      const read = readRecordFile(
        dir,
        name,
        schema,
        shown,
        problems,
        hashes && ((s) => hashes.set(`${folder}/${name}`, sourceHash(s))),
      );
      if (read) parsed.push(read);
    }
  };
  readHere(0, away?.reading.from ?? names.length);
  if (!away) return parsed;
  const { from } = away.reading;
  const reply = away.reading.take();
  if (!reply) {
    readHere(from, names.length);
    return parsed;
  }
  away.replied = true;
  problems.push(...reply.problems);
  reply.hashes.forEach((hash, i) => {
    if (hash) hashes?.set(`${folder}/${names[from + i]}`, hash);
  });
  let start = 0;
  reply.valid.forEach((i, k) => {
    const bytes = reply.json.subarray(start, reply.ends[k]);
    start = reply.ends[k]!;
    const value = JSON.parse(decoder.decode(bytes)) as T & object;
    away.json.set(value, bytes);
    parsed.push({ file: shown(join(dir, names[from + i]!)), value });
  });
  return parsed;
}

/** otherOstArtists are known singers with no titled song here; noSoundtrack stands alone. */
function checkOtherOstArtists(
  file: string,
  d: Drama,
  known: (file: string, path: string, id: string) => void,
  problems: DataProblem[],
): void {
  if (d.noSoundtrack && (d.soundtrack?.length || d.otherOstArtists?.length))
    problems.push({
      file,
      path: 'noSoundtrack',
      message: `says the drama has no OST, yet it lists ${d.soundtrack?.length ? 'soundtrack' : 'otherOstArtists'}; keep one or the other`,
    });
  const titled = new Set((d.soundtrack ?? []).flatMap((t) => t.artists));
  const seen = new Set<string>();
  (d.otherOstArtists ?? []).forEach((id, i) => {
    const path = `otherOstArtists[${i}]`;
    known(file, path, id);
    if (seen.has(id)) problems.push({ file, path, message: `"${id}" is listed twice` });
    if (titled.has(id))
      problems.push({
        file,
        path,
        message: `"${id}" already sings a song in soundtrack; otherOstArtists is only for singers whose song title no page gives`,
      });
    seen.add(id);
  });
}

/** Every source against the policy (source-policy.ts): rejected ones are problems, copies of Wikipedia warnings. */
export function checkSources(
  records: Array<Parsed<{ sources: string[] }>>,
  problems: DataProblem[],
  warnings: DataProblem[],
): void {
  for (const { file, value } of records)
    value.sources.forEach((source, i) => {
      const verdict = judgeSource(source);
      if (verdict)
        (verdict.level === 'reject' ? problems : warnings).push({
          file,
          path: `sources[${i}]`,
          message: verdict.message,
        });
    });
}

/** Checks between people: duplicate ids, groups that exist and are groups. Returns every person by id. */
function checkPeople(people: Array<Parsed<Person>>, problems: DataProblem[]): Map<string, Person> {
  const personIds = new Map<string, Person>();
  for (const { file, value } of people) {
    if (personIds.has(value.id)) problems.push({ file, path: 'id', message: `duplicate person id "${value.id}"` });
    personIds.set(value.id, value);
  }
  for (const { file, value: person } of people) {
    if (person.group !== undefined) {
      if (!personIds.has(person.group))
        problems.push({
          file,
          path: 'group',
          message: `unknown person "${person.group}" (no people/${person.group}.json)`,
        });
      if (personIds.get(person.group) && personIds.get(person.group)!.type !== 'group')
        problems.push({ file, path: 'group', message: `"${person.group}" is not a group (type "group")` });
    }
  }
  return personIds;
}

/** Checks between records that no per-file schema can see. */
function crossCheck(dramas: Array<Parsed<Drama>>, people: Array<Parsed<Person>>, problems: DataProblem[]): void {
  const personIds = checkPeople(people, problems);
  checkDramas(dramas, (id) => personIds.has(id), problems);
}

/** A drama's checks against the others and the people (who `isPerson` knows, all of them or a compiled catalog's). */
export function checkDramas(
  dramas: Array<Parsed<Drama>>,
  isPerson: (id: string) => boolean,
  problems: DataProblem[],
): void {
  const known = (file: string, path: string, id: string) => {
    if (!isPerson(id)) problems.push({ file, path, message: `unknown person "${id}" (no people/${id}.json)` });
  };
  const dramaIds = new Set<string>();
  for (const { file, value: d } of dramas) {
    if (dramaIds.has(d.id)) problems.push({ file, path: 'id', message: `duplicate drama id "${d.id}"` });
    dramaIds.add(d.id);
    if (Number(d.firstAirDate.slice(0, 4)) !== d.year)
      problems.push({ file, path: 'year', message: `${d.year} is not the year of firstAirDate ${d.firstAirDate}` });
    if (d.lastAirDate && d.lastAirDate < d.firstAirDate)
      problems.push({
        file,
        path: 'lastAirDate',
        message: `${d.lastAirDate} is before firstAirDate ${d.firstAirDate}`,
      });
    if (d.episodes.length !== d.episodeCount)
      problems.push({
        file,
        path: 'episodes',
        message: `lists ${d.episodes.length} episodes but episodeCount is ${d.episodeCount}`,
      });
    d.episodes.forEach((e, i) => {
      if (e.number !== i + 1)
        problems.push({
          file,
          path: `episodes[${i}].number`,
          message: `is ${e.number}; episode numbers must run 1, 2, 3... without gaps (expected ${i + 1})`,
        });
      if (e.airDate && (e.airDate < d.firstAirDate || (d.lastAirDate && e.airDate > d.lastAirDate))) {
        problems.push({
          file,
          path: `episodes[${i}].airDate`,
          message: `${e.airDate} is outside the run ${d.firstAirDate} – ${d.lastAirDate ?? '?'}`,
        });
      }
    });
    (d.soundtrack ?? []).forEach((t, i) => {
      if (t.track !== i + 1)
        problems.push({
          file,
          path: `soundtrack[${i}].track`,
          message: `is ${t.track}; track numbers must run 1, 2, 3... (expected ${i + 1})`,
        });
      if (t.episode !== undefined && t.episode > d.episodeCount)
        problems.push({
          file,
          path: `soundtrack[${i}].episode`,
          message: `episode ${t.episode} does not exist (${d.episodeCount} episodes)`,
        });
      t.artists.forEach((a, j) => {
        known(file, `soundtrack[${i}].artists[${j}]`, a);
      });
    });
    checkOtherOstArtists(file, d, known, problems);
    const seen = new Set<string>();
    d.cast.forEach((c, i) => {
      known(file, `cast[${i}].person`, c.person);
      if (seen.has(c.person))
        problems.push({
          file,
          path: `cast[${i}].person`,
          message: `"${c.person}" is listed twice; put both characters in one entry`,
        });
      seen.add(c.person);
    });
    for (const [role, ids] of [
      ['directors', d.directors],
      ['writers', d.writers],
    ] as const)
      (ids ?? []).forEach((p, i) => {
        known(file, `${role}[${i}]`, p);
      });
  }
}

/** What data:check reports: the curated files and the synced TMDB data, counted apart. */
export interface DatasetSummary {
  curated: { dramas: number; people: number };
  /** Sources that pass but should be replaced (copies of Wikipedia), as file → path → what to do. */
  sourceWarnings: string[];
  synced: {
    series: number;
    dramas: number;
    people: number;
    matchedDramas: number;
    matchedPeople: number;
    /** Synced records left out (invalid, or clashing), with why: they never stop the bot. */
    notes: string[];
  };
}

/**
 * Synced dramas go through the same schema and cross-checks as the curated files; one that fails
 * is left out with a note instead of stopping the bot (the next sync may fix it).
 */
function keepValid(
  dramas: Drama[],
  people: Person[],
  syncedFrom: number,
  shown: (file: string) => string,
  dataDir: string,
  notes: string[],
) {
  const synced = dramas.slice(syncedFrom).map((value) => ({
    file: `${shown(snapshotFile(dataDir, value.tmdbId!))} (${value.id})`,
    value,
  }));
  const problems: DataProblem[] = [];
  for (const { file, value } of synced) {
    const parsed = catalogDramaSchema.safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({ file, path: jsonPath(issue.path), message: issue.message });
  }
  crossCheck(
    synced,
    people.map((value) => ({ file: value.id, value })),
    problems,
  );
  const broken = new Set(problems.map((p) => p.file));
  for (const problem of problems) notes.push(`left out: ${formatProblem(problem)}`);
  return [...dramas.slice(0, syncedFrom), ...synced.filter((d) => !broken.has(d.file)).map((d) => d.value)];
}

/** The validated, merged records of a dataset, in catalog row order, and what data:check reports about them. */
export interface DatasetRecords {
  dramas: Drama[];
  people: Person[];
  summary: DatasetSummary;
  /** The UTF-8 JSON of records validated in another thread, by record (the records section's bytes). */
  json?: WeakMap<object, Uint8Array>;
}

/**
 * Reads and validates data/dramas/*.json and data/people/*.json (throws DataError listing every
 * problem), then merges in what `npm run catalog:sync` left under <dataDir>/tmdb/, curated facts
 * first (src/sync/merge.ts). The one place the bot's dataset is read from disk; the compiler
 * (compile-dataset.ts) turns its records into the artifact the bot opens. `hashes` gets each
 * curated file's content hash; `worker` (the compile's worker thread) reads half the drama files.
 */
export function readDataset(
  dataDir: string,
  options: { synced?: boolean; hashes?: Map<string, string>; worker?: BlockingWorker } = {},
): DatasetRecords {
  const root = resolve(dataDir);
  const problems: DataProblem[] = [];
  const folderProblem = (dir: string) => ({ file: shown(dir), path: '(folder)', message: 'is missing' });
  const dramaDir = join(root, 'dramas');
  const dramaNames = existsSync(dramaDir) ? dataFileNames(dramaDir) : undefined;
  // Started first: the worker reads the second half of the dramas while this thread reads the rest.
  const reading = options.worker && dramaNames ? readInThread(options.worker, dramaDir, dramaNames) : undefined;
  const away = reading && { reading, json: new WeakMap<object, Uint8Array>(), replied: false };
  let people: Array<Parsed<Person>>;
  let dramas: Array<Parsed<Drama>>;
  const peopleDir = join(root, 'people');
  if (existsSync(peopleDir)) people = readFolder(peopleDir, personSchema, problems, options.hashes);
  else {
    problems.push(folderProblem(peopleDir));
    people = [];
  }
  if (dramaNames) dramas = readFolder(dramaDir, dramaSchema, problems, options.hashes, dramaNames, away);
  else {
    problems.push(folderProblem(dramaDir));
    dramas = [];
  }
  const json = away?.replied ? { json: away.json } : {};
  crossCheck(dramas, people, problems);
  const warnings: DataProblem[] = [];
  checkSources([...dramas, ...people], problems, warnings);
  if (problems.length) throw new DataError(problems);
  const curated = { dramas: dramas.map((d) => d.value), people: people.map((p) => p.value) };
  const summary: DatasetSummary = {
    curated: { dramas: curated.dramas.length, people: curated.people.length },
    sourceWarnings: warnings.map(formatProblem),
    synced: { series: 0, dramas: 0, people: 0, matchedDramas: 0, matchedPeople: 0, notes: [] },
  };
  if (options.synced === false || !existsSync(syncedDir(root))) return { ...curated, summary, ...json };

  const { snapshots, problems: unreadable } = readSnapshots(root);
  const notes = unreadable.map((p) => `left out: ${shown(p.file)} → ${p.message}`);
  const merged = mergeCatalog(curated, {
    snapshots,
    images: readState(root).images,
    fileOf: (id) => shown(snapshotFile(root, id)),
  });
  notes.push(...merged.notes);
  const syncedFrom = merged.dramas.length - merged.syncedDramas;
  const all = keepValid(merged.dramas, merged.people, syncedFrom, shown, root, notes);
  summary.synced = {
    series: snapshots.length,
    dramas: all.length - syncedFrom,
    people: merged.syncedPeople,
    matchedDramas: merged.matchedDramas,
    matchedPeople: merged.matchedPeople,
    notes,
  };
  return { dramas: all, people: merged.people, summary, ...json };
}

/** readDataset, then a catalog of its records (compiled in memory: see buildCatalog). */
export function loadDataset(
  dataDir: string,
  options: { synced?: boolean } = {},
): { catalog: Catalog; summary: DatasetSummary } {
  const { dramas, people, summary } = readDataset(dataDir, options);
  return { catalog: buildCatalog(dramas, people), summary };
}

export function loadCatalog(dataDir: string): Catalog {
  return loadDataset(dataDir).catalog;
}
