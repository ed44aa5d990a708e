import { createHash } from 'node:crypto';
import type { Catalog, Credit } from '../../src/catalog/catalog.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import type { RandomFilter, SearchFilter } from '../../src/lookup/filter.ts';
import type { Recommendation, RecommendOptions } from '../../src/recommend/recommend.ts';
import type { EntryKind } from '../../src/search/search-index.ts';
import { resultKey, type SearchResult } from '../../src/search/surfaces.ts';
import { everyCard } from './every-card.ts';
import { filterCases, randomCases, recommendCases, someYears } from './scan-cases.ts';
import { evenTextFilter, HIT_KINDS } from './search-queries.ts';

/**
 * What the golden files (test/fixtures/golden/) hold, computed through one catalog engine: every
 * card of the shipped catalog, search hits and surfaces, recommendations, filters, random picks,
 * orderings and credits, each as name → a JSON value. The engine is an argument so the same
 * outputs came from the old engine when the files were first written (issue 17) and come from the
 * compiled one now.
 */
export interface GoldenEngine {
  name: string;
  catalog(dramas: readonly Drama[], people: readonly Person[]): Catalog;
  searcher(catalog: Catalog): Searcher;
  recommend(catalog: Catalog, options: RecommendOptions): Recommendation[];
  /** /drama search without a query: newest first, filtered. */
  findDramas(catalog: Catalog, filter: Omit<SearchFilter, 'query'>): Drama[];
  pickRandom(catalog: Catalog, filter: RandomFilter, random: () => number, exceptId?: string): Drama | undefined;
  dramasNewestFirst(catalog: Catalog): readonly Drama[];
  peopleMostCredited(catalog: Catalog): readonly Person[];
  dramasBiggestSoundtrack(catalog: Catalog): readonly Drama[];
  networksByUse(catalog: Catalog): readonly string[];
  groupMembers(catalog: Catalog, group: Person): readonly Person[];
  summarize(catalog: Catalog): { line: string; notes: string[] };
  creditsOf(catalog: Catalog, personId: string): readonly Credit[];
}

interface Searcher {
  /** Index hits in one form for every engine: entry id, kind, record ids, text, score, match. */
  hits(query: string, accept: readonly EntryKind[] | typeof evenTextFilter, limit: number): string[];
  dramas(query: string, limit: number): SearchResult[];
  people(query: string, limit: number): SearchResult[];
  soundtrack(query: string, limit: number): SearchResult[];
}

export type Golden = Map<string, unknown>;

/** Which records these outputs were computed from, so a changed dataset or generator says so first. */
function inputsDigest(dramas: readonly Drama[], people: readonly Person[]): string {
  return createHash('sha256')
    .update(JSON.stringify([dramas, people]))
    .digest('hex')
    .slice(0, 16);
}

export function cardOutputs(engine: GoldenEngine, dramas: readonly Drama[], people: readonly Person[]): Golden {
  const golden: Golden = new Map([['inputs', inputsDigest(dramas, people)]]);
  for (const [name, json] of everyCard(engine.catalog(dramas, people))) golden.set(name, JSON.parse(json));
  return golden;
}

/** A search result as every engine gives it: the record's key, score, match and why. */
export const shownResult = (r: SearchResult) => `${resultKey(r)} ${r.score} ${r.match} ${JSON.stringify(r.via)}`;

export function searchOutputs(
  engine: GoldenEngine,
  dramas: readonly Drama[],
  people: readonly Person[],
  queries: { hits: readonly string[]; surfaces: readonly string[] },
): Golden {
  const golden: Golden = new Map([['inputs', inputsDigest(dramas, people)]]);
  const search = engine.searcher(engine.catalog(dramas, people));
  queries.hits.forEach((q, i) => {
    for (const kinds of HIT_KINDS) golden.set(`hits ${i} ${kinds.join('/')} ${q}`, search.hits(q, kinds, 200));
    golden.set(`hits ${i} even-text ${q}`, search.hits(q, evenTextFilter, 7));
  });
  queries.surfaces.forEach((q, i) => {
    golden.set(`dramas ${i} ${q}`, search.dramas(q, 25).map(shownResult));
    golden.set(`people ${i} ${q}`, search.people(q, 25).map(shownResult));
    golden.set(`soundtrack ${i} ${q}`, search.soundtrack(q, 25).map(shownResult));
  });
  return golden;
}

const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id);

/** A recommendation as ids: the drama, its score, its reasons (which name records by id already). */
const recommended = (list: Recommendation[]) => list.map((r) => [r.drama.id, r.score, r.reasons]);

const credit = (c: Credit) => [c.drama.id, c.kind, c.role ?? null, c.characters ?? null, c.track?.track ?? null];

export function scanOutputs(engine: GoldenEngine, dramas: readonly Drama[], people: readonly Person[]): Golden {
  const golden: Golden = new Map([['inputs', inputsDigest(dramas, people)]]);
  const catalog = engine.catalog(dramas, people);
  golden.set('newest first', ids(engine.dramasNewestFirst(catalog)));
  golden.set('most credited', ids(engine.peopleMostCredited(catalog)));
  golden.set('biggest soundtrack', ids(engine.dramasBiggestSoundtrack(catalog)));
  const networks = engine.networksByUse(catalog);
  golden.set('networks by use', networks);
  golden.set('summary', engine.summarize(catalog));
  for (const person of catalog.people) {
    golden.set(`credits ${person.id}`, engine.creditsOf(catalog, person.id).map(credit));
    if (person.type === 'group') golden.set(`members ${person.id}`, ids(engine.groupMembers(catalog, person)));
  }
  const filters = filterCases(networks, someYears(catalog));
  filters.forEach((filter, i) => {
    golden.set(`filter ${i} ${JSON.stringify(filter)}`, ids(engine.findDramas(catalog, filter)));
  });
  randomCases(catalog, filters).forEach(({ filter, draw, exceptId }, i) => {
    const picked = engine.pickRandom(catalog, filter, () => draw, exceptId);
    golden.set(`random ${i} ${JSON.stringify({ filter, draw, exceptId })}`, picked?.id ?? null);
  });
  for (const [group, cases] of Object.entries(recommendCases(catalog)))
    cases.forEach((options, i) => {
      golden.set(`recommend ${group} ${i}`, recommended(engine.recommend(catalog, options)));
    });
  return golden;
}
