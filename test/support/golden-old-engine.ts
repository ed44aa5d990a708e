import { buildPlainCatalog, type Catalog } from '../../src/catalog/catalog.ts';
import {
  legacyCredits,
  legacyDramasBiggestSoundtrack,
  legacyDramasNewestFirst,
  legacyGroupMembers,
  legacyNetworksByUse,
  legacyPeopleMostCredited,
  legacySummarize,
} from '../../src/catalog/scans-legacy.ts';
import { getOrCreate } from '../../src/get-or-create.ts';
import { legacyFindDramasWithoutQuery, legacyPickRandom } from '../../src/lookup/filter-legacy.ts';
import { legacyRecommend } from '../../src/recommend/recommend-legacy.ts';
import { buildPlainSearchIndex, findPlainEntries, type PlainEntry } from '../../src/search/plain-search-index.ts';
import type { GoldenEngine } from './golden-outputs.ts';
import { plainSearchDramas, plainSearchPeople, plainSearchSoundtrack } from './plain-surfaces.ts';

/**
 * TEMPORARY (issue 17): the old engine (plain objects, the object index, scans over every record)
 * as the golden files' first author. `GOLDEN_UPDATE=old npx vitest run test/golden` rewrote them
 * from it; the deletion of the old engine deletes this file.
 */
export function plainHitLine({ entry, score, match }: { entry: PlainEntry; score: number; match: string }): string {
  const r = entry.ref;
  const ref =
    r.type === 'drama'
      ? `d:${r.dramaId}`
      : r.type === 'person'
        ? `p:${r.personId}`
        : r.type === 'character'
          ? `c:${r.dramaId}:${r.personId}`
          : `s:${r.dramaId}:${r.track}`;
  return `${entry.id} ${entry.kind} ${ref} ${JSON.stringify(entry.text)} ${score} ${match}`;
}

const creditLists = new WeakMap<Catalog, ReturnType<typeof legacyCredits>>();

export const oldEngine: GoldenEngine = {
  name: 'old',
  catalog: buildPlainCatalog,
  searcher: (catalog) => {
    const index = buildPlainSearchIndex(catalog);
    return {
      hits: (query, accept, limit) => {
        const test = typeof accept === 'function' ? accept : (e: { kind: string }) => accept.includes(e.kind as never);
        return findPlainEntries(index, query, test, limit).map(plainHitLine);
      },
      dramas: (query, limit) => plainSearchDramas(index, catalog, query, limit),
      people: (query, limit) => plainSearchPeople(index, catalog, query, limit),
      soundtrack: (query, limit) => plainSearchSoundtrack(index, catalog, query, limit),
    };
  },
  recommend: legacyRecommend,
  findDramas: legacyFindDramasWithoutQuery,
  pickRandom: legacyPickRandom,
  dramasNewestFirst: legacyDramasNewestFirst,
  peopleMostCredited: legacyPeopleMostCredited,
  dramasBiggestSoundtrack: legacyDramasBiggestSoundtrack,
  networksByUse: legacyNetworksByUse,
  groupMembers: legacyGroupMembers,
  summarize: legacySummarize,
  creditsOf: (catalog, personId) =>
    getOrCreate(creditLists, catalog, () => legacyCredits(catalog.dramas)).get(personId) ?? [],
};
