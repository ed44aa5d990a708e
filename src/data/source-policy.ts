/**
 * Which pages a record may cite. A fan who follows a card's link must land on the publisher's own
 * page: never a proxy, a pirate site, a half-built copy of a site, a forum post, or a page that wants
 * them to log in. data:check rejects those, and warns about copies of Wikipedia and of news articles
 * (the original is one edit away).
 * One entry per host, each with why; a host matches itself and its subdomains.
 */
type Kind = 'proxy' | 'piracy' | 'dev' | 'forum' | 'mirror';

const HOSTS: Record<string, { kind: Kind; why: string }> = {
  // Web proxies: they show someone else's page under their own address.
  'websiteproxy.net': { kind: 'proxy', why: 'a web proxy that fronts torrent sites (1337x)' },
  'croxyproxy.com': { kind: 'proxy', why: 'a web proxy' },
  'proxysite.com': { kind: 'proxy', why: 'a web proxy' },
  'translate.goog': { kind: 'proxy', why: "Google Translate's proxy of another site" },
  // Torrent, piracy and streaming-piracy sites.
  '1337x.to': { kind: 'piracy', why: 'a torrent index' },
  'thepiratebay.org': { kind: 'piracy', why: 'a torrent index' },
  'nyaa.si': { kind: 'piracy', why: 'a torrent index' },
  'kissasian.is': { kind: 'piracy', why: 'a site streaming pirated dramas' },
  'dramacool.info': { kind: 'piracy', why: 'a site streaming pirated dramas' },
  'dramacool.com.pa': { kind: 'piracy', why: 'a site streaming pirated dramas' },
  'myasiantv.cc': { kind: 'piracy', why: 'a site streaming pirated dramas' },
  'komoviesonline.com': { kind: 'piracy', why: 'a site streaming pirated Korean films and dramas' },
  'ergou.cc': { kind: 'piracy', why: 'a site streaming pirated video' },
  'sabmilaga.com': { kind: 'piracy', why: 'a site streaming pirated dubbed episodes' },
  'movieo.info': { kind: 'piracy', why: 'a site streaming unlicensed episodes' },
  'staffify.agency': { kind: 'piracy', why: "a copy of TMDB's pages on an unrelated domain" },
  'downloadmoviesquidgame.blogspot.com': { kind: 'piracy', why: 'a blog offering episode downloads' },
  // Staging, preview and deploy hosts: unfinished copies of a site, gone or changed without notice.
  'go-vip.net': { kind: 'dev', why: "WordPress VIP's staging host" },
  'up.railway.app': { kind: 'dev', why: "Railway's deploy host" },
  'netlify.app': { kind: 'dev', why: "Netlify's deploy host" },
  'vercel.app': { kind: 'dev', why: "Vercel's deploy host" },
  'herokuapp.com': { kind: 'dev', why: "Heroku's deploy host" },
  'pages.dev': { kind: 'dev', why: "Cloudflare Pages' preview host, where copies of other sites live" },
  // Forums and repost boards: anonymous posts that copy someone else's article or photo, edited or
  // deleted at will, often behind a member login. Not a publisher, so rejected like a proxy; cite the
  // article the post copied.
  'theqoo.net': { kind: 'forum', why: 'a fan forum (posts repost articles)' },
  'instiz.net': { kind: 'forum', why: 'a fan forum (posts repost articles)' },
  'pann.nate.com': { kind: 'forum', why: "Nate's anonymous discussion board" },
  'dcinside.com': { kind: 'forum', why: 'a forum (galleries and its issuefeed repost board)' },
  'fmkorea.com': { kind: 'forum', why: 'a forum (posts repost articles)' },
  'reddit.com': { kind: 'forum', why: 'a forum (threads quote or link the article)' },
  'ppomppu.co.kr': { kind: 'forum', why: 'a community forum (its news boards repost articles)' },
  'ppomppu1.co.kr': { kind: 'forum', why: "a copy of Ppomppu's forum boards" },
  'tieba.baidu.com': { kind: 'forum', why: "Baidu's discussion forum" },
  // Copies of news articles: the same text as the newspaper's own page, under another address.
  'kode.co.kr': { kind: 'mirror', why: "a mirror that re-serves other outlets' news articles" },
  // Copies of Wikipedia (and of Namuwiki): cite the original article instead.
  'wikizero.com': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'everything.explained.today': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'infogalactic.com': { kind: 'mirror', why: 'a fork of a 2016 copy of Wikipedia' },
  'enwikipedia.net': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'wikipedia-on-ipfs.org': { kind: 'mirror', why: 'an IPFS snapshot of Wikipedia' },
  'dweb.link': { kind: 'mirror', why: 'an IPFS gateway (Wikipedia snapshots)' },
  'ipfs.io': { kind: 'mirror', why: 'an IPFS gateway (Wikipedia snapshots)' },
  'osmarks.net': { kind: 'mirror', why: 'a Kiwix copy of Wikipedia' },
  'kiwix.org': { kind: 'mirror', why: 'offline copies of Wikipedia' },
  'owiki.org': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'hubbry.com': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'wikiwand.com': { kind: 'mirror', why: "a reader that re-serves Wikipedia's articles" },
  'wikibrief.org': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'theinfolist.com': { kind: 'mirror', why: 'a copy of Wikipedia' },
  'wiki.privacytools.io': { kind: 'mirror', why: 'a proxy of Wikipedia' },
  'mir.pe': { kind: 'mirror', why: 'a copy of Namuwiki (namu.wiki)' },
  'namu.moe': { kind: 'mirror', why: 'a copy of Namuwiki (namu.wiki)' },
};

