import type { Catalog } from '../catalog/catalog.ts';
import { CREDIT_KINDS, genreBit, roleAt, type CatalogColumns } from '../catalog/columns.ts';
import { rowFilter } from '../catalog/row-filter.ts';
import type { Drama, RoleType } from '../data/schema.ts';
import type { DramaRatings } from '../ratings/keys.ts';
import { MIN_RATINGS_TO_RANK, summarize } from '../ratings/aggregate.ts';
import { getOrCreate } from '../get-or-create.ts';

/**
 * Recommendations: content similarity (shared people weighted by role, director and writer,
 * genres, tags, era, length) blended with this server's taste (members who loved A also loved B),
 * each explained by its strongest reasons. Pure and deterministic: same catalog, same ratings,
 * same answer.
 *
 * Scoring runs on the catalog's columns by drama row: a first pass adds up scores (no reasons) in
 * one typed array for every drama that shares something with a seed; reasons are then worked out
 * only for the few that make the list, and only those records are decoded.
 */
export const LOVED = 8;

export type Reason =
  | { kind: 'director' | 'writer'; personId: string; seedId: string }
  | { kind: 'actor'; personId: string; seedId: string; leads: boolean }
  | { kind: 'co-loved'; members: number; seedId: string }
  | { kind: 'genres'; genres: string[]; seedId: string }
  | { kind: 'tags'; tags: string[]; seedId: string }
  | { kind: 'server-favourite'; average: number; count: number }
  | { kind: 'star-power'; personId: string; dramas: number };

export interface Recommendation {
  drama: Drama;
  score: number;
  /** Strongest first. */
  reasons: Reason[];
}

export interface Seed {
  drama: Drama;
  /** How much this seed counts (a 10/10 more than an 8/10). */
  weight: number;
}

export interface RecommendOptions {
  seeds: Seed[];
  /** This server's ratings, by drama id. */
  serverRatings: ReadonlyMap<string, DramaRatings>;
  /** Dramas never to recommend: the one asked about, the ones the member already rated. */
  exclude: ReadonlySet<string>;
  filter?: { genre?: string; maxEpisodes?: number };
  limit?: number;
}

const ROLE_WEIGHT: Record<RoleType, number> = { main: 4, support: 1.5, cameo: 0.5 };
const PEOPLE_WEIGHT = { director: 5, writer: 5 };
const GENRE_WEIGHT = 1.5;
const TAG_WEIGHT = 1;
const CO_LOVED_WEIGHT = 4;
const ERA_WEIGHT = 0.5;
const LENGTH_WEIGHT = 0.5;

interface Scored {
  score: number;
  reasons: Array<{ reason: Reason; weight: number }>;
}

/** Adds weight to a drama row; the reason is given only where reasons are wanted. */
type Add = (row: number, weight: number, reason?: Reason) => void;

/** A seed with its row (-1 for a drama the catalog does not hold). */
interface SeedRow {
  drama: Drama;
  weight: number;
  row: number;
}

/** Drama rows a recommendation may name: not excluded, and passing the filter. */
function eligibility(catalog: Catalog, exclude: ReadonlySet<string>, filter: RecommendOptions['filter']) {
  const passes = rowFilter(catalog.columns, { genre: filter?.genre, maxEpisodes: filter?.maxEpisodes });
  const excluded = new Set<number>();
  for (const id of exclude) {
    const row = catalog.row(id);
    if (row !== undefined) excluded.add(row);
  }
  return (row: number) => !excluded.has(row) && passes(row);
}

/** A person's role in a drama: their first cast entry's. */
function roleIn(columns: CatalogColumns, row: number, personRow: number): RoleType | undefined {
  for (let k = columns.castStart[row]!; k < columns.castStart[row + 1]!; k++)
    if (columns.castPerson[k] === personRow) return roleAt(columns, k);
  return undefined;
}

/** Members who gave both dramas LOVED or more. */
function coLovers(a: DramaRatings | undefined, b: DramaRatings | undefined): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const [user, rating] of Object.entries(a.byMember))
    if (rating.score >= LOVED && (b.byMember[user]?.score ?? 0) >= LOVED) n += 1;
  return n;
}

