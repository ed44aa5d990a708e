import { buildPlainCatalog, type Catalog } from '../catalog/catalog.ts';
import { renderDramaCard } from '../cards/drama-card.ts';
import { compileDataset, openDataset } from '../data/compile-dataset.ts';
import { readDataset } from '../data/load-catalog.ts';
import type { Drama } from '../data/schema.ts';
import { recommend, type RecommendOptions } from '../recommend/recommend.ts';
import { legacyRecommend } from '../recommend/recommend-legacy.ts';
import { buildPlainSearchIndex, findPlainEntries, type PlainSearchIndex } from '../search/plain-search-index.ts';
import type { SearchIndex } from '../search/search-index.ts';
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
  /** Autocomplete as /drama and /cast call it. */
  engine(opened: Opened): Engine;
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
 * The old index's lookup as the surfaces used it: /drama takes titles and characters, /cast people
 * and characters, the first ten records in the index's order.
 */
function plainEngine(index: PlainSearchIndex): Engine {
  const top10 = (q: BenchQuery) => {
    const keys = new Set<string>();
    const kinds = q.surface === 'drama' ? ['title', 'character'] : ['person', 'character'];
    for (const { entry } of findPlainEntries(index, q.text, (e) => kinds.includes(e.kind), 200)) {
      const ref = entry.ref;
      if (q.surface === 'drama' && 'dramaId' in ref) keys.add(`d:${ref.dramaId}`);
      if (q.surface === 'person' && 'personId' in ref) keys.add(`p:${ref.personId}`);
      if (keys.size === 10) break;
    }
    return [...keys];
  };
  return { name: 'dramabot (old)', top10 };
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
  engine: (opened) => plainEngine(opened.index),
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
