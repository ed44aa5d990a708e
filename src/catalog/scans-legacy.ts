import type { Drama, Person } from '../data/schema.ts';
import { getOrCreate } from '../get-or-create.ts';
import { byDate, type Catalog, type Credit } from './catalog.ts';
import { TAG_LABELS_KO } from './tag-labels.ts';

/**
 * TEMPORARY (issue 17): the whole-catalog orderings and summaries as they were before the catalog
 * columns (sorting every record object), kept only so the columns-equivalence tests can check the
 * column versions give the same answers. Delete with those tests when the issue closes.
 */
const newestFirstLists = new WeakMap<Catalog, Drama[]>();
export function legacyDramasNewestFirst(catalog: Catalog): Drama[] {
  let list = newestFirstLists.get(catalog);
  if (!list) {
    list = [...catalog.dramas].sort((a, b) => byDate(b.firstAirDate, a.firstAirDate) || a.title.localeCompare(b.title));
    newestFirstLists.set(catalog, list);
  }
  return list;
}

export const legacyPeopleMostCredited = (catalog: Catalog): Person[] =>
  [...catalog.people].sort(
    (a, b) => catalog.creditsOf(b.id).length - catalog.creditsOf(a.id).length || a.name.localeCompare(b.name),
  );

export const legacyDramasBiggestSoundtrack = (catalog: Catalog): Drama[] =>
  legacyDramasNewestFirst(catalog)
    .filter((d) => d.soundtrack?.length)
    .sort((a, b) => b.soundtrack!.length - a.soundtrack!.length);

export function legacyNetworksByUse(catalog: Catalog): string[] {
  const counts = new Map<string, number>();
  for (const drama of catalog.dramas) for (const n of drama.networks) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

export const legacyGroupMembers = (catalog: Catalog, group: Person): Person[] =>
  catalog.people.filter((p) => p.group === group.id);

/** data:check's summary as it was computed from every record. */
export function legacySummarize(catalog: Catalog): { line: string; notes: string[] } {
  const castCredits = catalog.dramas.reduce((n, d) => n + d.cast.length, 0);
  const sources = new Set(catalog.dramas.flatMap((d) => d.sources).concat(catalog.people.flatMap((p) => p.sources)));
  const line = `${catalog.dramas.length} dramas, ${catalog.people.length} people, ${catalog.songs.length} songs, ${castCredits} cast credits, ${sources.size} source pages`;
  const notes: string[] = [];
  const fewLeads = catalog.dramas.filter((d) => d.cast.filter((c) => c.role === 'main').length < 4).map((d) => d.id);
  if (fewLeads.length) notes.push(`${fewLeads.length} dramas bill fewer than 4 leads: ${fewLeads.join(', ')}`);
  const unused = catalog.people
    .filter((p) => catalog.creditsOf(p.id).length === 0 && p.type !== 'group')
    .map((p) => p.id);
  if (unused.length) notes.push(`${unused.length} people have no credit in any drama: ${unused.join(', ')}`);
  const unlabelled = [...new Set(catalog.dramas.flatMap((d) => d.tags ?? []))].filter((tag) => !TAG_LABELS_KO[tag]);
  if (unlabelled.length)
    notes.push(`tags without a Korean label (add them to src/catalog/tag-labels.ts): ${unlabelled.sort().join(', ')}`);
  return { line, notes };
}

/** Every person's credits as buildCatalog made them from the records: [person id, credits]. */
export function legacyCredits(dramas: readonly Drama[]): Map<string, Credit[]> {
  const credits = new Map<string, Credit[]>();
  const add = (personId: string, credit: Credit) => getOrCreate(credits, personId, () => []).push(credit);
  const newestFirst = (a: Drama, b: Drama) => byDate(b.firstAirDate, a.firstAirDate) || a.title.localeCompare(b.title);
  for (const drama of [...dramas].sort(newestFirst)) {
    for (const c of drama.cast) add(c.person, { drama, kind: 'cast', role: c.role, characters: c.characters });
    for (const id of drama.directors ?? []) add(id, { drama, kind: 'director' });
    for (const id of drama.writers ?? []) add(id, { drama, kind: 'writer' });
    for (const track of drama.soundtrack ?? [])
      for (const id of track.artists) add(id, { drama, kind: 'artist', track });
    for (const id of drama.otherOstArtists ?? []) add(id, { drama, kind: 'artist' });
  }
  return credits;
}
