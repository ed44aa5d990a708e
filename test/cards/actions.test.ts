import { describe, expect, it } from 'vitest';
import { actions, parseRandomArgs, parseSearchArgs, SEARCH_QUERY_MAX } from '../../src/cards/actions.ts';
import { CUSTOM_ID_MAX, parseCustomId } from '../../src/discord/custom-id.ts';
import { GENRES, MAX_ID_LENGTH } from '../../src/data/schema.ts';

describe('button state in custom_ids', () => {
  it('fits the longest possible search (longest genre, 16-letter network, full query, page 24) in 100 characters', () => {
    const longestGenre = [...GENRES].sort((a, b) => b.length - a.length)[0]!;
    const id = actions.searchPage(
      {
        genre: longestGenre,
        year: 2024,
        maxEpisodes: 500,
        network: 'N'.repeat(16),
        query: '가'.repeat(SEARCH_QUERY_MAX),
      },
      24,
    );
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
  });

  it('reads back every search filter, including a query that had colons in it', () => {
    const filter = { genre: 'romance', year: 2022, maxEpisodes: 16, network: 'Disney+', query: 'Re:Life 사랑' };
    const { command, action, args } = parseCustomId(actions.searchPage(filter, 3));
    expect([command, action]).toEqual(['drama', 'search']);
    expect(parseSearchArgs(args)).toEqual({ page: 3, filter: { ...filter, query: 'Re Life 사랑' } });
    expect(parseSearchArgs(parseCustomId(actions.searchPage({}, 0)).args)).toEqual({ page: 0, filter: {} });
  });

  it('reads back the random filter', () => {
    expect(
      parseRandomArgs(parseCustomId(actions.another({ genre: 'horror', maxEpisodes: 8 }, 'kingdom')).args),
    ).toEqual({
      filter: { genre: 'horror', maxEpisodes: 8 },
      shownId: 'kingdom',
    });
    expect(parseRandomArgs(parseCustomId(actions.another({}, 'x')).args)).toEqual({ filter: {}, shownId: 'x' });
    // A button made before the shown drama rode along still works.
    expect(parseRandomArgs(['horror', '8'])).toEqual({ filter: { genre: 'horror', maxEpisodes: 8 } });
  });

  it('fits ids of the longest length the schema allows', () => {
    const id = 'a'.repeat(MAX_ID_LENGTH);
    for (const made of [
      actions.cast(id, 99),
      actions.episodes(id, 99),
      actions.tracks(id, 99),
      actions.song(id, 999),
      actions.personPage(id, 99),
      actions.artist(id, 99),
    ]) {
      expect(made.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    }
  });
});
