import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Catalog } from '../catalog/catalog.ts';
import { dramaChoices, personChoices } from '../cards/autocomplete.ts';
import type { Entry, SearchIndex } from '../search/search-index.ts';
import type { BenchQuery } from './queries.ts';

/** A search engine under test: a query in, the keys (d:<id>, p:<id>) of its top 10 out. */
export interface Engine {
  name: string;
  top10(query: BenchQuery): string[];
}

/** Ours, exactly as autocomplete calls it: /drama's list for drama queries, /cast's for names. */
export function ourEngine(index: SearchIndex, catalog: Catalog): Engine {
  return {
    name: 'dramabot',
    top10: (q) =>
      (q.surface === 'drama'
        ? dramaChoices(index, catalog, q.text, 'en-US')
        : personChoices(index, catalog, q.text, 'en-US')
      )
        .slice(0, 10)
        .map((c) => c.value),
  };
}

interface Doc {
  id: number;
  text: string;
  kind: Entry['kind'];
  key: string;
}

/** The same texts as our index (titles, names, characters, songs), one document each, as search-notes.md advises. */
function documents(index: SearchIndex, catalog: Catalog): Doc[] {
  return Array.from({ length: index.entryCount }, (_, id) => {
    const e = index.entry(id);
    return {
      id,
      text: e.text,
      kind: e.kind,
      key:
        e.ref.type === 'person'
          ? `p:${catalog.people[e.ref.person]!.id}`
          : e.ref.type === 'song'
            ? `s:${catalog.dramas[e.ref.drama]!.id}:${e.ref.track}`
            : `d:${catalog.dramas[e.ref.drama]!.id}`,
    };
  });
}

/** Drama queries accept titles and characters (as ours does), name queries accept people. */
const accepts = (q: BenchQuery, doc: Doc) =>
  q.surface === 'person' ? doc.kind === 'person' : doc.kind === 'title' || doc.kind === 'character';

function firstTen(q: BenchQuery, docs: Iterable<Doc>): string[] {
  const keys = new Set<string>();
  for (const doc of docs) {
    if (!accepts(q, doc)) continue;
    keys.add(doc.key);
    if (keys.size === 10) break;
  }
  return [...keys];
}

/** fuse.js with its documented defaults for fuzzy search, location ignored so a match anywhere counts. */
export function fuseEngine(index: SearchIndex, catalog: Catalog): Engine {
  const docs = documents(index, catalog);
  const fuse = new Fuse(docs, { keys: ['text'], ignoreLocation: true, threshold: 0.4 });
  return {
    name: 'fuse.js',
    top10: (q) =>
      firstTen(
        q,
        fuse.search(q.text, { limit: 200 }).map((r) => r.item),
      ),
  };
}

/** minisearch with prefix and fuzzy matching on, as its README shows for search-as-you-type. */
export function miniSearchEngine(index: SearchIndex, catalog: Catalog): Engine {
  const docs = documents(index, catalog);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const mini = new MiniSearch<Doc>({ fields: ['text'], idField: 'id', searchOptions: { prefix: true, fuzzy: 0.2 } });
  mini.addAll(docs);
  return {
    name: 'minisearch',
    top10: (q) =>
      firstTen(
        q,
        mini
          .search(q.text)
          .slice(0, 200)
          .map((r) => byId.get(r.id as number)!),
      ),
  };
}
