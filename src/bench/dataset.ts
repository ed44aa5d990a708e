import type { Catalog } from '../catalog/catalog.ts';
import { renderDramaCard } from '../cards/drama-card.ts';
import { openDataset } from '../data/compile-dataset.ts';
import type { Drama } from '../data/schema.ts';
import { recommend } from '../recommend/recommend.ts';
import { findEntries, type SearchIndex } from '../search/search-index.ts';
import type { Engine } from './engines.ts';
import type { BenchQuery } from './queries.ts';

/** What the bot runs on: a catalog and its search index. */
export interface Dataset {
  catalog: Catalog;
  search: SearchIndex;
}

/** The compiled catalog opened from its file, as at start-up; never compiled on the way (the bench times that apart). */
export function openCompiled(dataDir: string): Dataset {
  const { catalog, search } = openDataset(dataDir, { autoBuild: false });
  return { catalog, search };
}

/** The catalog the bot itself starts with, as bot.ts opens it (competitors and the end-to-end run use it). */
export function botDataset(dataDir: string): Dataset {
  const { catalog, search } = openDataset(dataDir);
  return { catalog, search };
}

/**
 * The index lookup alone: /drama takes titles and characters, /cast people and characters, the
 * first ten records in the index's order, nothing ranked or decoded. Its hits name rows; the
 * query's target is turned into its row rather than every hit into an id (that would decode the
 * records). The answer as members get it (ranked, labelled) is ourEngine (engines.ts).
 */
const LOOKUP_KINDS = { drama: ['title', 'character'], person: ['person', 'character'] } as const;

export function indexLookup({ search, catalog }: Dataset): Engine {
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
  return { name: 'index lookup', top10 };
}

/** /recommend's "more like this one drama", for a server that rated nothing. */
export const recommendLike = ({ catalog }: Dataset, seed: Drama) =>
  recommend(catalog, { seeds: [{ drama: seed, weight: 1 }], serverRatings: new Map(), exclude: new Set([seed.id]) });

/** The /drama info card. */
export const renderCard = ({ catalog }: Dataset, drama: Drama) => renderDramaCard(drama, catalog, 'en-US');
