import { main } from '../main.ts';
import { buildSearchIndex } from '../search/search-index.ts';
import { OLD_PATH } from './engine-paths.ts';

/**
 * One shard of src/bench/old-sharded.ts: the whole dataset parsed, checked and held as objects with
 * the object index in this process, as before issue 17. The bot can only answer through the byte
 * index now, so it is built over the same objects and held as well: the old figure is high by one
 * byte index.
 */
await main({
  id: Number(process.env.SHARDS ?? 0),
  dataset: (config) => {
    const old = OLD_PATH.start(config.dataDir);
    (globalThis as { oldIndex?: unknown }).oldIndex = old.index;
    return { catalog: old.catalog, search: buildSearchIndex(old.catalog) };
  },
});
