import type { CastMember, Drama, GENRES, Person, RoleType, TmdbDramaExtras } from '../data/schema.ts';

type Genre = (typeof GENRES)[number];
import { hasHangul, words } from '../search/normalize.ts';
import type { SeriesSnapshot } from './snapshot.ts';
import type { SyncState } from './synced-files.ts';

/**
 * A TMDB series as the bot's records: one drama per season (as the curated files count seasons),
 * and one person per TMDB person. Credits still point at TMDB person ids here; merge.ts decides
 * which of them are curated people.
 */
export type CreditKind = 'cast' | 'director' | 'writer';

interface TmdbCredit {
  tmdbPersonId: number;
  kind: CreditKind;
  role?: RoleType;
  characters?: CastMember['characters'];
}

export interface SyncedDrama {
  /** The drama, without cast, directors and writers (they are filled once people are resolved). */
  drama: Drama;
  credits: TmdbCredit[];
  season: number;
  /** Where it came from, for data:check's notes. */
  file: string;
}

export interface TmdbPerson {
  tmdbId: number;
  name: string;
  nativeName?: string;
  photoPath?: string;
}

export const tmdbSeriesPage = (id: number) => `https://www.themoviedb.org/tv/${id}`;
export const tmdbPersonPage = (id: number) => `https://www.themoviedb.org/person/${id}`;

/** TMDB's TV genres that say something about a drama; "Drama" itself says nothing here. */
const GENRE_MAP: Record<string, Genre> = {
  'Action & Adventure': 'action',
  Comedy: 'comedy',
  Crime: 'crime',
  Family: 'family',
  Mystery: 'mystery',
  'Sci-Fi & Fantasy': 'fantasy',
  Soap: 'melodrama',
  'War & Politics': 'political',
};

/** TMDB keywords that name one of our genres. */
const KEYWORD_GENRES: Record<string, Genre> = {
  romance: 'romance',
  'romantic comedy': 'romance',
  comedy: 'comedy',
  melodrama: 'melodrama',
  thriller: 'thriller',
  'psychological thriller': 'thriller',
  mystery: 'mystery',
  crime: 'crime',
  horror: 'horror',
  zombie: 'horror',
  'historical drama': 'historical',
  'joseon dynasty': 'historical',
  'period drama': 'historical',
  fantasy: 'fantasy',
  'time travel': 'fantasy',
  'science fiction': 'sci-fi',
  'medical drama': 'medical',
  hospital: 'medical',
  'legal drama': 'legal',
  lawyer: 'legal',
  courtroom: 'legal',
  music: 'music',
  'slice of life': 'slice-of-life',
  'family drama': 'family',
  'high school': 'youth',
  'coming of age': 'youth',
  sports: 'sports',
  politics: 'political',
  military: 'military',
  supernatural: 'supernatural',
  ghost: 'supernatural',
};
/** Keywords shown as tags, at most this many (the rest still reach no card). */
const MAX_TAGS = 5;

/** The billed leads: TMDB orders cast by billing, and K-dramas bill up to four leads. */
const LEADS = 4;
const MAX_NETWORK_LENGTH = 16;

/** "When Life Gives You Tangerines" → "when-life-gives-you-tangerines", cut to fit an id. */
function slugOf(text: string, max: number): string {
  const slug = words(text)
    .filter((w) => /^[a-z0-9]+$/.test(w))
    .join('-');
  const cut = slug.slice(0, max).replace(/-[^-]*$/, (tail) => (slug.length > max ? '' : tail));
  return cut.replace(/^-+|-+$/g, '');
}

/** A stable id no curated file uses: the title's slug and the TMDB id ("buried-hearts-251443"). */
function recordId(text: string, suffix: string): string {
  const slug = slugOf(text, 47 - suffix.length);
  return slug ? `${slug}-${suffix}` : `tmdb-${suffix}`;
}

const personIdOf = (p: TmdbPerson) => recordId(p.name, String(p.tmdbId));

function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf(' '));
  return `${cut.slice(0, end > max * 0.6 ? end : cut.length).trimEnd()}…`;
}

function statusOf(snapshot: SeriesSnapshot): TmdbDramaExtras['status'] {
  switch (snapshot.status) {
    case 'Ended':
    case 'Canceled':
      return 'ended';
    case 'Returning Series':
      return 'returning';
    case 'Planned':
    case 'In Production':
    case 'Pilot':
      return 'upcoming';
    default:
      return undefined;
  }
}

/** Every person a series credits, once each. */
export function peopleOf(snapshot: SeriesSnapshot): TmdbPerson[] {
  return [...snapshot.cast, ...snapshot.crew].map((p) => ({
    tmdbId: p.id,
    name: p.name,
    ...(p.originalName && hasHangul(p.originalName) ? { nativeName: p.originalName } : {}),
    ...(p.profilePath ? { photoPath: p.profilePath } : {}),
  }));
}

export function personRecord(p: TmdbPerson, images: SyncState['images']): Person {
  return {
    id: personIdOf(p),
    tmdbId: p.tmdbId,
    name: cutText(p.name, 100),
    ...(p.nativeName ? { nativeName: cutText(p.nativeName, 100) } : {}),
    ...(p.photoPath && images ? { photoUrl: `${images.profile}${p.photoPath}` } : {}),
    sources: [tmdbPersonPage(p.tmdbId)],
  };
}

