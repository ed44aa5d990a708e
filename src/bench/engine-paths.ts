import { buildPlainCatalog, type Catalog } from '../catalog/catalog.ts';
import { renderDramaCard } from '../cards/drama-card.ts';
import { compileDataset, openDataset } from '../data/compile-dataset.ts';
import { readDataset } from '../data/load-catalog.ts';
import type { Drama } from '../data/schema.ts';
import { recommend, type RecommendOptions } from '../recommend/recommend.ts';
import { legacyRecommend } from '../recommend/recommend-legacy.ts';
import { buildPlainSearchIndex, findPlainEntries, type PlainSearchIndex } from '../search/plain-search-index.ts';
import { findEntries, type SearchIndex } from '../search/search-index.ts';
import { ourEngine, type Engine } from './engines.ts';
import type { BenchQuery } from './queries.ts';

/**
 * The two catalog engines `npm run bench` measures side by side while issue 17 is open: `old`,
 * the loader as it was (every JSON file parsed and checked at each start, plain objects, the
 * object index), and `new`, the compiled catalog. Delete the old one when the issue closes.
 */
export interface CatalogPath<Opened = unknown> {
  name: 'old' | 'new';
  /** From the files in `dataDir` to a catalog ready to answer (the new path opens its compiled artifact). */
  start(dataDir: string): Opened;
  /** A full compile from the JSON files; a compile after an edit (the new path only). */
  compile?(dataDir: string): void;
  catalog(opened: Opened): Catalog;
  /** The index lookup alone, the same for both paths. */
  lookup(opened: Opened): Engine;
  /** Autocomplete as /drama and /cast answer it (the new path only: the old surfaces are gone). */
  engine?(opened: Opened): Engine;
  recommend(opened: Opened, seed: Drama): unknown;
  renderCard(opened: Opened, drama: Drama): unknown;
}

/** "More like this one drama", for a server that rated nothing. */
const likeOne = (seed: Drama): RecommendOptions => ({
  seeds: [{ drama: seed, weight: 1 }],
  serverRatings: new Map(),
  exclude: new Set([seed.id]),
});

/**
 * The index lookup alone, old and new alike (the old surfaces and autocomplete went with the old
 * index): /drama takes titles and characters, /cast people and characters, the first ten records
 * in the index's order. A like-for-like comparison of the two indexes; the new path's answer as
 * members get it (ranked, labelled, records decoded) is measured beside it.
 */
const LOOKUP_KINDS = { drama: ['title', 'character'], person: ['person', 'character'] } as const;

function plainLookup(index: PlainSearchIndex): Engine {
  const top10 = (q: BenchQuery) => {
    const keys = new Set<string>();
    const kinds: readonly string[] = LOOKUP_KINDS[q.surface];
    for (const { entry } of findPlainEntries(index, q.text, (e) => kinds.includes(e.kind), 200)) {
      const ref = entry.ref;
      if (q.surface === 'drama' && 'dramaId' in ref) keys.add(`d:${ref.dramaId}`);
      if (q.surface === 'person' && 'personId' in ref) keys.add(`p:${ref.personId}`);
      if (keys.size === 10) break;
    }
    return [...keys];
  };
  return { name: 'old index lookup', top10 };
}

/**
 * The byte index's lookup. Its hits name rows; the query's target is turned into its row rather
 * than every hit into an id (that would decode the records, which the lookup alone never does).
 */
function byteLookup({ search, catalog }: Dataset): Engine {
  const top10 = (q: BenchQuery) => {
    const id = q.target.slice(2);
    const target = q.surface === 'drama' ? catalog.row(id) : catalog.personRow(id);
    const rows = new Set<number>();
    for (const { entry } of findEntries(search, q.text, LOOKUP_KINDS[q.surface], 200)) {
      const ref = entry.ref;
      if (q.surface === 'drama' && 'drama' in ref) rows.add(ref.drama);
      if (q.surface === 'person' && 'person' in ref) rows.add(ref.person);
      if (rows.size === 10) break;
    }
    return [...rows].map((row) => (row === target ? q.target : `#${row}`));
  };
  return { name: 'new index lookup', top10 };
}

interface OldOpened {
  catalog: Catalog;
  index: PlainSearchIndex;
}

export const OLD_PATH: CatalogPath<OldOpened> = {
  name: 'old',
  start: (dataDir) => {
    const { dramas, people } = readDataset(dataDir);
    const catalog = buildPlainCatalog(dramas, people);
    return { catalog, index: buildPlainSearchIndex(catalog) };
  },
  catalog: (opened) => opened.catalog,
  lookup: (opened) => plainLookup(opened.index),
  // The scan over every drama object, as /recommend ran before the columns.
  recommend: (opened, seed) => legacyRecommend(opened.catalog, likeOne(seed)),
  renderCard: (opened, drama) => renderDramaCard(drama, opened.catalog, 'en-US'),
};

/** What the bot runs on: a catalog and its search index. */
export interface Dataset {
  catalog: Catalog;
  search: SearchIndex;
}

/** The compiled catalog: compiled once (incrementally after an edit), opened from its file at start. */
const NEW_PATH: CatalogPath<Dataset> = {
  name: 'new',
  start: (dataDir) => {
    const { catalog, search } = openDataset(dataDir, { autoBuild: false });
    return { catalog, search };
  },
  compile: (dataDir) => compileDataset(dataDir),
  catalog: (opened) => opened.catalog,
  lookup: byteLookup,
  engine: (opened) => ourEngine(opened.search, opened.catalog),
  recommend: (opened, seed) => recommend(opened.catalog, likeOne(seed)),
  renderCard: (opened, drama) => renderDramaCard(drama, opened.catalog, 'en-US'),
};

export const PATHS: { old: CatalogPath<OldOpened>; new: CatalogPath<Dataset> } = {
  old: OLD_PATH,
  new: NEW_PATH,
};

/** The catalog the bot itself starts with, as bot.ts opens it (competitors and the end-to-end run use it). */
export function botDataset(dataDir: string): Dataset {
  const { catalog, search } = openDataset(dataDir);
  return { catalog, search };
}
