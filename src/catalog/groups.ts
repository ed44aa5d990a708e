import type { Person } from '../data/schema.ts';
import type { Catalog } from './catalog.ts';

/** A group's members, in people order (from the columns: no pass over every person). */
export function groupMembers(catalog: Catalog, group: Person): Person[] {
  const row = catalog.personRow(group.id);
  if (row === undefined) return [];
  const { memberStart, members } = catalog.columns;
  return Array.from(members.subarray(memberStart[row]!, memberStart[row + 1]!), (member) => catalog.personAt(member));
}
