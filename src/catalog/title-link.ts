import { judgeSource } from '../data/source-policy.ts';

/**
 * Where a card's title links: the best of a record's pages, not the first one listed. The footer
 * still names every site the facts came from; the link is the one page a fan should open.
 * In order: the broadcaster's or platform's own page, Wikipedia, the TMDB page once the record is
 * synced, major press; otherwise the first source that is not a copy of another site.
 */
const OFFICIAL_HOSTS = [
  'netflix.com',
  'disneyplus.com',
  'tving.com',
  'coupangplay.com',
  'wavve.com',
  'tvn.cjenm.com',
  'program.kbs.co.kr',
  'programs.sbs.co.kr',
  'program.imbc.com',
  'tv.jtbc.co.kr',
  'ena.skylife.co.kr',
];
const WIKIPEDIA_HOSTS = ['en.wikipedia.org', 'en.m.wikipedia.org'];
/** Newspapers and news agencies with an editorial desk, before the fan-news sites. */
const PRESS_HOSTS = [
  'koreaherald.com',
  'koreatimes.co.kr',
  'koreajoongangdaily.joins.com',
  'yna.co.kr',
  'nme.com',
  'variety.com',
  'hollywoodreporter.com',
  'straitstimes.com',
  'scmp.com',
  'theguardian.com',
  'nytimes.com',
  'bbc.com',
  'soompi.com',
];

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};
const onHost = (url: string, hosts: readonly string[]) => {
  const host = hostOf(url);
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
};

export function bestPage(record: { sources: readonly string[]; tmdbId?: number }, kind: 'tv' | 'person'): string {
  const usable = record.sources.filter((s) => !judgeSource(s));
  const first = (hosts: readonly string[]) => {
    for (const host of hosts) {
      const found = usable.find((s) => onHost(s, [host]));
      if (found) return found;
    }
    return undefined;
  };
  const wikipedia = first(WIKIPEDIA_HOSTS)?.replace('://en.m.wikipedia.org/', '://en.wikipedia.org/');
  const tmdb = record.tmdbId ? `https://www.themoviedb.org/${kind}/${record.tmdbId}` : undefined;
  return first(OFFICIAL_HOSTS) ?? wikipedia ?? tmdb ?? first(PRESS_HOSTS) ?? usable[0] ?? record.sources[0]!;
}
