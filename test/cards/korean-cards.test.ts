import { describe, expect, it } from 'vitest';
import { dramaChoices, personChoices, soundtrackChoices } from '../../src/cards/autocomplete.ts';
import { renderDidYouMean } from '../../src/cards/did-you-mean.ts';
import { renderDramaCard } from '../../src/cards/drama-card.ts';
import { renderCastList, renderEpisodeList } from '../../src/cards/drama-lists.ts';
import { button, type Card } from '../../src/cards/message.ts';
import { renderPersonCard } from '../../src/cards/person-card.ts';
import { renderDramaRatings } from '../../src/cards/ratings-cards.ts';
import { renderRecommendations } from '../../src/cards/recommend-card.ts';
import { renderSearchResults } from '../../src/cards/search-results.ts';
import { renderArtistSongs, renderSongCard, renderTracklist } from '../../src/cards/soundtrack.ts';
import { renderAdded, renderWatchlist } from '../../src/cards/watchlist-cards.ts';
import { renderAnnouncement, renderPoll } from '../../src/cards/watchparty-card.ts';
import { loadCatalog } from '../../src/data/load-catalog.ts';
import type { Drama } from '../../src/data/schema.ts';
import { t } from '../../src/i18n/index.ts';
import { findDrama, NotFound } from '../../src/lookup/find.ts';
import { recommend } from '../../src/recommend/recommend.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { tally } from '../../src/watchparty/poll.ts';
import { allPages, cardProblems } from '../support/card-limits.ts';
import { SAMPLE_NOW, samplePoll } from '../support/polls.ts';

/**
 * What a Korean client sees, card by card, for three dramas with rich data: every person and
 * character the data has in Hangul is shown in Hangul, and no particle is left as “와(과)”.
 */
const catalog = loadCatalog('data');
const lookup = { catalog, search: buildSearchIndex(catalog) };
const DRAMAS = ['goblin', 'vincenzo', 'reply-1988'].map((id) => catalog.drama(id)!);
const KO = 'ko';

/** A headline gives both forms on purpose ("이동욱 (Lee Dong-wook)"); so do other spellings and the English synopsis. */
const BOTH_FORMS_ON_PURPOSE = new Set([t(KO, 'card.aka'), t(KO, 'card.synopsisEnglish')]);

/** The text of a card a reader sees, apart from its headline and the fields that are English on purpose. */
function readableText(card: Partial<Card> & { content?: string }): string[] {
  const embeds = (card.embeds ?? []).flatMap((e) => [
    e.description ?? '',
    ...(e.fields ?? []).filter((f) => !BOTH_FORMS_ON_PURPOSE.has(f.name)).flatMap((f) => [f.name, f.value]),
  ]);
  const components = (card.components ?? [])
    .flatMap((r) => r.components)
    .flatMap((c) => [
      'label' in c ? (c.label ?? '') : '',
      ...('options' in c ? c.options.flatMap((o) => [o.label, o.description ?? '']) : []),
    ]);
  return [card.content ?? '', ...embeds, ...components].filter(Boolean);
}

const titlesOf = (card: Partial<Card>) => (card.embeds ?? []).map((e) => e.title ?? '');