/** Shared directors, writers and actors, the actors weighted by how big their part is on both sides. */
function peopleScores(catalog: Catalog, seed: SeedRow, add: Add, withReasons: boolean): void {
  const { columns } = catalog;
  const { creditStart, creditDrama, creditKind } = columns;
  const { drama, weight } = seed;
  const people = [
    ...(drama.directors ?? []).map((id) => ({ id, kind: 'director' as const })),
    ...(drama.writers ?? []).map((id) => ({ id, kind: 'writer' as const })),
    ...drama.cast.map((c) => ({ id: c.person, kind: 'cast' as const, role: c.role })),
  ];
  for (const person of people) {
    const p = catalog.personRow(person.id);
    if (p === undefined) continue;
    for (let k = creditStart[p]!; k < creditStart[p + 1]!; k++) {
      const row = creditDrama[k]!;
      if (row === seed.row) continue;
      const kind = CREDIT_KINDS[creditKind[k]!];
      if (person.kind !== 'cast' && kind === person.kind) {
        add(
          row,
          weight * PEOPLE_WEIGHT[person.kind],
          withReasons ? { kind: person.kind, personId: person.id, seedId: drama.id } : undefined,
        );
      } else if (person.kind === 'cast' && kind === 'cast') {
        const theirs = roleIn(columns, row, p) ?? 'cameo';
        const w = Math.min(ROLE_WEIGHT[person.role], ROLE_WEIGHT[theirs]);
        add(
          row,
          weight * w,
          withReasons ? { kind: 'actor', personId: person.id, seedId: drama.id, leads: theirs === 'main' } : undefined,
        );
      }
    }
  }
}

/** What a drama that shares genres or tags with the seed earns: the shared ones, a close era, a close length. */
function traitScores(
  columns: CatalogColumns,
  seed: SeedRow,
  row: number,
  add: Add,
  genres: number,
  tags: number,
  named?: { genres: string[]; tags: string[] },
): void {
  const { drama, weight } = seed;
  if (genres)
    add(row, weight * GENRE_WEIGHT * genres, named && { kind: 'genres', genres: named.genres, seedId: drama.id });
  if (tags) add(row, weight * TAG_WEIGHT * tags, named && { kind: 'tags', tags: named.tags, seedId: drama.id });
  if (Math.abs(columns.year[row]! - drama.year) <= 2) add(row, weight * ERA_WEIGHT);
  const episodes = columns.episodeCount[row]!;
  const ratio = Math.min(episodes, drama.episodeCount) / Math.max(episodes, drama.episodeCount);
  if (ratio >= 0.75) add(row, weight * LENGTH_WEIGHT);
}

