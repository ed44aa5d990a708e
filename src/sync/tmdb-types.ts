import { z } from 'zod';

/**
 * The parts of TMDB's v3 responses the sync reads. TMDB's OpenAPI description types many fields as
 * plain strings or integers where the live API sends null when unknown (runtime, poster_path,
 * air dates...), and vote_average as an integer where it sends decimals: every field here accepts
 * both, and unknown fields pass through untouched.
 */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const maybeText = maybe(z.string()).transform((v) => (v?.trim() ? v.trim() : undefined));

export const configurationSchema = z.object({
  images: z.object({
    secure_base_url: z.string(),
    poster_sizes: z.array(z.string()).default([]),
    profile_sizes: z.array(z.string()).default([]),
  }),
});

export const discoverPageSchema = z.object({
  page: z.number().int(),
  total_pages: z.number().int(),
  results: z.array(z.object({ id: z.number().int(), name: maybeText })),
});

export const changesPageSchema = z.object({
  page: z.number().int(),
  total_pages: z.number().int(),
  results: z.array(z.object({ id: z.number().int() })),
});

const episodeRefSchema = z.object({
  season_number: z.number().int(),
  episode_number: z.number().int(),
  air_date: maybeText,
});

const aggregateCastSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  original_name: maybeText,
  profile_path: maybeText,
  order: maybe(z.number()),
  total_episode_count: maybe(z.number().int()),
  roles: z.array(z.object({ character: maybeText, episode_count: maybe(z.number().int()) })).default([]),
});

const aggregateCrewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  original_name: maybeText,
  profile_path: maybeText,
  department: maybeText,
  jobs: z.array(z.object({ job: maybeText, episode_count: maybe(z.number().int()) })).default([]),
});

/** `/tv/{id}?append_to_response=aggregate_credits,external_ids,keywords,translations`. */
export const seriesSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  original_name: maybeText,
  original_language: maybeText,
  origin_country: z.array(z.string()).default([]),
  overview: maybeText,
  first_air_date: maybeText,
  last_air_date: maybeText,
  status: maybeText,
  in_production: maybe(z.boolean()),
  number_of_episodes: maybe(z.number().int()),
  episode_run_time: z
    .array(z.number())
    .nullish()
    .transform((v) => v ?? []),
  genres: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
  networks: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
  poster_path: maybeText,
  next_episode_to_air: maybe(episodeRefSchema),
  last_episode_to_air: maybe(episodeRefSchema),
  seasons: z
    .array(
      z.object({
        season_number: z.number().int(),
        episode_count: maybe(z.number().int()),
        air_date: maybeText,
        name: maybeText,
      }),
    )
    .default([]),
  aggregate_credits: z
    .object({ cast: z.array(aggregateCastSchema).default([]), crew: z.array(aggregateCrewSchema).default([]) })
    .default({ cast: [], crew: [] }),
  external_ids: z.object({ imdb_id: maybeText }).default({ imdb_id: undefined }),
  keywords: z.object({ results: z.array(z.object({ name: z.string() })).default([]) }).default({ results: [] }),
  /** The series' name and overview in every language TMDB holds, Korean ("ko", "KR") among them. */
  translations: z
    .object({
      translations: z
        .array(
          z.object({
            iso_639_1: maybeText,
            iso_3166_1: maybeText,
            data: z.object({ overview: maybeText }).default({ overview: undefined }),
          }),
        )
        .default([]),
    })
    .default({ translations: [] }),
});

/** `/tv/{id}/season/{n}`: per-episode air dates, titles and runtimes come only from here. */
export const seasonSchema = z.object({
  season_number: z.number().int(),
  episodes: z
    .array(
      z.object({
        episode_number: z.number().int(),
        air_date: maybeText,
        name: maybeText,
        runtime: maybe(z.number()),
      }),
    )
    .default([]),
});

export type TmdbConfiguration = z.infer<typeof configurationSchema>;
export type TmdbSeries = z.infer<typeof seriesSchema>;
export type TmdbSeason = z.infer<typeof seasonSchema>;
