import { describe, expect, it } from 'vitest';
import { bestPage } from '../../src/catalog/title-link.ts';

describe('the page a card title links to', () => {
  it('prefers the official page, then Wikipedia, then TMDB once synced, then major press, then the first source', () => {
    const blog = 'https://someblog.example/post';
    const herald = 'http://www.koreaherald.com/view.php?ud=1';
    const wiki = 'https://en.m.wikipedia.org/wiki/Kingdom_(South_Korean_TV_series)';
    const netflix = 'https://www.netflix.com/title/80180171';
    expect(bestPage({ sources: [blog, herald, wiki, netflix] }, 'tv')).toBe(netflix);
    expect(bestPage({ sources: [blog, herald, wiki] }, 'tv')).toBe(
      'https://en.wikipedia.org/wiki/Kingdom_(South_Korean_TV_series)',
    );
    expect(bestPage({ sources: [blog, herald], tmdbId: 70593 }, 'tv')).toBe('https://www.themoviedb.org/tv/70593');
    expect(bestPage({ sources: [blog, herald] }, 'tv')).toBe(herald);
    expect(bestPage({ sources: [blog], tmdbId: 1 }, 'person')).toBe('https://www.themoviedb.org/person/1');
    expect(bestPage({ sources: [blog] }, 'tv')).toBe(blog);
  });

  it('never links a proxy or a copy when another page is listed', () => {
    expect(
      bestPage(
        { sources: ['https://websiteproxy.net/1337x-proxy/?q=x', 'https://wikizero.com/en/X', 'https://b.example/'] },
        'tv',
      ),
    ).toBe('https://b.example/');
  });
});