/** Set bits in a 32-bit mask. */
function bitCount(mask: number): number {
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const tagIdMaps = new WeakMap<CatalogColumns, Map<string, number>>();
function tagId(columns: CatalogColumns, tag: string): number | undefined {
  let ids = tagIdMaps.get(columns);
  if (!ids) {
    ids = new Map(columns.tags.map((name, id) => [name, id]));
    tagIdMaps.set(columns, ids);
  }
  return ids.get(tag);
}

/**
 * Every drama other than the seed that shares a genre or a tag with it: genres from the masks of
 * all rows, tags from the seed's tags' drama lists. `tagHits` is all zeros, and is left so.
 */
function traitsOverAllRows(columns: CatalogColumns, seed: SeedRow, add: Add, tagHits: Uint16Array): void {
  const { genreMask, tagDramaStart, tagDramas, dramaCount } = columns;
  const seedGenres = seed.drama.genres.reduce((mask, g) => mask | genreBit(g), 0);
  const tagIds = [...new Set(seed.drama.tags ?? [])].flatMap((tag) => tagId(columns, tag) ?? []);
  const countTags = (step: 1 | -1) => {
    for (const id of tagIds)
      for (let k = tagDramaStart[id]!; k < tagDramaStart[id + 1]!; k++) tagHits[tagDramas[k]!]! += step;
  };
  countTags(1);
  try {
    for (let row = 0; row < dramaCount; row++) {
      const genres = bitCount(genreMask[row]! & seedGenres);
      const tags = tagHits[row]!;
      if ((genres || tags) && row !== seed.row) traitScores(columns, seed, row, add, genres, tags);
    }
  } finally {
    countTags(-1);
  }
}

/** This server's taste: members who loved the seed and also loved another drama. */
function coLovedScores(
  catalog: Catalog,
  seed: SeedRow,
  serverRatings: ReadonlyMap<string, DramaRatings>,
  add: Add,
  withReasons: boolean,
): void {
  const seedRatings = serverRatings.get(seed.drama.id);
  if (!seedRatings) return;
  for (const [dramaId, ratings] of serverRatings) {
    const row = dramaId === seed.drama.id ? undefined : catalog.row(dramaId);
    const members = row === undefined ? 0 : coLovers(seedRatings, ratings);
    if (row !== undefined && members)
      add(
        row,
        seed.weight * CO_LOVED_WEIGHT * members,
        withReasons ? { kind: 'co-loved', members, seedId: seed.drama.id } : undefined,
      );
  }
}

/** Per-catalog work arrays for bestRows, all zeros between calls: a megabyte allocated per call at 100k dramas made the GC pause. */
interface Scratch {
  scores: Float64Array;
  touched: Int32Array;
  tagHits: Uint16Array;
}
const scratches = new WeakMap<CatalogColumns, Scratch>();
function scratchFor(columns: CatalogColumns): Scratch {
  let scratch = scratches.get(columns);
  if (!scratch) {
    const n = columns.dramaCount;
    scratch = { scores: new Float64Array(n), touched: new Int32Array(n), tagHits: new Uint16Array(n) };
    scratches.set(columns, scratch);
  }
  return scratch;
}

/**
 * The `limit` best drama rows by score, then by id: a tally of scores only, in one typed array,
 * over every drama that shares something with a seed (tens of thousands at 100k dramas).
 */
function bestRows(
  catalog: Catalog,
  seeds: readonly SeedRow[],
  serverRatings: ReadonlyMap<string, DramaRatings>,
  eligible: (row: number) => boolean,
  limit: number,
): number[] {
  const { scores, touched, tagHits } = scratchFor(catalog.columns);
  let count = 0;
  const add: Add = (row, weight) => {
    if (weight <= 0 || !eligible(row)) return;
    if (scores[row] === 0) touched[count++] = row;
    scores[row] = scores[row]! + weight;
  };
  try {
    // Per seed, in the order the reasons are given below: the sums come out the same to the last bit.
    for (const seed of seeds) {
      peopleScores(catalog, seed, add, false);
      traitsOverAllRows(catalog.columns, seed, add, tagHits);
      coLovedScores(catalog, seed, serverRatings, add, false);
    }
    if (limit < 1) return [];
    // The limit-th best score; ties at the cut all go through, the id settles them.
    const best: number[] = [];
    for (let i = 0; count > limit && i < count; i++) {
      const score = scores[touched[i]!]!;
      if (best.length === limit && score <= best[limit - 1]!) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]! < score) at--;
      best.splice(at, 0, score);
      if (best.length > limit) best.pop();
    }
    const cut = best.length < limit ? -Infinity : best[limit - 1]!;
    const finalists: number[] = [];
    for (let i = 0; i < count; i++) if (scores[touched[i]!]! >= cut) finalists.push(touched[i]!);
    const idOf = (row: number) => catalog.dramaAt(row).id;
    return finalists.sort((a, b) => scores[b]! - scores[a]! || idOf(a).localeCompare(idOf(b))).slice(0, limit);
  } finally {
    for (let i = 0; i < count; i++) scores[touched[i]!] = 0;
  }
}

