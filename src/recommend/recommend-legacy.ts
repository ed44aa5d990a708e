import type { Catalog } from '../catalog/catalog.ts';
import type { Drama, RoleType } from '../data/schema.ts';
import type { DramaRatings } from '../ratings/keys.ts';
import { MIN_RATINGS_TO_RANK, summarize } from '../ratings/aggregate.ts';
import { getOrCreate } from '../get-or-create.ts';
import { LOVED, type Reason, type Recommendation, type RecommendOptions } from './recommend.ts';

/**
 * TEMPORARY (issue 17): the recommendations as they were before the catalog columns, kept only so
 * test/recommend/columns-equivalence.test.ts can check the column version gives the same answers.
 * Delete with that test when the issue closes.
 *
 * Recommendations: content similarity (shared people weighted by role, director and writer,
 * genres, tags, era, length) blended with this server's taste (members who loved A also loved B),
 * each explained by its strongest reasons. Pure and deterministic: same catalog, same ratings,
 * same answer. Only dramas that share something with a seed are scored, so the work grows with
 * the seeds' connections, not with the catalog.
 */
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

/** Tag and genre lookups, built once per catalog. */
const tagIndexes = new WeakMap<Catalog, Map<string, Drama[]>>();
function byTag(catalog: Catalog): Map<string, Drama[]> {
  let index = tagIndexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const drama of catalog.dramas) {
      for (const key of [...(drama.tags ?? []).map((t) => `t:${t}`), ...drama.genres.map((g) => `g:${g}`)]) {
        getOrCreate(index, key, () => []).push(drama);
      }
    }
    tagIndexes.set(catalog, index);
  }
  return index;
}

function passes(drama: Drama, filter: RecommendOptions['filter']): boolean {
  if (filter?.genre && !(drama.genres as string[]).includes(filter.genre)) return false;
  if (filter?.maxEpisodes && drama.episodeCount > filter.maxEpisodes) return false;
  return true;
}

function roleIn(drama: Drama, personId: string): RoleType | undefined {
  return drama.cast.find((c) => c.person === personId)?.role;
}

/** Members who gave both dramas LOVED or more. */
function coLovers(a: DramaRatings | undefined, b: DramaRatings | undefined): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const [user, rating] of Object.entries(a.byMember))
    if (rating.score >= LOVED && (b.byMember[user]?.score ?? 0) >= LOVED) n += 1;
  return n;
}

type Add = (drama: Drama, weight: number, reason?: Reason) => void;

/** The keys a drama is found under in byTag: its tags and genres. */
const traitKeys = (drama: Drama) => [...(drama.tags ?? []).map((t) => `t:${t}`), ...drama.genres.map((g) => `g:${g}`)];

/** How many genres and tags two dramas share, when already counted (no reasons are wanted then). */
interface Shared {
  genres: number;
  tags: number;
}

/** What a drama that shares a genre or a tag with the seed earns: the shared ones, a close era, a close length. */
function traitScores(seed: Drama, drama: Drama, weight: number, add: Add, counted?: Shared): void {
  const genres = counted ? undefined : drama.genres.filter((g) => seed.genres.includes(g));
  const tags = counted ? undefined : (drama.tags ?? []).filter((t) => seed.tags?.includes(t));
  const shared = counted ?? { genres: genres!.length, tags: tags!.length };
  if (shared.genres)
    add(drama, weight * GENRE_WEIGHT * shared.genres, genres && { kind: 'genres', genres, seedId: seed.id });
  if (shared.tags) add(drama, weight * TAG_WEIGHT * shared.tags, tags && { kind: 'tags', tags, seedId: seed.id });
  if (Math.abs(drama.year - seed.year) <= 2) add(drama, weight * ERA_WEIGHT);
  const ratio = Math.min(drama.episodeCount, seed.episodeCount) / Math.max(drama.episodeCount, seed.episodeCount);
  if (ratio >= 0.75) add(drama, weight * LENGTH_WEIGHT);
}

