import { createHash } from 'node:crypto';
import { buildCatalog, type Catalog, type Credit } from '../../src/catalog/catalog.ts';
import { groupMembers } from '../../src/catalog/groups.ts';
import {
  dramasBiggestSoundtrack,
  dramasNewestFirst,
  networksByUse,
  peopleMostCredited,
} from '../../src/catalog/orderings.ts';
import { summarize } from '../../src/catalog/summary.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import { findDramas, pickRandom } from '../../src/lookup/filter.ts';
import { type Recommendation, recommend } from '../../src/recommend/recommend.ts';
import { buildSearchIndex, type EntryHit, findEntries } from '../../src/search/search-index.ts';
import {
  resultKey,
  type SearchResult,
  searchDramas,
  searchPeople,
  searchSoundtrack,
} from '../../src/search/surfaces.ts';
import { everyCard } from './every-card.ts';
import { filterCases, randomCases, recommendCases, someYears } from './scan-cases.ts';
import { evenTextFilter, HIT_KINDS } from './search-queries.ts';

/**
 * What the golden files (test/fixtures/golden/) hold: every card of the shipped catalog, search
 * hits and surfaces, recommendations, filters, random picks, orderings and credits, each as
 * name → a JSON value, records named by their ids. The engine the compiled catalog replaced wrote
 * them first (issue 17), through these same cases.
 */
export type Golden = Map<string, unknown>;

/** Which records these outputs were computed from, so a changed dataset or generator says so first. */
function inputsDigest(dramas: readonly Drama[], people: readonly Person[]): string {
  return createHash('sha256')
    .update(JSON.stringify([dramas, people]))
    .digest('hex')
    .slice(0, 16);
}

const golden = (dramas: readonly Drama[], people: readonly Person[]): Golden =>
  new Map([['inputs', inputsDigest(dramas, people)]]);

export function cardOutputs(dramas: readonly Drama[], people: readonly Person[]): Golden {
  const cards = golden(dramas, people);
  for (const [name, json] of everyCard(buildCatalog(dramas, people))) cards.set(name, JSON.parse(json));
  return cards;
}

/** An index hit: entry id, kind, the records it names (by id), text, score, match. */
function hitLine(catalog: Catalog, { entry, score, match }: EntryHit): string {
  const r = entry.ref;
  const drama = (row: number) => catalog.dramaAt(row).id;
  const person = (row: number) => catalog.personAt(row).id;
  const ref =
    r.type === 'drama'
      ? `d:${drama(r.drama)}`
      : r.type === 'person'
        ? `p:${person(r.person)}`
        : r.type === 'character'
          ? `c:${drama(r.drama)}:${person(r.person)}`
          : `s:${drama(r.drama)}:${r.track}`;
  return `${entry.id} ${entry.kind} ${ref} ${JSON.stringify(entry.text)} ${score} ${match}`;
}

/** A search result: the record's key, score, match and why. */
const shown = (r: SearchResult) => `${resultKey(r)} ${r.score} ${r.match} ${JSON.stringify(r.via)}`;

export function searchOutputs(
  dramas: readonly Drama[],
  people: readonly Person[],
  queries: { hits: readonly string[]; surfaces: readonly string[] },
): Golden {
  const search = golden(dramas, people);
  const catalog = buildCatalog(dramas, people);
  const index = buildSearchIndex(catalog);
  queries.hits.forEach((q, i) => {
    for (const kinds of HIT_KINDS)
      search.set(
        `hits ${i} ${kinds.join('/')} ${q}`,
        findEntries(index, q, kinds, 200).map((hit) => hitLine(catalog, hit)),
      );
    search.set(
      `hits ${i} even-text ${q}`,
      findEntries(index, q, evenTextFilter, 7).map((hit) => hitLine(catalog, hit)),
    );
  });
  queries.surfaces.forEach((q, i) => {
    search.set(`dramas ${i} ${q}`, searchDramas(index, catalog, q, 25).map(shown));
    search.set(`people ${i} ${q}`, searchPeople(index, catalog, q, 25).map(shown));
    search.set(`soundtrack ${i} ${q}`, searchSoundtrack(index, catalog, q, 25).map(shown));
  });
  return search;
}

const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id);

/** A recommendation as ids: the drama, its score, its reasons (which name records by id already). */
const recommended = (list: Recommendation[]) => list.map((r) => [r.drama.id, r.score, r.reasons]);

const credit = (c: Credit) => [c.drama.id, c.kind, c.role ?? null, c.characters ?? null, c.track?.track ?? null];

export function scanOutputs(dramas: readonly Drama[], people: readonly Person[]): Golden {
  const scans = golden(dramas, people);
  const catalog = buildCatalog(dramas, people);
  scans.set('newest first', ids(dramasNewestFirst(catalog)));
  scans.set('most credited', ids(peopleMostCredited(catalog)));
  scans.set('biggest soundtrack', ids(dramasBiggestSoundtrack(catalog)));
  const networks = networksByUse(catalog);
  scans.set('networks by use', networks);
  scans.set('summary', summarize(catalog));
  for (const person of catalog.people) {
    scans.set(`credits ${person.id}`, catalog.creditsOf(person.id).map(credit));
    if (person.type === 'group') scans.set(`members ${person.id}`, ids(groupMembers(catalog, person)));
  }
  const index = buildSearchIndex(catalog);
  const filters = filterCases(networks, someYears(catalog));
  filters.forEach((filter, i) => {
    scans.set(`filter ${i} ${JSON.stringify(filter)}`, ids(findDramas(index, catalog, filter)));
  });
  randomCases(catalog, filters).forEach(({ filter, draw, exceptId }, i) => {
    const picked = pickRandom(catalog, filter, () => draw, exceptId);
    scans.set(`random ${i} ${JSON.stringify({ filter, draw, exceptId })}`, picked?.id ?? null);
  });
  for (const [group, cases] of Object.entries(recommendCases(catalog)))
    cases.forEach((options, i) => {
      scans.set(`recommend ${group} ${i}`, recommended(recommend(catalog, options)));
    });
  return scans;
}
