import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ALWAYS_FAILING, FAKE_SERIES, type FakeSeries } from './series.ts';
import { createResponseValidator } from './spec.ts';

/**
 * A local TMDB (v3) for tests and for trying `npm run catalog:sync` offline. It checks the Bearer
 * token and the discover filters, answers the first tries of some requests with 429 and a
 * Retry-After, always fails one series with a 500, and checks every body it sends against TMDB's
 * OpenAPI description (violations are collected for the tests to assert on).
 */
export interface FakeTmdbOptions {
  token?: string;
  series?: FakeSeries[];
  /** How many first tries of /tv/{id} answer 429 (one per series, in request order). */
  throttledFirstTries?: number;
  /** Seconds sent in Retry-After. */
  retryAfter?: number;
  /** Series ids /tv/changes lists. */
  changed?: number[];
  /** Added to every answer, to give a test time to kill a sync half-way. */
  delayMs?: number;
}

export interface FakeTmdb {
  url: string;
  token: string;
  series: FakeSeries[];
  /** "GET /3/tv/219246 → 200", in order. */
  log: string[];
  /** Bodies that did not match TMDB's description. */
  violations: string[];
  changed: number[];
  close(): Promise<void>;
}

function details(s: FakeSeries) {
  const last = s.episodes.at(-1)!;
  const episodeRef = (e: { episode_number: number; air_date?: string }) => ({
    id: s.id * 100 + e.episode_number,
    name: `Episode ${e.episode_number}`,
    overview: '',
    vote_average: 0,
    vote_count: 0,
    ...(e.air_date ? { air_date: e.air_date } : {}),
    episode_number: e.episode_number,
    production_code: '',
    season_number: 1,
    show_id: s.id,
  });
  return {
    adult: false,
    created_by: [],
    episode_run_time: s.episode_run_time,
    first_air_date: s.first_air_date,
    genres: s.genres,
    homepage: '',
    id: s.id,
    in_production: s.status !== 'Ended',
    languages: ['ko'],
    last_air_date: s.last_air_date,
    last_episode_to_air: episodeRef(last),
    name: s.name,
    next_episode_to_air: s.next_episode_to_air ? episodeRef(s.next_episode_to_air) : null,
    networks: s.networks.map((name, i) => ({ id: s.id * 10 + i, name, origin_country: 'KR' })),
    number_of_episodes: s.episodes.length,
    number_of_seasons: 1,
    origin_country: ['KR'],
    original_language: 'ko',
    original_name: s.original_name,
    overview: s.overview,
    popularity: s.popularity,
    poster_path: s.poster_path,
    production_companies: [],
    production_countries: [{ iso_3166_1: 'KR', name: 'South Korea' }],
    seasons: [
      {
        air_date: s.first_air_date,
        episode_count: s.episodes.length,
        id: s.id * 10,
        name: 'Season 1',
        overview: '',
        season_number: 1,
        vote_average: 0,
      },
    ],
    spoken_languages: [{ english_name: 'Korean', iso_639_1: 'ko', name: '한국어/조선말' }],
    status: s.status,
    tagline: '',
    type: 'Scripted',
    vote_average: 8,
    vote_count: 100,
  };
}

function aggregateCredits(s: FakeSeries) {
  return {
    id: s.id,
    cast: s.cast.map((c, order) => ({
      adult: false,
      gender: 0,
      id: c.id,
      known_for_department: 'Acting',
      name: c.name,
      original_name: c.original_name,
      popularity: 10,
      ...(c.profile_path ? { profile_path: c.profile_path } : {}),
      roles: c.characters.map((character, i) => ({
        credit_id: `${s.id}-${c.id}-${i}`,
        character,
        episode_count: c.episodes,
      })),
      total_episode_count: c.episodes,
      order,
    })),
    crew: s.crew.map((c) => ({
      adult: false,
      gender: 0,
      id: c.id,
      known_for_department: c.job === 'Director' ? 'Directing' : 'Writing',
      name: c.name,
      original_name: c.original_name,
      popularity: 5,
      jobs: [{ credit_id: `${s.id}-${c.id}-job`, job: c.job, episode_count: s.episodes.length }],
      department: c.job === 'Director' ? 'Directing' : 'Writing',
      total_episode_count: s.episodes.length,
    })),
  };
}

/** The English overview, and the Korean one where the series has it, as `/tv/{id}/translations` lists them. */
function translations(s: FakeSeries) {
  const entry = (country: string, language: string, name: string, englishName: string, overview: string) => ({
    iso_3166_1: country,
    iso_639_1: language,
    name,
    english_name: englishName,
    data: { name: language === 'ko' ? s.original_name : s.name, overview, homepage: '', tagline: '' },
  });
  return {
    id: s.id,
    translations: [
      entry('US', 'en', 'English', 'English', s.overview),
      ...(s.overview_ko ? [entry('KR', 'ko', '한국어/조선말', 'Korean', s.overview_ko)] : []),
    ],
  };
}

function season(s: FakeSeries) {
  return {
    _id: `season-${s.id}-1`,
    air_date: s.first_air_date,
    episodes: s.episodes.map((e) => ({
      ...(e.air_date ? { air_date: e.air_date } : {}),
      episode_number: e.episode_number,
      episode_type: 'standard',
      id: s.id * 100 + e.episode_number,
      name: e.name ?? `Episode ${e.episode_number}`,
      overview: '',
      production_code: '',
      ...(e.runtime ? { runtime: e.runtime } : {}),
      season_number: 1,
      show_id: s.id,
      vote_average: 0,
      vote_count: 0,
      crew: [],
      guest_stars: [],
    })),
    name: 'Season 1',
    overview: '',
    id: s.id * 10,
    poster_path: s.poster_path,
    season_number: 1,
    vote_average: 0,
  };
}

