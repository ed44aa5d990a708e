import { z } from 'zod';

/**
 * The dataset's single source of truth: types and validation both come from here.
 * The format is described for contributors in data/FORMAT.md.
 */
export const GENRES = [
  'romance',
  'comedy',
  'melodrama',
  'thriller',
  'mystery',
  'crime',
  'action',
  'horror',
  'historical',
  'fantasy',
  'sci-fi',
  'medical',
  'legal',
  'music',
  'slice-of-life',
  'family',
  'youth',
  'sports',
  'political',
  'business',
  'military',
  'supernatural',
] as const;

export const ROLE_TYPES = ['main', 'support', 'cameo'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

/** Ids travel inside button custom_ids (100 characters in all), so they stay short. */
export const MAX_ID_LENGTH = 48;
const slug = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "park-hyung-sik"');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

const sourceUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be the http(s) URL of a public page');
const sources = z.array(sourceUrl).min(1, 'must list at least one source page');
/** The record's id on themoviedb.org (…/tv/<id>, …/person/<id>): ties it to the synced TMDB record. */
const tmdbId = z.number().int().positive('must be the positive number from the themoviedb.org URL');

/**
 * A character is named ("Han Sun-woo"), or, when no page publishes a name, described
 * ("Eun-soo's mother"): a described role is never given an invented name.
 */
const character = z
  .strictObject({
    name: text(100).optional(),
    altNames: z.array(text(100)).optional(),
    nativeName: text(100).optional(),
    description: text(100).optional(),
    nativeDescription: text(100).optional(),
  })
  .superRefine((ch, ctx) => {
    if (ch.name === undefined && ch.description === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'needs a "name", or a "description" such as "Eun-soo\'s mother" when no page names the character',
      });
    if (ch.name !== undefined && ch.description !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'is only for a character without a published name; keep "name" and drop "description"',
      });
    if (ch.name === undefined && (ch.altNames !== undefined || ch.nativeName !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [ch.altNames !== undefined ? 'altNames' : 'nativeName'],
        message: 'belongs to a named character; a described one takes "description" and "nativeDescription"',
      });
    if (ch.description === undefined && ch.nativeDescription !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['nativeDescription'],
        message: 'is the Korean form of "description", which is missing',
      });
  });

const castSchema = z.strictObject({
  person: slug,
  role: z.enum(ROLE_TYPES),
  characters: z.array(character).min(1, 'must name at least one character'),
});

const episodeSchema = z.strictObject({
  number: z.number().int().min(1),
  airDate: isoDate.optional(),
  runtimeMinutes: z.number().int().min(1).max(600).optional(),
  title: text(200).optional(),
});

const trackSchema = z.strictObject({
  track: z.number().int().min(1),
  part: z.number().int().min(1).optional(),
  title: text(200),
  nativeTitle: text(200).optional(),
  artists: z.array(slug).min(1, 'must name at least one artist'),
  releaseDate: isoDate.optional(),
  episode: z.number().int().min(1).optional(),
});

export const dramaSchema = z.strictObject({
  id: slug,
  tmdbId: tmdbId.optional(),
  title: text(200),
  altTitles: z.array(text(200)).optional(),
  nativeTitle: text(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as KR'),
  year: z.number().int().min(1950).max(2100),
  firstAirDate: isoDate,
  lastAirDate: isoDate.optional(),
  // Network names are a search filter whose value rides in a custom_id, hence the short limit.
  networks: z.array(text(16)).min(1, 'must name the network or platform'),
  episodeCount: z.number().int().min(1).max(500),
  runtimeMinutes: z.number().int().min(1).max(600).optional(),
  episodes: z.array(episodeSchema),
  genres: z.array(z.enum(GENRES)).min(1).max(4),
  tags: z.array(slug).optional(),
  synopsis: text(800),
  /** The synopsis in Korean, from a Korean source (TMDB's ko-KR overview once synced). */
  nativeSynopsis: text(800).optional(),
  directors: z.array(slug).optional(),
  writers: z.array(slug).optional(),
  cast: z.array(castSchema).min(1, 'must list the leading cast'),
  soundtrack: z.array(trackSchema).optional(),
  /** Singers a page names as having sung for the OST without naming their song (person ids). */
  otherOstArtists: z.array(slug).min(1, 'must name at least one artist, or be left out').optional(),
  /** The drama truly has no OST parts (a page says so); excludes soundtrack and otherOstArtists. */
  noSoundtrack: z.literal(true, 'must be true, or be left out').optional(),
  sources,
});

export const personSchema = z.strictObject({
  id: slug,
  tmdbId: tmdbId.optional(),
  name: text(100),
  altNames: z.array(text(100)).optional(),
  nativeName: text(100).optional(),
  type: z.enum(['person', 'group']).optional(),
  group: slug.optional(),
  sources,
});

/**
 * What only a TMDB sync supplies (npm run catalog:sync), on synced dramas and on curated ones it
 * matched. Curated files never carry it: their schema above does not allow it.
 */
const tmdbDramaExtrasSchema = z.strictObject({
  posterUrl: sourceUrl.optional(),
  imdbId: z
    .string()
    .regex(/^tt\d+$/)
    .optional(),
  /** TMDB's status, reduced to what a card says. */
  status: z.enum(['ended', 'returning', 'upcoming']).optional(),
  /** The next episode TMDB announces: "Airing · episode 9 <date>". */
  nextEpisode: z.strictObject({ number: z.number().int().min(1), airDate: isoDate }).optional(),
});

/**
 * A drama as the bot holds it. Synced records are checked with this schema: TMDB may lack a
 * synopsis, genres we can map, or named characters, so those may be empty where curated files
 * must have them.
 */
export const catalogDramaSchema = dramaSchema.extend({
  synopsis: text(800).optional(),
  genres: z.array(z.enum(GENRES)).max(4),
  networks: z.array(text(16)),
  cast: z.array(castSchema),
  tmdb: tmdbDramaExtrasSchema.optional(),
});

const catalogPersonSchema = personSchema.extend({
  /** TMDB's profile photo, on synced people and curated people matched to TMDB. */
  photoUrl: sourceUrl.optional(),
});

export type Drama = z.infer<typeof catalogDramaSchema>;
export type Person = z.infer<typeof catalogPersonSchema>;
export type TmdbDramaExtras = z.infer<typeof tmdbDramaExtrasSchema>;
export type CastMember = z.infer<typeof castSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Episode = z.infer<typeof episodeSchema>;
export type Character = CastMember['characters'][number];
