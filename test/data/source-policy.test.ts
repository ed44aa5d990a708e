import { describe, expect, it } from 'vitest';
import { type DataError, formatProblem, loadDataset } from '../../src/data/load-catalog.ts';
import { judgeSource } from '../../src/data/source-policy.ts';
import { drama, person, writeDataset } from '../support/dataset.ts';

const level = (url: string) => judgeSource(url)?.level;

describe('which pages a record may cite', () => {
  it('rejects web proxies, piracy and streaming-piracy sites', () => {
    expect(judgeSource('https://websiteproxy.net/1337x-proxy/index.php?q=abc')).toEqual({
      level: 'reject',
      message:
        "is a web proxy that fronts torrent sites (1337x) (websiteproxy.net), not a page to send fans to; cite the original publisher's page",
    });
    for (const url of [
      'https://kissasian.is/some-news.html',
      'https://www.dramacool.info/law-school-episode-16.html',
      'https://komoviesonline.com/mr-queen-full-story',
      'https://1337x.to/torrent/1/kingdom/',
    ])
      expect(level(url), url).toBe('reject');
  });

  it('rejects fan forums and repost boards, which are not a publisher', () => {
    expect(judgeSource('https://theqoo.net/index.php?mid=dyb&filter_mode=best&document_srl=1669622696')).toEqual({
      level: 'reject',
      message:
        "is a fan forum (posts repost articles) (theqoo.net), not a page to send fans to; cite the original publisher's page",
    });
    for (const url of [
      'https://www.instiz.net/pt/7137151',
      'https://pann.nate.com/talk/371234567',
      'https://issuefeed.dcinside.com/content/596068',
      'https://gall.dcinside.com/board/view/?id=drama_new3&no=1',
      'https://www.fmkorea.com/5123456789',
      'https://www.reddit.com/r/KDRAMA/comments/abc/lovely_runner/',
      'https://ppomppu1.co.kr/zboard/view.php?id=news_broadcast&no=350873&page=1',
      'https://www.ppomppu.co.kr/zboard/view.php?id=issue&no=1',
      'https://tieba.baidu.com/p/1366360661',
    ])
      expect(level(url), url).toBe('reject');
    expect(judgeSource('https://news.nate.com/view/20240528n12345')).toBeUndefined();
  });

  it('rejects staging, preview and deploy hosts, bare IP addresses and odd ports', () => {
    for (const url of [
      'https://staging.dramabeans.com/2015/09/signal',
      'https://dev.sedaily.com/NewsView/1L3TB9CZ38',
      'https://nabshow-beta.go-vip.net/amplify/articles/x',
      'https://web-production-4e80b.up.railway.app/page/Reply_1997',
      'https://thereviewgeekah.pages.dev/posts/review',
      'http://45.113.194.42/p/1366360661',
      'https://m.melon.com:4554/cds/album',
    ])
      expect(level(url), url).toBe('reject');
    expect(judgeSource('https://staging.soompi.com/article/1')!.message).toBe(
      "is on a staging or development host: staging.soompi.com; cite the page on the publisher's public site",
    );
  });

  it('rejects login and session parameters, and keeps ordinary query strings', () => {
    expect(judgeSource('https://en.kepoper.com/hospital-playlist-season-1/?login_popup')!.message).toBe(
      'carries a login or session parameter (?login_popup); cite the page without it',
    );
    expect(level('https://shop.example.com/page?PHPSESSID=abc')).toBe('reject');
    expect(judgeSource('http://www.koreaherald.com/view.php?ud=20220324000665')).toBeUndefined();
    expect(judgeSource('https://xportsnews.com/?ac=article_view&entry_id=1546910')).toBeUndefined();
  });

  it('warns on copies of Wikipedia and asks for the original', () => {
    expect(judgeSource('https://wikizero.com/en/The_Glory_(TV_series)')).toEqual({
      level: 'warn',
      message: 'is a copy of Wikipedia (wikizero.com); cite the original article instead',
    });
    for (const url of [
      'https://everything.explained.today/Lovely_Runner',
      'https://brainly.infogalactic.com/info/Big_Mouth',
      'https://nzt-eth.ipns.dweb.link/wiki/The_Moon_Embracing_the_Sun.html',
      'https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Weightlifting_Fairy_Kim_Bok-joo',
      'https://d.mir.pe/wiki/We%20All%20Lie',
    ])
      expect(level(url), url).toBe('warn');
    expect(judgeSource('https://en.wikipedia.org/wiki/Kingdom_(South_Korean_TV_series)')).toBeUndefined();
  });

  it("warns on copies of news articles and asks for the newspaper's own page", () => {
    expect(judgeSource('https://kuk.kode.co.kr/article/view/kuk201502160033')).toEqual({
      level: 'warn',
      message:
        "is a mirror that re-serves other outlets' news articles (kode.co.kr); cite the original article instead",
    });
    expect(level('https://kode.co.kr/article/view/kuk201502160033')).toBe('warn');
    expect(judgeSource('https://tenasia.hankyung.com/article/2015021624654')).toBeUndefined();
  });

  it('fails data:check on a rejected source with file, path and reason, and only warns on a mirror', () => {
    const lead = person('lead', 'Lead', { sources: ['https://wikizero.com/en/Lead'] });
    const bad = drama('one', { sources: ['https://example.org/one', 'https://kissasian.is/one.html'] });
    let problems: string[] = [];
    try {
      loadDataset(writeDataset({ 'one.json': bad }, { 'lead.json': lead }), { synced: false });
    } catch (error) {
      problems = (error as DataError).problems.map((p) =>
        formatProblem({ ...p, file: p.file.replace(/^.*\/dramas\//, '') }),
      );
    }
    expect(problems).toEqual([
      "one.json → sources[1] → is a site streaming pirated dramas (kissasian.is), not a page to send fans to; cite the original publisher's page",
    ]);
    const good = drama('one');
    const { summary } = loadDataset(writeDataset({ 'one.json': good }, { 'lead.json': lead }), { synced: false });
    expect(summary.sourceWarnings).toEqual([
      expect.stringMatching(
        /lead\.json → sources\[0\] → is a copy of Wikipedia \(wikizero\.com\); cite the original article instead$/,
      ),
    ]);
  });

  it('leaves the shipped dataset without a rejected source or a copy of Wikipedia or of the news', () => {
    expect(loadDataset('data', { synced: false }).summary.sourceWarnings).toEqual([]);
  });
});
