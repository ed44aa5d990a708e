import type { Catalog } from './catalog.ts';
import { creditCount, roleAt } from './columns.ts';
import { TAG_LABELS_KO } from './tag-labels.ts';

/** Counts for `npm run data:check`, and gaps worth knowing about that are not errors. */
export function summarize(catalog: Catalog): { line: string; notes: string[] } {
  const { columns } = catalog;
  const castCredits = columns.castStart[columns.dramaCount]!;
  const line = `${columns.dramaCount} dramas, ${columns.personCount} people, ${catalog.songs.length} songs, ${castCredits} cast credits, ${columns.sourcePages} source pages`;
  const notes: string[] = [];
  const fewLeads: string[] = [];
  for (let row = 0; row < columns.dramaCount; row++) {
    let leads = 0;
    for (let k = columns.castStart[row]!; k < columns.castStart[row + 1]!; k++)
      if (roleAt(columns, k) === 'main') leads++;
    if (leads < 4) fewLeads.push(catalog.dramaAt(row).id);
  }
  if (fewLeads.length) notes.push(`${fewLeads.length} dramas bill fewer than 4 leads: ${fewLeads.join(', ')}`);
  const unused: string[] = [];
  for (let row = 0; row < columns.personCount; row++)
    if (creditCount(columns, row) === 0 && !columns.isGroup[row]) unused.push(catalog.personAt(row).id);
  if (unused.length) notes.push(`${unused.length} people have no credit in any drama: ${unused.join(', ')}`);
  const unlabelled = columns.tags.filter((tag) => !TAG_LABELS_KO[tag]);
  if (unlabelled.length)
    notes.push(`tags without a Korean label (add them to src/catalog/tag-labels.ts): ${unlabelled.sort().join(', ')}`);
  return { line, notes };
}