/** Every card kind for one drama, as a Korean client gets it. */
function koreanCards(drama: Drama): Array<[string, Partial<Card> & { content?: string }]> {
  const cards: Array<[string, Partial<Card> & { content?: string }]> = [];
  const add = (name: string, card: Partial<Card> & { content?: string }) => {
    cards.push([`${drama.id} ${name}`, card]);
  };
  const addPages = (name: string, render: (page: number) => Card) => {
    for (const [page, card] of allPages(render).entries()) add(`${name} p${page}`, card);
  };
  add(
    'card',
    renderDramaCard(drama, catalog, KO, { rating: { average: 9.1, count: 12 }, buttons: [button('x', 'y')] }),
  );
  addPages('cast', (p) => renderCastList(drama, catalog, KO, p));
  addPages('episodes', (p) => renderEpisodeList(drama, KO, p));
  addPages('ost', (p) => renderTracklist(drama, catalog, KO, p));
  for (const track of drama.soundtrack ?? []) add(`song ${track.track}`, renderSongCard(drama, track, catalog, KO));
  const people = new Set([
    ...(drama.directors ?? []),
    ...(drama.writers ?? []),
    ...drama.cast.map((c) => c.person),
    ...(drama.soundtrack ?? []).flatMap((s) => s.artists),
    ...(drama.otherOstArtists ?? []),
  ]);
  for (const id of people) {
    const person = catalog.person(id)!;
    addPages(id, (p) => renderPersonCard(person, catalog, KO, p));
    if (catalog.creditsOf(id).some((c) => c.kind === 'artist'))
      addPages(`${id} songs`, (p) => renderArtistSongs(person, catalog, KO, p));
    add(`${id} autocomplete`, { content: personChoices(lookup.search, catalog, person.name, KO)[0]!.name });
  }
  const similar = recommend(catalog, {
    seeds: [{ drama, weight: 1 }],
    serverRatings: new Map(),
    exclude: new Set([drama.id]),
  });
  add('recommend', renderRecommendations(similar, 'like', drama, catalog, KO));
  add('search', renderSearchResults([drama, ...similar.map((r) => r.drama)], { genre: drama.genres[0] }, KO, 0));
  for (const typed of [drama.nativeTitle, drama.title])
    add(typed === drama.title ? 'autocomplete' : `autocomplete ${typed}`, {
      content: [
        ...dramaChoices(lookup.search, catalog, typed, KO),
        ...soundtrackChoices(lookup.search, catalog, typed, KO),
      ]
        .map((c) => c.name)
        .join('\n'),
    });
  try {
    findDrama(lookup, `${drama.title.slice(0, -1)}x zq`);
  } catch (error) {
    if (error instanceof NotFound) add('did you mean', renderDidYouMean(error, catalog, KO));
    else throw error;
  }
  const entry = {
    dramaId: drama.id,
    status: 'watching' as const,
    episode: 3,
    addedAt: SAMPLE_NOW,
    updatedAt: SAMPLE_NOW,
  };
  add('watchlist added', { content: renderAdded(entry, drama, true, KO) });
  add(
    'watchlist',
    renderWatchlist([{ entry, drama }], { member: '민지', page: 0, pageId: (p) => `watchlist:${p}` }, KO),
  );
  const poll = samplePoll({
    locale: KO,
    kind: 'dramas',
    options: [drama, ...similar.slice(0, 2).map((r) => r.drama)].map((d) => ({ dramaId: d.id })),
    titles: {},
    votes: { a: 0, b: 1, c: 0 },
  });
  add('watch party', renderPoll({ poll, result: tally(poll) }, catalog));
  add('watch party result', {
    content: renderAnnouncement(
      { poll: { ...poll, closed: { at: SAMPLE_NOW, by: 'timer', result: tally(poll) } }, result: tally(poll) },
      catalog,
    ),
  });
  add('ratings', renderDramaRatings(drama, { byMember: { a: { score: 9, review: '최고', at: SAMPLE_NOW } } }, KO));
  return cards;
}

