import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { snapshotSchema, type SeriesSnapshot } from './snapshot.ts';

/**
 * The synced half of the dataset, `<DATA_DIR>/tmdb/` (git ignores it: TMDB's terms do not allow
 * redistributing its data): one file per series, and state.json for what the next run needs.
 */
const SYNCED_FOLDER = 'tmdb';

const stateSchema = z.strictObject({
  /** From /configuration: where posters and profile photos are served, size included. */
  images: z.strictObject({ poster: z.string(), profile: z.string() }).optional(),
  /** Series that failed last time, retried first on the next run. */
  failed: z.array(z.strictObject({ id: z.number().int(), title: z.string() })),
  /** Series a run planned and had not finished when it stopped (killed): the next run starts with them. */
  pending: z.array(z.number().int()),
});
export type SyncState = z.infer<typeof stateSchema>;

export const syncedDir = (dataDir: string) => join(dataDir, SYNCED_FOLDER);
const seriesDir = (dataDir: string) => join(syncedDir(dataDir), 'series');
const stateFile = (dataDir: string) => join(syncedDir(dataDir), 'state.json');

export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Write to a temporary file, then rename: a reader (or a kill) never sees half a file. */
function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export function readState(dataDir: string): SyncState {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return { failed: [], pending: [] };
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : { failed: [], pending: [] };
}

export function writeState(dataDir: string, state: SyncState): void {
  mkdirSync(syncedDir(dataDir), { recursive: true });
  writeAtomic(stateFile(dataDir), toJson(state));
}

export function snapshotFile(dataDir: string, tmdbId: number): string {
  return join(seriesDir(dataDir), `${tmdbId}.json`);
}

/** The stored text of one series, or undefined when it was never synced. */
export function readSnapshotText(dataDir: string, tmdbId: number): string | undefined {
  const file = snapshotFile(dataDir, tmdbId);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function writeSnapshot(dataDir: string, snapshot: SeriesSnapshot): void {
  mkdirSync(seriesDir(dataDir), { recursive: true });
  writeAtomic(snapshotFile(dataDir, snapshot.tmdbId), toJson(snapshot));
}

export interface SnapshotProblem {
  file: string;
  message: string;
}

/** Every stored series, in id order; a file that is not a valid snapshot is reported, not loaded. */
export function readSnapshots(dataDir: string): { snapshots: SeriesSnapshot[]; problems: SnapshotProblem[] } {
  const dir = seriesDir(dataDir);
  const snapshots: SeriesSnapshot[] = [];
  const problems: SnapshotProblem[] = [];
  if (!existsSync(dir)) return { snapshots, problems };
  const names = readdirSync(dir).filter((f) => /^\d+\.json$/.test(f));
  for (const name of names.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))) {
    const file = join(dir, name);
    try {
      const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) snapshots.push(parsed.data);
      else
        problems.push({
          file,
          message: `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        });
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
    }
  }
  return { snapshots, problems };
}

/** Leftovers of a run killed between writing a temporary file and renaming it. */
export function removeTempFiles(dataDir: string): void {
  for (const dir of [syncedDir(dataDir), seriesDir(dataDir)]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}