export function recommend(catalog: Catalog, options: RecommendOptions): Recommendation[] {
  const { seeds, serverRatings, exclude, filter, limit = 5 } = options;
  const eligible = eligibility(catalog, exclude, filter);
  const seedRows = seeds.map(({ drama, weight }): SeedRow => ({ drama, weight, row: catalog.row(drama.id) ?? -1 }));
  const scored = new Map<number, Scored>();
  const scoreOnly =
    (wanted: (row: number) => boolean): Add =>
    (row, weight, reason) => {
      if (weight <= 0 || !wanted(row)) return;
      const entry = getOrCreate(scored, row, () => ({ score: 0, reasons: [] }));
      entry.score += weight;
      if (reason) entry.reasons.push({ reason, weight });
    };
  if (seedRows.length) {
    // Scores first, reasons only for the dramas that make the list.
    const picked = bestRows(catalog, seedRows, serverRatings, eligible, limit);
    const isPicked = new Set(picked);
    const add = scoreOnly((row) => isPicked.has(row));
    for (const seed of seedRows) {
      peopleScores(catalog, seed, add, true);
      for (const row of picked) {
        if (row === seed.row) continue;
        const drama = catalog.dramaAt(row);
        const genres = drama.genres.filter((g) => seed.drama.genres.includes(g));
        const tags = (drama.tags ?? []).filter((t) => seed.drama.tags?.includes(t));
        if (genres.length || tags.length)
          traitScores(catalog.columns, seed, row, add, genres.length, tags.length, { genres, tags });
      }
      coLovedScores(catalog, seed, serverRatings, add, true);
    }
  } else fallback(catalog, serverRatings, scoreOnly(eligible), eligible, limit);

  return [...scored]
    .map(([row, s]) => ({ drama: catalog.dramaAt(row), score: s.score, reasons: strongest(s.reasons) }))
    .filter((r) => r.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.drama.id.localeCompare(b.drama.id))
    .slice(0, limit);
}

/** One reason of each kind, strongest first, summed when the same kind repeats (two shared actors). */
function strongest(reasons: Scored['reasons']): Reason[] {
  const best = new Map<string, { reason: Reason; weight: number }>();
  for (const r of reasons) {
    const key =
      r.reason.kind === 'actor' || r.reason.kind === 'director' || r.reason.kind === 'writer'
        ? `${r.reason.kind}:${r.reason.personId}`
        : r.reason.kind;
    const current = best.get(key);
    if (!current) best.set(key, { ...r });
    else {
      current.weight += r.weight;
      if (
        r.reason.kind === 'co-loved' &&
        current.reason.kind === 'co-loved' &&
        r.reason.members > current.reason.members
      )
        current.reason = r.reason;
    }
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight).map((r) => r.reason);
}

/** Drama row → its place in the star-power ranking (columns.starDramas), or -1; once per catalog. */
const starRanks = new WeakMap<CatalogColumns, Int32Array>();
function starRankOf(columns: CatalogColumns): Int32Array {
  let ranks = starRanks.get(columns);
  if (!ranks) {
    ranks = new Int32Array(columns.dramaCount).fill(-1);
    columns.starDramas.forEach((row, i) => {
      ranks![row] = i;
    });
    starRanks.set(columns, ranks);
  }
  return ranks;
}

/**
 * No seed at all (nobody rated anything): the server's favourites first, then dramas whose leads
 * are the most present in the catalog, a fair stand-in for "well-known" without inventing scores.
 * Past the favourites, only the first `limit` dramas by star power that `accepts` can make the list.
 */
function fallback(
  catalog: Catalog,
  serverRatings: ReadonlyMap<string, DramaRatings>,
  add: Add,
  accepts: (row: number) => boolean,
  limit: number,
): void {
  const favourites = new Set<number>();
  for (const [dramaId, ratings] of serverRatings) {
    const row = catalog.row(dramaId);
    const { average, count } = summarize(ratings);
    if (row !== undefined && count >= MIN_RATINGS_TO_RANK && average >= LOVED) {
      add(row, 100 + average, { kind: 'server-favourite', average, count });
      favourites.add(row);
    }
  }
  const { starDramas, starWeight, starPerson, starCredits } = catalog.columns;
  const addStar = (i: number) =>
    add(starDramas[i]!, starWeight[i]!, {
      kind: 'star-power',
      personId: catalog.personAt(starPerson[i]!).id,
      dramas: starCredits[i]!,
    });
  const rank = starRankOf(catalog.columns);
  for (const row of favourites) if (rank[row]! >= 0) addStar(rank[row]!);
  let others = 0;
  for (let i = 0; i < starDramas.length && others < limit; i++) {
    const row = starDramas[i]!;
    if (favourites.has(row) || !accepts(row)) continue;
    addStar(i);
    others += 1;
  }
}