export async function startFakeTmdb(options: FakeTmdbOptions = {}): Promise<FakeTmdb> {
  const token = options.token ?? 'local-tmdb-read-access-token';
  const validate = createResponseValidator();
  const state: FakeTmdb = {
    url: '',
    token,
    series: [...(options.series ?? FAKE_SERIES)],
    log: [],
    violations: [],
    changed: [...(options.changed ?? [])],
    close: async () => {},
  };
  let throttleLeft = options.throttledFirstTries ?? 2;
  const throttledOnce = new Set<string>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const ok = (res: ServerResponse, specPath: string, body: unknown, parts: Record<string, [string, unknown]> = {}) => {
    state.violations.push(...validate(specPath, body));
    const extra: Record<string, unknown> = {};
    for (const [key, [partSpec, part]] of Object.entries(parts)) {
      state.violations.push(...validate(partSpec, part));
      extra[key] = part;
    }
    send(res, 200, { ...(body as object), ...extra });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/3/, '');
    const reply = (status: number) => state.log.push(`GET ${url.pathname} → ${status}`);
    if (req.headers.authorization !== `Bearer ${token}`) {
      reply(401);
      return send(res, 401, {
        status_code: 7,
        status_message: 'Invalid API key: You must be granted a valid key.',
        success: false,
      });
    }
    if (path === '/configuration') {
      reply(200);
      return ok(res, '/3/configuration', {
        images: {
          base_url: 'http://image.tmdb.org/t/p/',
          secure_base_url: 'https://image.tmdb.org/t/p/',
          backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
          logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
          poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
          profile_sizes: ['w45', 'w185', 'h632', 'original'],
          still_sizes: ['w92', 'w185', 'w300', 'original'],
        },
        change_keys: ['name', 'overview', 'poster_path', 'season'],
      });
    }
    if (path === '/discover/tv') {
      const korean =
        url.searchParams.get('with_original_language') === 'ko' || url.searchParams.get('with_origin_country') === 'KR';
      const all = korean ? [...state.series].sort((a, b) => b.popularity - a.popularity) : [];
      const page = Number(url.searchParams.get('page') ?? '1');
      const results = all.slice((page - 1) * 20, page * 20).map((s) => ({
        backdrop_path: s.poster_path,
        first_air_date: s.first_air_date,
        genre_ids: s.genres.map((g) => g.id),
        id: s.id,
        name: s.name,
        origin_country: ['KR'],
        original_language: 'ko',
        original_name: s.original_name,
        overview: s.overview,
        popularity: s.popularity,
        poster_path: s.poster_path,
        vote_average: 8,
        vote_count: 100,
      }));
      reply(200);
      return ok(res, '/3/discover/tv', {
        page,
        results,
        total_pages: Math.max(1, Math.ceil(all.length / 20)),
        total_results: all.length,
      });
    }
    if (path === '/tv/changes') {
      reply(200);
      return ok(res, '/3/tv/changes', {
        results: state.changed.map((id) => ({ id, adult: false })),
        page: 1,
        total_pages: 1,
        total_results: state.changed.length,
      });
    }
    const match = /^\/tv\/(\d+)(?:\/season\/(\d+))?$/.exec(path);
    const series = match ? state.series.find((s) => s.id === Number(match[1])) : undefined;
    if (!match || !series) {
      reply(404);
      return send(res, 404, {
        status_code: 34,
        status_message: 'The resource you requested could not be found.',
        success: false,
      });
    }
    if (series.id === ALWAYS_FAILING.id) {
      reply(500);
      return send(res, 500, { status_code: 11, status_message: 'Internal error.', success: false });
    }
    if (!match[2] && throttleLeft > 0 && !throttledOnce.has(path)) {
      throttleLeft--;
      throttledOnce.add(path);
      reply(429);
      return send(
        res,
        429,
        { status_code: 25, status_message: 'Your request count is over the allowed limit.', success: false },
        { 'retry-after': String(options.retryAfter ?? 1) },
      );
    }
    reply(200);
    if (match[2]) return ok(res, '/3/tv/{series_id}/season/{season_number}', season(series));
    return ok(res, '/3/tv/{series_id}', details(series), {
      aggregate_credits: ['/3/tv/{series_id}/aggregate_credits', aggregateCredits(series)],
      keywords: [
        '/3/tv/{series_id}/keywords',
        { id: series.id, results: (series.keywords ?? []).map((name, i) => ({ id: series.id * 100 + i, name })) },
      ],
      translations: ['/3/tv/{series_id}/translations', translations(series)],
      external_ids: [
        '/3/tv/{series_id}/external_ids',
        { id: series.id, ...(series.imdb_id ? { imdb_id: series.imdb_id } : {}) },
      ],
    });
  };

  const server = createServer((req, res) => {
    if (options.delayMs) setTimeout(() => handle(req, res), options.delayMs);
    else handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/3`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

// `npx tsx test/fake-tmdb/server.ts`: a local TMDB to try the sync against, until Ctrl-C.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tmdb = await startFakeTmdb();
  process.stdout.write(
    `local TMDB on ${tmdb.url}\ntry: TMDB_API_URL=${tmdb.url} TMDB_API_TOKEN=${tmdb.token} npm run catalog:sync -- --limit 20\n`,
  );
}