/** The romanized forms of every person and character the catalog also has in Hangul. */
const romanizedWithHangul = [
  ...catalog.people.filter((p) => p.nativeName).flatMap((p) => [p.name, ...(p.altNames ?? [])]),
  ...catalog.dramas.flatMap((d) =>
    d.cast.flatMap((c) => c.characters.filter((ch) => ch.nativeName && ch.name).map((ch) => ch.name!)),
  ),
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ROMANIZED = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${[...new Set(romanizedWithHangul)].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`,
  'u',
);
const FALLBACK = /[가-힣]\((?:을|를|이|가|은|는|와|과|으|로|아|야|이나|나|이랑|랑|이라|라|예요|이에요)\)|\(으\)로/;

describe('every card kind in Korean, for Goblin, Vincenzo and Reply 1988', () => {
  const all = DRAMAS.flatMap(koreanCards);

  it('renders every kind: card, cast, episodes, OST, songs, people, recommendations, search, autocomplete, did-you-mean, watchlist, watch party, ratings', () => {
    const kinds = ['card', 'cast p0', 'episodes p0', 'ost p0', 'song 1', 'recommend', 'search', 'autocomplete'];
    const more = ['did you mean', 'watchlist added', 'watchlist', 'watch party', 'watch party result', 'ratings'];
    for (const drama of DRAMAS)
      for (const kind of [...kinds, ...more]) expect(all.map(([name]) => name)).toContain(`${drama.id} ${kind}`);
    for (const drama of DRAMAS)
      for (const lead of drama.cast.filter((c) => c.role === 'main'))
        expect(all.map(([name]) => name)).toContain(`${drama.id} ${lead.person} p0`);
  });

  it('shows no romanized name of anyone or any character the data has in Hangul', () => {
    const offenders = all.flatMap(([name, card]) =>
      readableText(card)
        .filter((text) => ROMANIZED.test(text))
        .map((text) => `${name}: ${ROMANIZED.exec(text)![0]} in “${text.slice(0, 120)}”`),
    );
    expect(offenders).toEqual([]);
  });

  it('writes no particle as a “와(과)” fallback, in any text or title', () => {
    const offenders = all.flatMap(([name, card]) =>
      [...readableText(card), ...titlesOf(card)]
        .filter((text) => FALLBACK.test(text))
        .map((text) => `${name}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shows the leads, directors and writers by their Hangul names', () => {
    for (const drama of DRAMAS) {
      const card = renderDramaCard(drama, catalog, KO);
      const text = readableText(card).join('\n');
      for (const id of [...(drama.directors ?? []), ...(drama.writers ?? [])]) {
        const person = catalog.person(id)!;
        expect(text).toContain(person.nativeName ?? person.name);
      }
      for (const lead of drama.cast.filter((c) => c.role === 'main').slice(0, 2)) {
        const person = catalog.person(lead.person)!;
        if (person.nativeName) expect(text).toContain(person.nativeName);
      }
    }
  });

  it('fixes what the issue saw on Goblin: directors and the Grim Reaper in Hangul, one form each', () => {
    const fields = Object.fromEntries(
      (renderDramaCard(DRAMAS[0]!, catalog, KO).embeds[0]!.fields ?? []).map((f) => [f.name, f.value]),
    );
    expect(fields.연출).toBe('이응복, 권혁찬, 윤종호');
    expect(fields.주연).toContain('이동욱 (저승사자 역)');
  });

  it('labels genres and tags in Korean, and an English synopsis as English', () => {
    const goblin = renderDramaCard(DRAMAS[0]!, catalog, KO).embeds[0]!;
    const fields = Object.fromEntries((goblin.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.장르).toMatch(/[가-힣]/);
    expect(fields.태그).not.toMatch(/[a-z]{3}/);
    if (!DRAMAS[0]!.nativeSynopsis) {
      expect(goblin.description).toBeUndefined();
      expect(fields['줄거리 (영어)']).toBe(DRAMAS[0]!.synopsis);
    }
  });

  it('shows a Korean synopsis where one is sourced, in place of the English one', () => {
    const drama = { ...DRAMAS[1]!, nativeSynopsis: '이탈리아 마피아의 변호사 빈센조가 한국으로 돌아온다.' };
    const embed = renderDramaCard(drama, catalog, KO).embeds[0]!;
    expect(embed.description).toBe(drama.nativeSynopsis);
    expect((embed.fields ?? []).map((f) => f.name)).not.toContain('줄거리 (영어)');
    expect(renderDramaCard(drama, catalog, 'en-US').embeds[0]!.description).toBe(drama.synopsis);
  });

  it('keeps every card within Discord’s limits', () => {
    const broken = all
      .filter(([, card]) => card.embeds)
      .flatMap(([name, card]) => cardProblems(card as Card).map((p) => `${name}: ${p}`));
    expect(broken).toEqual([]);
  });
});
