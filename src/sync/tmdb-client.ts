import type { z } from 'zod';
import { RequestPacer, sleep } from './request-pacer.ts';
import {
  changesPageSchema,
  configurationSchema,
  discoverPageSchema,
  seasonSchema,
  seriesSchema,
  type TmdbConfiguration,
  type TmdbSeason,
  type TmdbSeries,
} from './tmdb-types.ts';

export const DEFAULT_TMDB_API_URL = 'https://api.themoviedb.org/3';

/** TMDB's genres that are not dramas: news, reality, talk shows, documentaries, kids' and animation. */
const NOT_DRAMA_GENRES = [10763, 10764, 10767, 99, 10762, 16];

/** A request TMDB would not answer, after every retry; the message names the path, never the token. */
class TmdbError extends Error {
  override name = 'TmdbError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface TmdbClientOptions {
  token: string;
  apiUrl?: string;
  /** Requests in flight at once, and starts per second (TMDB answers 429 "somewhere around 40"). */
  concurrency?: number;
  perSecond?: number;
  /** Attempts per request for 429, 5xx and network errors. */
  attempts?: number;
  /** First 5xx backoff; it doubles each attempt. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

/** A thin typed layer over fetch: Bearer auth, pacing, 429/Retry-After, 5xx backoff, zod-checked bodies. */
export class TmdbClient {
  private readonly base: string;
  private readonly pacer: RequestPacer;
  private readonly fetcher: typeof fetch;
  /** Requests sent, retries included: the sync reports it. */
  requests = 0;

  constructor(private readonly options: TmdbClientOptions) {
    this.base = (options.apiUrl ?? DEFAULT_TMDB_API_URL).replace(/\/+$/, '');
    this.pacer = new RequestPacer({ concurrency: options.concurrency ?? 8, perSecond: options.perSecond ?? 35 });
    this.fetcher = options.fetch ?? fetch;
  }

  configuration(): Promise<TmdbConfiguration> {
    return this.get('/configuration', {}, configurationSchema);
  }

  /** One page of Korean series, most popular first. */
  discoverKorean(page: number) {
    return this.get(
      '/discover/tv',
      {
        with_original_language: 'ko',
        with_origin_country: 'KR',
        without_genres: NOT_DRAMA_GENRES.join(','),
        include_adult: 'false',
        sort_by: 'popularity.desc',
        page: String(page),
      },
      discoverPageSchema,
    );
  }

  /** One page of the series changed between two dates (YYYY-MM-DD, at most 14 days apart). */
  changes(startDate: string, endDate: string, page: number) {
    return this.get('/tv/changes', { start_date: startDate, end_date: endDate, page: String(page) }, changesPageSchema);
  }

  series(id: number): Promise<TmdbSeries> {
    return this.get(
      `/tv/${id}`,
      { append_to_response: 'aggregate_credits,external_ids,keywords,translations' },
      seriesSchema,
    );
  }

  season(id: number, season: number): Promise<TmdbSeason> {
    return this.get(`/tv/${id}/season/${season}`, {}, seasonSchema);
  }

  private async get<S extends z.ZodType>(path: string, query: Record<string, string>, schema: S): Promise<z.output<S>> {
    const url = `${this.base}${path}?${new URLSearchParams(query)}`;
    const attempts = this.options.attempts ?? 4;
    let backoff = this.options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.pacer.run(() => {
          this.requests++;
          return this.fetcher(url, {
            headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' },
          });
        });
      } catch (error) {
        if (attempt >= attempts) throw new TmdbError(`GET ${path}: ${(error as Error).message}`);
        await sleep(backoff);
        backoff *= 2;
        continue;
      }
      if (response.ok) {
        const parsed = schema.safeParse(await response.json());
        if (!parsed.success)
          throw new TmdbError(`GET ${path}: unexpected answer (${parsed.error.issues[0]?.path.join('.')})`);
        return parsed.data;
      }
      await response.body?.cancel();
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= attempts) {
        const hint = response.status === 401 ? ' (is TMDB_API_TOKEN the API Read Access Token?)' : '';
        throw new TmdbError(`GET ${path}: HTTP ${response.status}${hint}`, response.status);
      }
      if (response.status === 429) {
        // Retry-After is in seconds; without one, wait a second. Every request waits, not only this one.
        const seconds = Number(response.headers.get('retry-after'));
        this.pacer.holdFor(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000);
      } else {
        await sleep(backoff);
        backoff *= 2;
      }
    }
  }
}
