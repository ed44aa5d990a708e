import { snapshotSchema, toSnapshot, episodeMarker, regularSeasons, type SeriesSnapshot } from './snapshot.ts';
import {
  readSnapshotText,
  readState,
  removeTempFiles,
  toJson,
  writeSnapshot,
  writeState,
  type SyncState,
} from './synced-files.ts';
import type { TmdbClient } from './tmdb-client.ts';
import type { TmdbConfiguration } from './tmdb-types.ts';

type SeriesStatus = 'new' | 'changed' | 'unchanged' | 'failed';

export interface SeriesOutcome {
  id: number;
  title: string;
  status: SeriesStatus;
  /** Why it failed, for the log line. */
  error?: string;
}

export interface SyncOptions {
  dataDir: string;
  client: TmdbClient;
  /** The N most popular Korean series (ignored when ids are given). */
  limit?: number;
  /** Just these TMDB series. */
  ids?: readonly number[];
  /** YYYY-MM-DD: only series TMDB lists as changed since then, and those never synced. */
  since?: string;
  dryRun?: boolean;
  /** Series fetched at once; the client paces the requests themselves. */
  parallel?: number;
  /** Called once the plan is known, then after each series. */
  onPlan?: (total: number, resumed: number) => void;
  onSeries?: (outcome: SeriesOutcome, done: number, total: number) => void;
  today?: () => string;
}

export interface SyncReport {
  outcomes: SeriesOutcome[];
  counts: Record<SeriesStatus, number>;
  requests: number;
}

export const DEFAULT_LIMIT = 200;
const DISCOVER_PAGE_SIZE = 20;
/** TMDB's changes endpoint answers for windows of at most 14 days. */
const CHANGES_WINDOW_DAYS = 14;

function pickSize(sizes: readonly string[], wanted: string): string {
  if (sizes.includes(wanted)) return wanted;
  return sizes.filter((s) => s !== 'original').at(-1) ?? 'original';
}

function imageBases(config: TmdbConfiguration): NonNullable<SyncState['images']> {
  const base = config.images.secure_base_url.replace(/\/?$/, '/');
  return {
    poster: `${base}${pickSize(config.images.poster_sizes, 'w342')}`,
    profile: `${base}${pickSize(config.images.profile_sizes, 'w185')}`,
  };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function changedSince(client: TmdbClient, since: string, today: string): Promise<Set<number>> {
  const changed = new Set<number>();
  for (let start = since; start <= today; start = addDays(start, CHANGES_WINDOW_DAYS)) {
    const end = [addDays(start, CHANGES_WINDOW_DAYS - 1), today].sort()[0]!;
    for (let page = 1, pages = 1; page <= pages && page <= 500; page++) {
      const answer = await client.changes(start, end, page);
      pages = answer.total_pages;
      for (const r of answer.results) changed.add(r.id);
    }
  }
  return changed;
}

/** Which series this run syncs, and the titles known for them before fetching (for failure lines). */
async function plan(options: SyncOptions, state: SyncState, titles: Map<number, string>): Promise<number[]> {
  const { client } = options;
  let chosen: number[];
  if (options.ids?.length) chosen = [...options.ids];
  else {
    const limit = options.limit ?? DEFAULT_LIMIT;
    chosen = [];
    for (let page = 1, pages = 1; chosen.length < limit && page <= pages && page <= 500; page++) {
      const answer = await client.discoverKorean(page);
      pages = answer.total_pages;
      for (const r of answer.results.slice(0, limit - chosen.length)) {
        chosen.push(r.id);
        if (r.name) titles.set(r.id, r.name);
      }
      if (answer.results.length < DISCOVER_PAGE_SIZE) break;
    }
  }
  if (options.since) {
    const changed = await changedSince(
      client,
      options.since,
      options.today?.() ?? new Date().toISOString().slice(0, 10),
    );
    chosen = chosen.filter((id) => changed.has(id) || readSnapshotText(options.dataDir, id) === undefined);
  }
  for (const f of state.failed) titles.set(f.id, f.title);
  // Left over from a run that was stopped, then last run's failures, then the plan: each id once.
  return [...new Set([...state.pending, ...state.failed.map((f) => f.id), ...chosen])];
}

async function fetchSnapshot(client: TmdbClient, id: number, stored: SeriesSnapshot | undefined) {
  const series = await client.series(id);
  const reuse = stored && stored.episodeMarker === episodeMarker(series);
  const seasons = reuse
    ? stored.seasons.map((s) => ({
        season_number: s.number,
        episodes: s.episodes.map((e) => ({
          episode_number: e.number,
          air_date: e.airDate,
          name: e.title,
          runtime: e.runtimeMinutes,
        })),
      }))
    : await Promise.all(regularSeasons(series).map((n) => client.season(id, n)));
  return toSnapshot(series, seasons);
}

function parseStored(text: string | undefined): SeriesSnapshot | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One sync run: plan, fetch each series (a few at a time), write the ones whose facts changed.
 * A failed series never stops the others; it is recorded and retried first on the next run. The
 * state file lists what is still pending, so a run killed half-way resumes where it stopped.
 */
export async function syncCatalog(options: SyncOptions): Promise<SyncReport> {
  const { dataDir, client, dryRun = false } = options;
  const state = readState(dataDir);
  if (!dryRun) removeTempFiles(dataDir);
  const images = imageBases(await client.configuration());
  const titles = new Map<number, string>();
  const ids = await plan(options, state, titles);
  const resumed = state.pending.length;
  options.onPlan?.(ids.length, resumed);
  const pending = new Set(ids);
  const failed: SyncState['failed'] = [];
  const save = () => {
    if (!dryRun)
      writeState(dataDir, { images, failed: [...failed].sort((a, b) => a.id - b.id), pending: [...pending] });
  };
  save();

  const outcomes: SeriesOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const storedText = readSnapshotText(dataDir, id);
      const stored = parseStored(storedText);
      let outcome: SeriesOutcome;
      try {
        const snapshot = await fetchSnapshot(client, id, stored);
        const text = toJson(snapshot);
        const status: SeriesStatus = storedText === undefined ? 'new' : storedText === text ? 'unchanged' : 'changed';
        if (status !== 'unchanged' && !dryRun) writeSnapshot(dataDir, snapshot);
        outcome = { id, title: snapshot.name, status };
      } catch (error) {
        const title = titles.get(id) ?? stored?.name ?? 'unknown title';
        outcome = { id, title, status: 'failed', error: (error as Error).message };
        failed.push({ id, title });
      }
      pending.delete(id);
      outcomes.push(outcome);
      save();
      options.onSeries?.(outcome, outcomes.length, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 4, ids.length) }, worker));
  save();
  const counts: Record<SeriesStatus, number> = { new: 0, changed: 0, unchanged: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  outcomes.sort((a, b) => a.id - b.id);
  return { outcomes, counts, requests: client.requests };
}

/** "812 series: 37 new, 12 changed, 761 unchanged, 2 failed (ids 1234, 5678)". */
export function summaryLine(report: SyncReport, dryRun = false): string {
  const { counts } = report;
  const total = report.outcomes.length;
  const failedIds = report.outcomes.filter((o) => o.status === 'failed').map((o) => o.id);
  const failed = failedIds.length ? `${counts.failed} failed (ids ${failedIds.join(', ')})` : '0 failed';
  const verb = dryRun ? ' (dry run: nothing written)' : '';
  return `${total} series: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${failed}${verb}`;
}
