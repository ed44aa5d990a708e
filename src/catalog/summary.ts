import type { Catalog } from './catalog.ts';
import { TAG_LABELS_KO } from './tag-labels.ts';

/** Counts for `npm run data:check`, and gaps worth knowing about that are not errors. */
export function summarize(catalog: Catalog): { line: string; notes: string[] } {
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
