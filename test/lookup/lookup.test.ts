import { describe, expect, it } from 'vitest';
import * as actions from '../../src/cards/actions.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import { renderDidYouMean } from '../../src/cards/did-you-mean.ts';
import { dramaChoices, networkChoices, personChoices, soundtrackChoices } from '../../src/cards/autocomplete.ts';
import { networksByUse } from '../../src/catalog/orderings.ts';
import { findDramas, pickRandom, resolveNetwork } from '../../src/lookup/filter.ts';
import { dramaById, findDrama, findPerson, findSoundtrack, NotFound, songById } from '../../src/lookup/find.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { thrownText, thrownUserError } from '../support/user-error.ts';

const catalog = loadCatalog('data');
const index = buildSearchIndex(catalog);
const lookup = { search: index, catalog };

/** What the router shows for the NotFound that `fn` throws. */
function thrown(fn: () => unknown, locale = 'en-US') {
  const error = thrownUserError(fn);
  if (!(error instanceof NotFound)) throw new Error(`expected NotFound, got ${error.key}`);
  const { content, components } = renderDidYouMean(error, catalog, locale);
  return { message: content, components };
}

describe('findDramas (/drama search)', () => {
  it('applies every filter together', () => {
    const found = findDramas(index, catalog, { genre: 'romance', network: 'tvN', maxEpisodes: 16 });
    expect(found.length).toBeGreaterThan(3);
    for (const d of found) {
      expect(d.genres).toContain('romance');
      expect(d.networks).toContain('tvN');
      expect(d.episodeCount).toBeLessThanOrEqual(16);
    }
    expect(findDramas(index, catalog, { year: 2022 }).every((d) => d.year === 2022)).toBe(true);
  });

  it('ranks by the query when there is one, newest first otherwise', () => {
    expect(findDramas(index, catalog, { query: 'soundtrack' })[0]!.id).toBe('soundtrack-1');
    const all = findDramas(index, catalog, {});
    expect(all).toHaveLength(catalog.dramas.length);
    expect(all.map((d) => d.firstAirDate)).toEqual(
      all
        .map((d) => d.firstAirDate)
        .sort()
        .reverse(),
    );
  });

  it('finds dramas through the people in them', () => {
    expect(findDramas(index, catalog, { query: 'Park Hyung-sik', genre: 'legal' }).map((d) => d.id)).toEqual([
      'suits-2018',
    ]);
  });
});

describe('pickRandom (/drama random)', () => {
  it('picks only among dramas that pass the filter, and every one of them can come up', () => {
    const pool = catalog.dramas.filter((d) => d.genres.includes('horror'));
    const picked = new Set(
      Array.from(
        { length: pool.length },
        (_, i) => pickRandom(catalog, { genre: 'horror' }, () => i / pool.length)!.id,
      ),
    );
    expect([...picked].sort()).toEqual(pool.map((d) => d.id).sort());
  });

  it('returns nothing when nothing passes', () => {
    expect(pickRandom(catalog, { genre: 'horror', maxEpisodes: 1 })).toBeUndefined();
  });
});

describe('networks', () => {
  it('resolves what people type to the catalog’s spelling', () => {
    expect(resolveNetwork(catalog, 'netflix')).toBe('Netflix');
    expect(resolveNetwork(catalog, 'disney plus')).toBe('Disney+');
    expect(resolveNetwork(catalog, 'kbs 2')).toBe('KBS2');
    expect(resolveNetwork(catalog, 'HBO')).toBeUndefined();
    expect(resolveNetwork(catalog, 'KBS 2TV')).toBe('KBS2');
  });

  it('takes a broadcaster for all its channels: network KBS finds the KBS2 dramas', () => {
    expect(resolveNetwork(catalog, 'KBS')).toBe('KBS');
    expect(resolveNetwork(catalog, 'Korean Broadcasting System')).toBe('KBS');
    const onKbs = findDramas(index, catalog, { network: 'KBS' });
    expect(onKbs.length).toBe(catalog.dramas.filter((d) => d.networks.includes('KBS2')).length);
    expect(onKbs.length).toBeGreaterThan(0);
    expect(onKbs.every((d) => d.networks.some((n) => n.startsWith('KBS')))).toBe(true);
    // A channel stays a channel, and a family name does not swallow other names that share letters.
    expect(findDramas(index, catalog, { network: 'KBS2' })).toEqual(onKbs);
    expect(findDramas(index, catalog, { network: 'tvN' }).every((d) => d.networks.includes('tvN'))).toBe(true);
    expect(networkChoices(catalog, 'n').map((c) => c.name)).toEqual(
      expect.arrayContaining(['Netflix', 'TVING', 'ENA']),
    );
    expect(networksByUse(catalog)[0]).toBe('tvN');
  });
});

