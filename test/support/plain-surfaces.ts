import type { Catalog } from '../../src/catalog/catalog.ts';
import type { Drama } from '../../src/data/schema.ts';
import { findPlainEntries, type PlainEntry, type PlainSearchIndex } from '../../src/search/plain-search-index.ts';
import { resultKey, type SearchResult } from '../../src/search/surfaces.ts';

/**
 * The search surfaces as they were before they ranked on rows (issue 17), over the object index
 * and records by id: the reference the row-based surfaces are compared against. Delete with
 * plain-search-index.ts when issue 17 closes.
 */
type Kind = PlainEntry['kind'];
const kinds =
  (...accepted: Kind[]) =>
  (entry: PlainEntry) =>
    accepted.includes(entry.kind);
const via = (entry: PlainEntry) => ({
  kind: entry.kind,
  text: entry.text,
  ...(entry.ref.type === 'character' ? { personId: entry.ref.personId, dramaId: entry.ref.dramaId } : {}),
});

function label(r: SearchResult): string {
  return r.type === 'drama' ? r.drama.title : r.type === 'person' ? r.person.name : r.track.title;
}

function rankAndDedupe<T extends SearchResult>(results: T[], popularity: (r: T) => number, limit: number): T[] {
  const best = new Map<string, T>();
  for (const r of results) {
    const key = resultKey(r);
    const current = best.get(key);
    if (!current || current.score < r.score) best.set(key, r);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        popularity(b) - popularity(a) ||
        label(a).localeCompare(label(b)) ||
        resultKey(a).localeCompare(resultKey(b)),
    )
    .slice(0, limit);
}

const recency = (drama: Drama) => Date.parse(drama.firstAirDate) / 86_400_000;

export function plainSearchDramas(index: PlainSearchIndex, catalog: Catalog, query: string, limit = 25) {
  const results: SearchResult[] = [];
  for (const hit of findPlainEntries(index, query, kinds('title', 'person', 'character'), 200)) {
    const { ref } = hit.entry;
    const { score, match } = hit;
    if (ref.type === 'drama')
      results.push({ type: 'drama', drama: catalog.drama(ref.dramaId)!, score, match, via: via(hit.entry) });
    else if (ref.type === 'character')
      results.push({ type: 'drama', drama: catalog.drama(ref.dramaId)!, score: score - 4, match, via: via(hit.entry) });
    else if (ref.type === 'person')
      for (const credit of catalog.creditsOf(ref.personId)) {
        const minor = credit.kind === 'cast' && credit.role !== 'main' ? 1 : 0;
        results.push({
          type: 'drama',
          drama: credit.drama,
          score: score - 6 - minor,
          match,
          via: { kind: 'person', text: hit.entry.text, personId: ref.personId },
        });
      }
  }
  return rankAndDedupe(results, (r) => recency((r as { drama: Drama }).drama), limit);
}

export function plainSearchPeople(index: PlainSearchIndex, catalog: Catalog, query: string, limit = 25) {
  const results: SearchResult[] = [];
  for (const hit of findPlainEntries(index, query, kinds('person', 'character'), 200)) {
    const { ref } = hit.entry;
    const personId = ref.type === 'person' || ref.type === 'character' ? ref.personId : undefined;
    const person = personId ? catalog.person(personId) : undefined;
    if (!person) continue;
    const score = hit.score - (ref.type === 'character' ? 4 : 0);
    results.push({ type: 'person', person, score, match: hit.match, via: via(hit.entry) });
  }
  return rankAndDedupe(results, (r) => (r.type === 'person' ? catalog.creditsOf(r.person.id).length : 0), limit);
}

export function plainSearchSoundtrack(index: PlainSearchIndex, catalog: Catalog, query: string, limit = 25) {
  const results: SearchResult[] = [];
  for (const hit of findPlainEntries(index, query, kinds('title', 'song', 'person'), 200)) {
    const { ref } = hit.entry;
    const { score, match } = hit;
    if (ref.type === 'drama') {
      const drama = catalog.drama(ref.dramaId)!;
      const penalty = drama.soundtrack?.length ? 0 : 1;
      results.push({ type: 'drama', drama, score: score - penalty, match, via: via(hit.entry) });
    } else if (ref.type === 'song') {
      const drama = catalog.drama(ref.dramaId)!;
      const track = drama.soundtrack!.find((t) => t.track === ref.track)!;
      results.push({ type: 'song', drama, track, score, match, via: via(hit.entry) });
    } else if (ref.type === 'person' && catalog.creditsOf(ref.personId).some((c) => c.kind === 'artist'))
      results.push({ type: 'person', person: catalog.person(ref.personId)!, score, match, via: via(hit.entry) });
  }
  return rankAndDedupe(
    results,
    (r) => (r.type === 'person' ? catalog.creditsOf(r.person.id).length : recency(r.drama)),
    limit,
  );
}
