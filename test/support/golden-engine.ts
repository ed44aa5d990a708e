import { buildCatalog, type Catalog } from '../../src/catalog/catalog.ts';
import { groupMembers } from '../../src/catalog/groups.ts';
import {
  dramasBiggestSoundtrack,
  dramasNewestFirst,
  networksByUse,
  peopleMostCredited,
} from '../../src/catalog/orderings.ts';
import { summarize } from '../../src/catalog/summary.ts';
import { getOrCreate } from '../../src/get-or-create.ts';
import { findDramas, pickRandom } from '../../src/lookup/filter.ts';
import { recommend } from '../../src/recommend/recommend.ts';
import { buildSearchIndex, type EntryHit, findEntries, type SearchIndex } from '../../src/search/search-index.ts';
import { searchDramas, searchPeople, searchSoundtrack } from '../../src/search/surfaces.ts';
import type { GoldenEngine } from './golden-outputs.ts';

/** An index hit in the golden files' form: rows are named by the records' ids. */
export function hitLine(catalog: Catalog, { entry, score, match }: EntryHit): string {
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

const indexes = new WeakMap<Catalog, SearchIndex>();
const indexOf = (catalog: Catalog) => getOrCreate(indexes, catalog, () => buildSearchIndex(catalog));

/** The compiled catalog: what the bot runs on, and what the golden tests check. */
export const compiledEngine: GoldenEngine = {
  name: 'compiled',
  catalog: buildCatalog,
  searcher: (catalog) => {
    const index = indexOf(catalog);
    return {
      hits: (query, accept, limit) => findEntries(index, query, accept, limit).map((hit) => hitLine(catalog, hit)),
      dramas: (query, limit) => searchDramas(index, catalog, query, limit),
      people: (query, limit) => searchPeople(index, catalog, query, limit),
      soundtrack: (query, limit) => searchSoundtrack(index, catalog, query, limit),
    };
  },
  recommend,
  findDramas: (catalog, filter) => findDramas(indexOf(catalog), catalog, filter),
  pickRandom,
  dramasNewestFirst: (catalog) => dramasNewestFirst(catalog),
  peopleMostCredited: (catalog) => peopleMostCredited(catalog),
  dramasBiggestSoundtrack: (catalog) => dramasBiggestSoundtrack(catalog),
  networksByUse,
  groupMembers,
  summarize,
  creditsOf: (catalog, personId) => catalog.creditsOf(personId),
};
