import { describe, expect, it } from 'vitest';
import * as actions from '../../src/cards/actions.ts';
import { SEARCH_QUERY_MAX } from '../../src/cards/actions.ts';
import { CUSTOM_ID_MAX, parseCustomId } from '../../src/discord/custom-id.ts';
import { GENRES, MAX_ID_LENGTH } from '../../src/data/schema.ts';

describe('button state in custom_ids', () => {
  it('fits the longest possible search (longest genre, 16-letter network, full query, page 24) in 100 characters', () => {
    const longestGenre = [...GENRES].sort((a, b) => b.length - a.length)[0]!;
    const id = actions.drama.search(
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
    const { command, action } = parseCustomId(actions.drama.search(filter, 3));
    expect([command, action]).toEqual(['drama', 'search']);
    expect(actions.drama.decode(parseCustomId(actions.drama.search(filter, 3)))).toEqual({
      name: 'search',
      page: 3,
      filter: { ...filter, query: 'Re Life 사랑' },
    });
    expect(actions.drama.decode(parseCustomId(actions.drama.search({}, 0)))).toEqual({
      name: 'search',
      page: 0,
      filter: {},
    });
  });

  it('reads back the random filter', () => {
    const decode = (id: string) => actions.drama.decode(parseCustomId(id));
    expect(decode(actions.drama.another({ genre: 'horror', maxEpisodes: 8 }, 'kingdom'))).toEqual({
      name: 'another',
      filter: { genre: 'horror', maxEpisodes: 8 },
      shownId: 'kingdom',
    });
    expect(decode(actions.drama.another({}, 'x'))).toEqual({ name: 'another', filter: {}, shownId: 'x' });
    // A button made before the shown drama rode along still works.
    expect(decode('drama:another:horror:8')).toEqual({ name: 'another', filter: { genre: 'horror', maxEpisodes: 8 } });
  });

  it('fits ids of the longest length the schema allows', () => {
    const id = 'a'.repeat(MAX_ID_LENGTH);
    for (const made of [
      actions.drama.cast(id, 99),
      actions.drama.episodes(id, 99),
      actions.ost.tracks(id, 99),
      actions.ost.song(id, 999),
      actions.cast.page(id, 99),
      actions.ost.artist(id, 99),
    ]) {
      expect(made.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    }
  });
});