/**
 * Every reason each seed gives: shared people, shared genres and tags (for the dramas that
 * `sharingTraits` yields), and this server's taste.
 */
function scoreSeeds(
  catalog: Catalog,
  options: RecommendOptions,
  add: Add,
  sharingTraits: (seed: Drama) => Iterable<[Drama, Shared?]>,
): void {
  const { seeds, serverRatings } = options;
  for (const { drama: seed, weight } of seeds) {
    const seedRatings = serverRatings.get(seed.id);
    // People: directors, writers, and actors weighted by how big their part is on both sides.
    const people = [
      ...(seed.directors ?? []).map((id) => ({ id, kind: 'director' as const })),
      ...(seed.writers ?? []).map((id) => ({ id, kind: 'writer' as const })),
      ...seed.cast.map((c) => ({ id: c.person, kind: 'cast' as const, role: c.role })),
    ];
    for (const person of people) {
      for (const credit of catalog.creditsOf(person.id)) {
        if (credit.drama.id === seed.id) continue;
        if (person.kind !== 'cast' && credit.kind === person.kind) {
          add(credit.drama, weight * PEOPLE_WEIGHT[person.kind], {
            kind: person.kind,
            personId: person.id,
            seedId: seed.id,
          });
        } else if (person.kind === 'cast' && credit.kind === 'cast') {
          const theirs = roleIn(credit.drama, person.id) ?? 'cameo';
          const w = Math.min(ROLE_WEIGHT[person.role], ROLE_WEIGHT[theirs]);
          add(credit.drama, weight * w, {
            kind: 'actor',
            personId: person.id,
            seedId: seed.id,
            leads: theirs === 'main',
          });
        }
      }
    }
    // Genres and tags: each shared one adds a little; the reason lists them together.
    for (const [drama, counted] of sharingTraits(seed)) traitScores(seed, drama, weight, add, counted);
    // This server's taste: members who loved the seed and also loved another drama.
    for (const [dramaId, ratings] of serverRatings) {
      const drama = dramaId === seed.id ? undefined : catalog.drama(dramaId);
      const members = drama ? coLovers(seedRatings, ratings) : 0;
      if (drama && members)
        add(drama, weight * CO_LOVED_WEIGHT * members, { kind: 'co-loved', members, seedId: seed.id });
    }
  }
}

/** Every drama other than the seed that shares a genre or a tag with it, with how many of each. */
function dramasSharingTraits(catalog: Catalog, seed: Drama): Map<Drama, Shared> {
  const found = new Map<Drama, Shared>();
  const index = byTag(catalog);
  for (const key of new Set(traitKeys(seed))) {
    for (const drama of index.get(key) ?? []) {
      if (drama.id === seed.id) continue;
      const shared = getOrCreate(found, drama, () => ({ genres: 0, tags: 0 }));
      if (key.startsWith('g:')) shared.genres += 1;
      else shared.tags += 1;
    }
  }
  return found;
}

/** A tally of scores only, no reasons: cheap enough for the tens of thousands a genre reaches at 100k dramas. */
function roughScores(
  catalog: Catalog,
  options: RecommendOptions,
  eligible: (drama: Drama) => boolean,
): Map<string, number> {
  const totals = new Map<string, number>();
  const add: Add = (drama, weight) => {
    if (weight <= 0 || !eligible(drama)) return;
    totals.set(drama.id, (totals.get(drama.id) ?? 0) + weight);
  };
  scoreSeeds(catalog, options, add, (seed) => dramasSharingTraits(catalog, seed));
  return totals;
}