describe('from typed text to a record, or a did-you-mean', () => {
  it('finds the record for an autocomplete value and for clear typed text', () => {
    expect(findDrama(lookup, 'd:vincenzo').id).toBe('vincenzo');
    expect(findDrama(lookup, 'Vincenzo').id).toBe('vincenzo');
    expect(findPerson(lookup, '박형식').id).toBe('park-hyung-sik');
    expect(findSoundtrack(lookup, 's:soundtrack-1:1')).toMatchObject({
      type: 'song',
      track: { title: 'Love Beyond Words' },
    });
    expect(findSoundtrack(lookup, 'Kyuhyun')).toMatchObject({ type: 'artist', person: { id: 'kyuhyun' } });
  });

  it('opens the drama when a character’s full name is typed, instead of a did-you-mean', () => {
    expect(findDrama(lookup, 'Woo Young-woo').id).toBe('extraordinary-attorney-woo');
    expect(findDrama(lookup, 'vincenzo cassano').id).toBe('vincenzo');
  });

  it('acts for a write only on an exact title: near misses get did-you-mean buttons, nothing is guessed', () => {
    for (const typed of ['squid game 2', 'bb', 'daaaa', 'Woo Young-woo']) {
      const error = thrown(() => findDrama(lookup, typed, 'rate', 'exact'));
      expect(error.message.split('\n')[0]).toBe(
        `Which drama do you mean by “${typed}”? Nothing is saved until you pick one.`,
      );
      const buttons = (error.components[0] as { components: Array<{ custom_id: string }> }).components;
      expect(buttons.every((b) => b.custom_id.startsWith('rate:open:'))).toBe(true);
    }
    expect(findDrama(lookup, 'squid game', undefined, 'exact').id).toBe('squid-game');
    expect(findDrama(lookup, 'd:big-mouth', undefined, 'exact').id).toBe('big-mouth');
    expect(findDrama(lookup, '빈센조', undefined, 'exact').id).toBe('vincenzo');
    // Lookups may still guess.
    expect(findDrama(lookup, 'squid game 2').id).toBe('squid-game');
  });

  it('answers an unknown title with what was searched and up to three suggestion buttons', () => {
    const error = thrown(() => findDrama(lookup, 'vincenso the lawyer'));
    expect(error.message).toMatch(/^No drama matches “vincenso the lawyer”\./);
    expect(error.components).toHaveLength(1);
    const suggestions = (error.components[0] as { components: Array<{ custom_id: string }> }).components;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions.map((s) => s.custom_id)).toContain(actions.drama.card('vincenzo'));
  });

  it('offers buttons that open what the command shows (episode lists for /drama episodes)', () => {
    const error = thrown(() => findDrama(lookup, 'hopsital', 'episodes'));
    const ids = (error.components[0] as { components: Array<{ custom_id: string }> }).components.map(
      (c) => c.custom_id,
    );
    expect(ids.every((id) => id.startsWith('drama:episodes:'))).toBe(true);
  });

  it('shows huge or odd input back short and harmless, with a tip when nothing is close', () => {
    const error = thrown(() => findDrama(lookup, `${'@everyone **x** '.repeat(500)}`));
    expect(error.message.length).toBeLessThan(250);
    expect(error.message).toContain('\\*\\*x\\*\\*');
    const nothing = thrown(() => findPerson(lookup, 'xylophone'));
    expect(nothing.message).toBe(
      'Nobody in the catalog matches “xylophone”.\nTip: pick from the list that appears as you type.',
    );
    expect(nothing.components).toEqual([]);
  });

  it('says an entry is gone when a button names a record the catalog no longer has', () => {
    expect(thrownText(() => dramaById(catalog, 'deleted-drama'))).toBe('That entry is no longer in the catalog.');
    expect(thrownText(() => songById(catalog, 'soundtrack-1', 99), 'ko')).toBe('더 이상 카탈로그에 없는 항목이에요.');
  });
});

describe('autocomplete before anything is typed', () => {
  it('offers the newest dramas, the busiest people and the biggest soundtracks', () => {
    expect(dramaChoices(index, catalog, '', 'en-US')).toHaveLength(25);
    expect(dramaChoices(index, catalog, ' ', 'en-US')[0]!.value).toBe(
      `d:${[...catalog.dramas].sort((a, b) => b.firstAirDate.localeCompare(a.firstAirDate))[0]!.id}`,
    );
    expect(personChoices(index, catalog, '', 'ko')).toHaveLength(25);
    expect(soundtrackChoices(index, catalog, '', 'en-US')[0]!.value).toMatch(/^d:/);
  });
});