/** One drama per regular season; a series with no dated first episode is not a drama yet. */
export function dramasOf(snapshot: SeriesSnapshot, images: SyncState['images'], file: string): SyncedDrama[] {
  const credits: TmdbCredit[] = [
    ...snapshot.cast
      .filter((c) => c.characters.length)
      .map(
        (c, i): TmdbCredit => ({
          tmdbPersonId: c.id,
          kind: 'cast',
          role: i < LEADS ? 'main' : 'support',
          characters: c.characters.map((name) => ({ name: cutText(name, 100) })),
        }),
      ),
    ...snapshot.crew.flatMap((c) => c.jobs.map((kind): TmdbCredit => ({ tmdbPersonId: c.id, kind }))),
  ];
  const status = statusOf(snapshot);
  const keywords = (snapshot.keywords ?? []).map((k) => k.toLowerCase());
  const genres = [...new Set([...snapshot.genres.map((g) => GENRE_MAP[g]), ...keywords.map((k) => KEYWORD_GENRES[k])])]
    .filter((g): g is Genre => !!g)
    .slice(0, 4);
  const tags = [...new Set(keywords.filter((k) => !KEYWORD_GENRES[k]).map((k) => slugOf(k, 40)))]
    .filter(Boolean)
    .slice(0, MAX_TAGS);
  const networks = snapshot.networks.filter((n) => n.length <= MAX_NETWORK_LENGTH);
  const nativeBase = snapshot.originalName && hasHangul(snapshot.originalName) ? snapshot.originalName : snapshot.name;
  const lastSeason = Math.max(0, ...snapshot.seasons.map((s) => s.number));
  const finished = status === 'ended';
  return snapshot.seasons.flatMap((season): SyncedDrama[] => {
    const dated = season.episodes.map((e) => e.airDate).filter((d): d is string => !!d);
    const first = season.number === 1 ? (snapshot.firstAirDate ?? dated[0]) : (season.airDate ?? dated[0]);
    if (!first || !season.episodes.length) return [];
    const firstAirDate = [first, ...dated].sort()[0]!;
    const seasonDone = finished || season.number < lastSeason;
    const lastAirDate = seasonDone && dated.length ? dated.sort().at(-1) : undefined;
    const suffix = season.number === 1 ? '' : ` Season ${season.number}`;
    const next = snapshot.nextEpisode?.season === season.number ? snapshot.nextEpisode : undefined;
    const tmdb = {
      ...(snapshot.posterPath && images ? { posterUrl: `${images.poster}${snapshot.posterPath}` } : {}),
      ...(snapshot.imdbId && /^tt\d+$/.test(snapshot.imdbId) ? { imdbId: snapshot.imdbId } : {}),
      ...(status ? { status: season.number < lastSeason ? ('ended' as const) : status } : {}),
      ...(next ? { nextEpisode: { number: next.episode, airDate: next.airDate } } : {}),
    };
    const page =
      season.number === 1
        ? tmdbSeriesPage(snapshot.tmdbId)
        : `${tmdbSeriesPage(snapshot.tmdbId)}/season/${season.number}`;
    const drama: Drama = {
      id: recordId(
        snapshot.name,
        season.number === 1 ? String(snapshot.tmdbId) : `${snapshot.tmdbId}-s${season.number}`,
      ),
      tmdbId: snapshot.tmdbId,
      title: cutText(`${snapshot.name}${suffix}`, 200),
      nativeTitle: cutText(season.number === 1 ? nativeBase : `${nativeBase} 시즌${season.number}`, 200),
      country: /^[A-Z]{2}$/.test(snapshot.originCountry[0] ?? '') ? snapshot.originCountry[0]! : 'KR',
      year: Number(firstAirDate.slice(0, 4)),
      firstAirDate,
      ...(lastAirDate ? { lastAirDate } : {}),
      networks,
      episodeCount: season.episodes.length,
      ...(snapshot.runtimeMinutes ? { runtimeMinutes: Math.min(snapshot.runtimeMinutes, 600) } : {}),
      episodes: season.episodes.map((e, i) => ({
        number: i + 1,
        ...(e.airDate && e.airDate >= firstAirDate && (!lastAirDate || e.airDate <= lastAirDate)
          ? { airDate: e.airDate }
          : {}),
        ...(e.runtimeMinutes && e.runtimeMinutes <= 600 ? { runtimeMinutes: e.runtimeMinutes } : {}),
        ...(e.title && !/^Episode \d+$/.test(e.title) ? { title: cutText(e.title, 200) } : {}),
      })),
      genres,
      ...(tags.length ? { tags } : {}),
      ...(snapshot.overview ? { synopsis: cutText(snapshot.overview, 800) } : {}),
      ...(snapshot.overviewKo ? { nativeSynopsis: cutText(snapshot.overviewKo, 800) } : {}),
      cast: [],
      sources: [page],
      ...(Object.keys(tmdb).length ? { tmdb } : {}),
    };
    return [{ drama, credits, season: season.number, file }];
  });
}