export function legacyRecommend(catalog: Catalog, options: RecommendOptions): Recommendation[] {
  const { seeds, serverRatings, exclude, filter, limit = 5 } = options;
  const eligible = (drama: Drama) => !exclude.has(drama.id) && passes(drama, filter);
  // Scores first, reasons only for the dramas that can make the list: building reasons for every
  // drama that shares a genre took most of a second at 100k dramas.
  let finalists: Set<string> | undefined;
  if (seeds.length) {
    const rough = roughScores(catalog, options, eligible);
    // The limit-th best score; ties at the cut all go through, the final order settles them.
    const cut = [...rough.values()].sort((a, b) => b - a)[limit - 1] ?? -Infinity;
    finalists = new Set([...rough].filter(([, score]) => score >= cut).map(([id]) => id));
  }
  const scored = new Map<string, Scored>();
  const add: Add = (drama, weight, reason) => {
    // Finalists passed eligible() already.
    if (weight <= 0 || (finalists ? !finalists.has(drama.id) : !eligible(drama))) return;
    const entry = getOrCreate(scored, drama.id, () => ({ score: 0, reasons: [] }));
    entry.score += weight;
    if (reason) entry.reasons.push({ reason, weight });
  };
  const traitsShared = (seed: Drama) => {
    const keys = new Set(traitKeys(seed));
    const sharing = [...(finalists ?? [])]
      .map((id) => catalog.drama(id)!)
      .filter((d) => d.id !== seed.id && traitKeys(d).some((k) => keys.has(k)));
    return sharing.map((drama): [Drama] => [drama]);
  };
  scoreSeeds(catalog, options, add, traitsShared);

  if (seeds.length === 0) fallback(catalog, serverRatings, add, eligible, limit);

  return [...scored]
    .map(([id, s]) => ({ drama: catalog.drama(id)!, score: s.score, reasons: strongest(s.reasons) }))
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

interface StarPower {
  drama: Drama;
  weight: number;
  reason: Extract<Reason, { kind: 'star-power' }>;
}

/** Each drama's star power, strongest first and then by id (the final order), once per catalog. */
const starPowerLists = new WeakMap<Catalog, { ranked: StarPower[]; byDrama: Map<string, StarPower> }>();
function starPower(catalog: Catalog) {
  let lists = starPowerLists.get(catalog);
  if (!lists) {
    const ranked: StarPower[] = [];
    for (const drama of catalog.dramas) {
      const leads = drama.cast
        .filter((c) => c.role === 'main')
        .map((c) => ({
          personId: c.person,
          dramas: catalog.creditsOf(c.person).filter((x) => x.kind === 'cast').length,
        }));
      const star = leads.sort((a, b) => b.dramas - a.dramas || a.personId.localeCompare(b.personId))[0];
      if (star && star.dramas > 1)
        ranked.push({
          drama,
          weight: star.dramas + leads.reduce((n, l) => n + l.dramas, 0) / 10,
          reason: { kind: 'star-power', ...star },
        });
    }
    ranked.sort((a, b) => b.weight - a.weight || a.drama.id.localeCompare(b.drama.id));
    lists = { ranked, byDrama: new Map(ranked.map((s) => [s.drama.id, s])) };
    starPowerLists.set(catalog, lists);
  }
  return lists;
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
  accepts: (drama: Drama) => boolean,
  limit: number,
): void {
  const favourites = new Set<string>();
  for (const [dramaId, ratings] of serverRatings) {
    const drama = catalog.drama(dramaId);
    const { average, count } = summarize(ratings);
    if (drama && count >= MIN_RATINGS_TO_RANK && average >= LOVED) {
      add(drama, 100 + average, { kind: 'server-favourite', average, count });
      favourites.add(drama.id);
    }
  }
  const { ranked, byDrama } = starPower(catalog);
  const addStar = (star: StarPower) => add(star.drama, star.weight, { ...star.reason });
  for (const id of favourites) if (byDrama.has(id)) addStar(byDrama.get(id)!);
  let others = 0;
  for (const star of ranked) {
    if (others >= limit) break;
    if (favourites.has(star.drama.id) || !accepts(star.drama)) continue;
    addStar(star);
    others += 1;
  }
}