/** First labels that mark a host as not the public site. */
const DEV_LABEL = /^(staging|stage|dev|beta|test|preview|qa)\d*$|-(staging|beta|dev)$/;
/** Query parameters of a login prompt or a session: the page differs per visitor, or asks to log in. */
const SESSION_PARAM =
  /^(login|login_popup|logout|session|sessionid|session_id|sid|phpsessid|jsessionid|token|auth|access_token)$/i;

export interface SourceVerdict {
  /** reject: data:check fails; warn: data:check passes and says what to cite instead. */
  level: 'reject' | 'warn';
  message: string;
}

function listedHost(host: string): { host: string; kind: Kind; why: string } | undefined {
  for (let at = host; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
    const rule = HOSTS[at];
    if (rule) return { host: at, ...rule };
  }
  return undefined;
}

/** Why a source URL may not be cited, or undefined when it may. */
export function judgeSource(source: string): SourceVerdict | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { level: 'reject', message: 'is not a readable URL' };
  }
  const host = url.hostname.toLowerCase();
  const listed = listedHost(host);
  if (listed?.kind === 'mirror')
    return { level: 'warn', message: `is ${listed.why} (${listed.host}); cite the original article instead` };
  if (listed?.kind === 'proxy' || listed?.kind === 'piracy' || listed?.kind === 'forum')
    return {
      level: 'reject',
      message: `is ${listed.why} (${listed.host}), not a page to send fans to; cite the original publisher's page`,
    };
  if (listed?.kind === 'dev' || DEV_LABEL.test(host.split('.')[0]!))
    return {
      level: 'reject',
      message: `is on ${listed ? listed.why : 'a staging or development host'}: ${host}; cite the page on the publisher's public site`,
    };
  if (/^[\d.]+$/.test(host) || host.startsWith('['))
    return { level: 'reject', message: `names a bare IP address (${host}); cite the page under its site's own name` };
  if (url.port)
    return { level: 'reject', message: `uses port ${url.port}, not the public site; cite the page without it` };
  const session = [...url.searchParams.keys()].find((key) => SESSION_PARAM.test(key));
  if (session)
    return {
      level: 'reject',
      message: `carries a login or session parameter (?${session}); cite the page without it`,
    };
  return undefined;
}
