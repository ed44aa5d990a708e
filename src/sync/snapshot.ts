import { z } from 'zod';
import type { TmdbSeason, TmdbSeries } from './tmdb-types.ts';

/**
 * What the sync keeps of one TMDB series: `<DATA_DIR>/tmdb/series/<id>.json`. It is TMDB's data,
 * trimmed and in a fixed key order, so two syncs of an unchanged series write the same bytes. The
 * loader turns it into dramas and people and merges those with the curated files (merge.ts).
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const personRef = {
  id: z.number().int().positive(),
  name: z.string().min(1),
  originalName: z.string().optional(),
  profilePath: z.string().optional(),
};

export const snapshotSchema = z.strictObject({
  tmdbId: z.number().int().positive(),
  name: z.string().min(1),
  originalName: z.string().optional(),
  originCountry: z.array(z.string()),
  overview: z.string().optional(),
  /** TMDB's Korean (ko-KR) overview, when one is written. */
  overviewKo: z.string().optional(),
  firstAirDate: date.optional(),
  lastAirDate: date.optional(),
  /** TMDB's status: "Returning Series", "Ended", "Canceled", "In Production", "Planned"... */
  status: z.string().optional(),
  genres: z.array(z.string()),
  /** TMDB's keywords ("romance", "revenge", "based on webtoon"): genres and tags where they map. */
  keywords: z.array(z.string()).optional(),
  networks: z.array(z.string()),
  posterPath: z.string().optional(),
  imdbId: z.string().optional(),
  runtimeMinutes: z.number().int().positive().optional(),
  /** episodeMarker() when the episodes were fetched: they are fetched again only when it moves. */
  episodeMarker: z.string(),
  nextEpisode: z.strictObject({ season: z.number().int(), episode: z.number().int(), airDate: date }).optional(),
  seasons: z.array(
    z.strictObject({
      number: z.number().int().positive(),
      name: z.string().optional(),
      airDate: date.optional(),
      episodes: z.array(
        z.strictObject({
          number: z.number().int().positive(),
          airDate: date.optional(),
          title: z.string().optional(),
          runtimeMinutes: z.number().int().positive().optional(),
        }),
      ),
    }),
  ),
  cast: z.array(
    z.strictObject({ ...personRef, characters: z.array(z.string()), episodes: z.number().int().optional() }),
  ),
  crew: z.array(z.strictObject({ ...personRef, jobs: z.array(z.enum(['director', 'writer'])) })),
});

export type SeriesSnapshot = z.infer<typeof snapshotSchema>;

/** About 40 credits per series: the billed cast, enough for every card and search, no extras. */
const MAX_CAST = 40;
const WRITER_JOBS = new Set(['Writer', 'Screenplay', 'Teleplay', 'Story', 'Novel', 'Original Story']);
const isDate = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
const positive = (n: number | undefined) => (n && n > 0 ? Math.round(n) : undefined);

/** Keys in a fixed order and no undefined values: the file is the same bytes when the facts are. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The Korean overview among the series' translations: Korea's first, then any other Korean one. */
function koreanOverview(series: TmdbSeries): string | undefined {
  const korean = series.translations.translations.filter((t) => t.iso_639_1 === 'ko' && t.data.overview);
  return (korean.find((t) => t.iso_3166_1 === 'KR') ?? korean[0])?.data.overview;
}

/** The seasons worth fetching episodes for: numbered 1 and up (season 0 is TMDB's "Specials"). */
export function regularSeasons(series: TmdbSeries): number[] {
  return series.seasons
    .filter((s) => s.season_number > 0 && (s.episode_count ?? 0) > 0)
    .map((s) => s.season_number)
    .sort((a, b) => a - b);
}

export function toSnapshot(series: TmdbSeries, seasons: readonly TmdbSeason[]): SeriesSnapshot {
  const cast = [...series.aggregate_credits.cast]
    .sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.id - b.id)
    .slice(0, MAX_CAST)
    .map((c) =>
      clean({
        id: c.id,
        name: c.name.trim(),
        originalName: c.original_name,
        profilePath: c.profile_path,
        characters: [...new Set(c.roles.map((r) => r.character?.trim()).filter((n): n is string => !!n))],
        episodes: c.total_episode_count,
      }),
    )
    .filter((c) => c.name);
  const crewById = new Map<number, SeriesSnapshot['crew'][number]>();
  for (const c of series.aggregate_credits.crew) {
    const jobs = c.jobs.flatMap((j) =>
      j.job === 'Director' ? ['director' as const] : j.job && WRITER_JOBS.has(j.job) ? ['writer' as const] : [],
    );
    if (!jobs.length || !c.name.trim()) continue;
    const known = crewById.get(c.id);
    const all = [...new Set([...(known?.jobs ?? []), ...jobs])].sort();
    crewById.set(
      c.id,
      clean({ id: c.id, name: c.name.trim(), originalName: c.original_name, profilePath: c.profile_path, jobs: all }),
    );
  }
  const next = series.next_episode_to_air;
  return clean({
    tmdbId: series.id,
    name: series.name.trim(),
    originalName: series.original_name,
    originCountry: series.origin_country,
    overview: series.overview,
    overviewKo: koreanOverview(series),
    firstAirDate: isDate(series.first_air_date) ? series.first_air_date : undefined,
    lastAirDate: isDate(series.last_air_date) ? series.last_air_date : undefined,
    status: series.status,
    genres: series.genres.map((g) => g.name),
    keywords: series.keywords.results.length ? series.keywords.results.map((k) => k.name.trim()).sort() : undefined,
    networks: series.networks.map((n) => n.name),
    posterPath: series.poster_path,
    imdbId: series.external_ids.imdb_id,
    runtimeMinutes: positive(series.episode_run_time[0]),
    episodeMarker: episodeMarker(series),
    nextEpisode:
      next && isDate(next.air_date)
        ? { season: next.season_number, episode: next.episode_number, airDate: next.air_date }
        : undefined,
    seasons: [...seasons]
      .filter((s) => s.season_number > 0)
      .sort((a, b) => a.season_number - b.season_number)
      .map((s) => {
        const meta = series.seasons.find((m) => m.season_number === s.season_number);
        return clean({
          number: s.season_number,
          name: meta?.name,
          airDate: isDate(meta?.air_date) ? meta.air_date : undefined,
          episodes: [...s.episodes]
            .filter((e) => e.episode_number > 0)
            .sort((a, b) => a.episode_number - b.episode_number)
            .map((e) =>
              clean({
                number: e.episode_number,
                airDate: isDate(e.air_date) ? e.air_date : undefined,
                title: e.name,
                runtimeMinutes: positive(e.runtime),
              }),
            ),
        });
      }),
    cast,
    crew: [...crewById.values()].sort((a, b) => a.id - b.id),
  });
}

/**
 * What says "the episodes changed": TMDB moves the last and next episode markers whenever one airs
 * or is announced. When they match the stored snapshot, its episodes are reused and the series
 * costs one request instead of one per season.
 */
export function episodeMarker(series: TmdbSeries): string {
  const ref = (e: TmdbSeries['next_episode_to_air']) =>
    e ? `${e.season_number}x${e.episode_number}@${e.air_date ?? ''}` : '-';
  return [
    ref(series.last_episode_to_air),
    ref(series.next_episode_to_air),
    series.number_of_episodes ?? '',
    regularSeasons(series).join(','),
  ].join('|');
}
