import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, formatProblem, loadCatalog } from '../../src/data/load-catalog.ts';
import { drama, person, writeDataset } from '../support/dataset.ts';

const LEAD = { 'lead.json': person('lead', 'Park Hyung-sik') };

function problemsOf(dir: string): string[] {
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof DataError)
      return error.problems.map((p) => formatProblem({ ...p, file: p.file.replace(/^.*?(dramas|people)\//, '$1/') }));
    throw error;
  }
  return [];
}

describe('loadCatalog', () => {
  it('reports a folder named like a data file as one more bad file, not a raw EISDIR', () => {
    const dir = writeDataset({ 'one.json': drama('one'), 'two.json': '{ "id": ' }, LEAD);
    mkdirSync(join(dir, 'dramas', 'x.json'));
    expect(problemsOf(dir)).toEqual(
      [
        'dramas/two.json → (file) → invalid JSON at line 1, column 9: Unexpected end of JSON input',
        'dramas/x.json → (file) → is a folder, not a JSON file',
      ].sort(),
    );
  });

  it('loads a valid dataset and links people to their credits', () => {
    const catalog = loadCatalog(writeDataset({ 'one.json': drama('one') }, LEAD));
    expect(catalog.dramas.map((d) => d.id)).toEqual(['one']);
    expect(catalog.creditsOf('lead').map((c) => [c.drama.id, c.kind, c.role])).toEqual([['one', 'cast', 'main']]);
  });

  it('accepts a positive tmdbId on dramas and people and rejects any other', () => {
    const ok = loadCatalog(
      writeDataset(
        { 'one.json': { ...drama('one'), tmdbId: 130392 } },
        { 'lead.json': { ...person('lead', 'Park Hyung-sik'), tmdbId: 7 } },
      ),
    );
    expect(ok.dramas[0]?.tmdbId).toBe(130392);
    expect(problemsOf(writeDataset({ 'one.json': { ...drama('one'), tmdbId: 0 } }, LEAD))).toEqual([
      expect.stringMatching(/^dramas\/one\.json → tmdbId → must be the positive number/),
    ]);
    expect(problemsOf(writeDataset({ 'one.json': { ...drama('one'), tmdbId: 1.5 } }, LEAD))).toEqual([
      expect.stringMatching(/^dramas\/one\.json → tmdbId → /),
    ]);
  });

  it('reports bad JSON with the file, and the line and column', () => {
    expect(problemsOf(writeDataset({ 'one.json': '{\n  "id": "one",\n  "title": \n}' }, LEAD))).toEqual([
      expect.stringMatching(/^dramas\/one\.json → \(file\) → invalid JSON at line 4, column 1/),
    ]);
  });

  it('reports a wrong type with its JSON path', () => {
    const broken = { ...drama('one'), episodeCount: '2' } as unknown as ReturnType<typeof drama>;
    expect(problemsOf(writeDataset({ 'one.json': broken }, LEAD))).toEqual([
      expect.stringMatching(/^dramas\/one\.json → episodeCount → .*expected number, received string/),
    ]);
  });

  it('reports an unknown person id wherever it is used', () => {
    const d = drama('one', {
      directors: ['nobody'],
      soundtrack: [{ track: 1, title: 'Love Beyond Words', artists: ['ghost'] }],
    });
    expect(problemsOf(writeDataset({ 'one.json': d }, LEAD))).toEqual([
      'dramas/one.json → soundtrack[0].artists[0] → unknown person "ghost" (no people/ghost.json)',
      'dramas/one.json → directors[0] → unknown person "nobody" (no people/nobody.json)',
    ]);
  });

  it('reports duplicate ids and ids that do not match their file name', () => {
    const problems = problemsOf(
      writeDataset(
        { 'one.json': drama('one'), 'two.json': drama('one') },
        { ...LEAD, 'copy.json': person('lead', 'Park Hyungsik') },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'people/copy.json → id → "lead" must match the file name (lead.json)',
        'people/lead.json → id → duplicate person id "lead"',
        'dramas/two.json → id → "one" must match the file name (one.json)',
        'dramas/two.json → id → duplicate drama id "one"',
      ]),
    );
  });

  it('reports impossible dates and dates that contradict each other', () => {
    const d = drama('one', {
      firstAirDate: '2022-02-30',
      episodes: [{ number: 1, airDate: '2023-01-01' }, { number: 2 }],
    });
    const e = drama('two', { lastAirDate: '2022-01-01' });
    expect(problemsOf(writeDataset({ 'one.json': d, 'two.json': e }, LEAD))).toEqual([
      'dramas/one.json → firstAirDate → is not a real calendar date',
      'dramas/two.json → lastAirDate → 2022-01-01 is before firstAirDate 2022-03-23',
    ]);
  });

  it('reports gaps in episode and track numbers, and episode lists that do not match the count', () => {
    const d = drama('one', {
      episodeCount: 3,
      episodes: [{ number: 1 }, { number: 3 }],
      soundtrack: [{ track: 2, title: 'Song', artists: ['lead'] }],
    });
    expect(problemsOf(writeDataset({ 'one.json': d }, LEAD))).toEqual([
      'dramas/one.json → episodes → lists 2 episodes but episodeCount is 3',
      'dramas/one.json → episodes[1].number → is 3; episode numbers must run 1, 2, 3... without gaps (expected 2)',
      'dramas/one.json → soundtrack[0].track → is 2; track numbers must run 1, 2, 3... (expected 1)',
    ]);
  });

  it('lists every problem in every file, not only the first', () => {
    const problems = problemsOf(
      writeDataset(
        {
          'a.json': '{',
          'b.json': { ...drama('b'), genres: ['space-opera'] } as never,
          'c.json': drama('c', { cast: [{ person: 'x', role: 'main', characters: [{ name: 'X' }] }] }),
        },
        { ...LEAD, 'bad.json': { id: 'bad', name: '' } as never },
      ),
    );
    expect(problems.map((p) => p.split(' → ')[0])).toEqual([
      'people/bad.json',
      'people/bad.json',
      'dramas/a.json',
      'dramas/b.json',
      'dramas/c.json',
    ]);
  });
});

describe('described characters, untitled OST singers and dramas without an OST', () => {
  const singers = { ...LEAD, 'standing-egg.json': person('standing-egg', 'Standing Egg', { type: 'group' }) };

  it('accepts a character described instead of named, and singers without a song title', () => {
    const d = drama('one', {
      cast: [
        {
          person: 'lead',
          role: 'support',
          characters: [{ description: "Eun-soo's mother", nativeDescription: '은수 엄마' }],
        },
      ],
      otherOstArtists: ['standing-egg'],
    });
    const catalog = loadCatalog(writeDataset({ 'one.json': d }, singers));
    expect(catalog.creditsOf('standing-egg').map((c) => [c.drama.id, c.kind, c.track])).toEqual([
      ['one', 'artist', undefined],
    ]);
  });

  it('asks for a name or a description, never both, and keeps name spellings for named characters', () => {
    const d = drama('one', {
      cast: [{ person: 'lead', role: 'main', characters: [{}, { name: 'Jay Jun', description: 'pop star' }] }],
    });
    const nameless = drama('two', {
      cast: [{ person: 'lead', role: 'main', characters: [{ description: 'a mother', altNames: ['Mom'] }] }],
    });
    expect(problemsOf(writeDataset({ 'one.json': d, 'two.json': nameless }, LEAD))).toEqual([
      `dramas/one.json → cast[0].characters[0] → needs a "name", or a "description" such as "Eun-soo's mother" when no page names the character`,
      'dramas/one.json → cast[0].characters[1].description → is only for a character without a published name; keep "name" and drop "description"',
      'dramas/two.json → cast[0].characters[0].altNames → belongs to a named character; a described one takes "description" and "nativeDescription"',
    ]);
  });

  it('rejects noSoundtrack beside songs or singers, unknown or repeated singers, and singers already titled', () => {
    const track = { track: 1, title: 'Love Beyond Words', artists: ['standing-egg'] };
    const both = drama('one', { noSoundtrack: true, soundtrack: [track] });
    const others = drama('two', { soundtrack: [track], otherOstArtists: ['standing-egg', 'ghost', 'ghost'] });
    const falsy = { ...drama('three'), noSoundtrack: false } as unknown as ReturnType<typeof drama>;
    expect(problemsOf(writeDataset({ 'one.json': both, 'two.json': others, 'three.json': falsy }, singers))).toEqual([
      'dramas/three.json → noSoundtrack → must be true, or be left out',
      'dramas/one.json → noSoundtrack → says the drama has no OST, yet it lists soundtrack; keep one or the other',
      'dramas/two.json → otherOstArtists[0] → "standing-egg" already sings a song in soundtrack; otherOstArtists is only for singers whose song title no page gives',
      'dramas/two.json → otherOstArtists[1] → unknown person "ghost" (no people/ghost.json)',
      'dramas/two.json → otherOstArtists[2] → unknown person "ghost" (no people/ghost.json)',
      'dramas/two.json → otherOstArtists[2] → "ghost" is listed twice',
    ]);
  });
});

describe('the shipped dataset', () => {
  const catalog = loadCatalog('data');

  it('passes validation and holds at least 60 dramas', () => {
    expect(catalog.dramas.length).toBeGreaterThanOrEqual(60);
  });

  it('has Soundtrack #1 with its 4 episodes, director, writer, two leads and its OST', () => {
    const st = catalog.drama('soundtrack-1')!;
    expect(st.nativeTitle).toBe('사운드트랙 #1');
    expect(st.episodes.map((e) => e.airDate)).toEqual(['2022-03-23', '2022-03-30', '2022-04-06', '2022-04-13']);
    expect(st.directors).toEqual(['kim-hee-won-director']);
    expect(st.writers).toEqual(['ahn-sae-bom']);
    expect(
      st.cast
        .filter((c) => c.role === 'main')
        .map((c) => c.person)
        .sort(),
    ).toEqual(['han-so-hee', 'park-hyung-sik']);
    expect(st.soundtrack!.length).toBeGreaterThanOrEqual(6);
  });

  it('has Soundtrack #1 as its reviews describe it: supporting cast, described roles, every singer named', () => {
    const st = catalog.drama('soundtrack-1')!;
    const roleOf = (id: string) => st.cast.find((c) => c.person === id);
    expect(roleOf('yoon-byung-hee')).toMatchObject({
      role: 'support',
      characters: [{ description: "Sun-woo's manager and friend" }],
    });
    expect(roleOf('lee-jung-eun')).toMatchObject({
      role: 'support',
      characters: [{ description: "Eun-soo's mother" }],
    });
    expect(roleOf('seo-in-guk')).toMatchObject({ characters: [{ name: 'Jay Jun' }] });
    // Billed as a special appearance (특별출연) by Xportsnews and Park Hoon's agency, though they recur.
    expect(roleOf('park-hoon')!.role).toBe('cameo');
    expect(st.otherOstArtists).toEqual(['standing-egg', 'lee-hi', 'monday-kiz']);
    expect(st.sources).toEqual(
      expect.arrayContaining([
        'https://www.oppanoona.kr/2022/04/k-drama-review-soundtrack-1-2022-49-48.html',
        'https://www.kpopmap.com/top-3-reasons-why-you-should-tune-in-to-soundtrack-no-1-starring-park-hyungsik-han-sohwee/',
      ]),
    );
  });

  it('covers every genre family the catalog promises', () => {
    const genres = new Set(catalog.dramas.flatMap((d) => d.genres));
    for (const g of ['romance', 'thriller', 'historical', 'fantasy', 'medical', 'legal', 'slice-of-life'])
      expect(genres).toContain(g);
  });

  it('lists at least 4 cast members with character names and a source for every drama', () => {
    for (const d of catalog.dramas) {
      expect(d.cast.length, d.id).toBeGreaterThanOrEqual(4);
      expect(d.sources.length, d.id).toBeGreaterThan(0);
    }
  });
});
