import type { Catalog } from '../catalog/catalog.ts';
import type { Drama } from '../data/schema.ts';
import { MIN_RATINGS_TO_RANK, summarize } from '../ratings/aggregate.ts';
import type { DramaRatings } from '../ratings/keys.ts';
import { LOVED, type Seed } from './recommend.ts';

export type Basis = 'like' | 'mine' | 'server' | 'catalog';

const MAX_SEEDS = 5;

/**
 * What to recommend from: the drama asked about; else the member's own high ratings; else the
 * server's favourites; else nothing (recommend() then falls back to the catalog). The member's
 * rated dramas are never recommended back to them.
 */
export function chooseSeeds(
  catalog: Catalog,
  serverRatings: ReadonlyMap<string, DramaRatings>,
  userId: string,
  like?: Drama,
): { basis: Basis; seeds: Seed[]; exclude: Set<string> } {
  const rated = [...serverRatings].flatMap(([dramaId, doc]) =>
    doc.byMember[userId] ? [{ dramaId, ...doc.byMember[userId]! }] : [],
  );
  const exclude = new Set(rated.map((r) => r.dramaId));
  if (like) return { basis: 'like', seeds: [{ drama: like, weight: 1 }], exclude: exclude.add(like.id) };

  const mine = rated
    .filter((r) => r.score >= LOVED && catalog.drama(r.dramaId))
    .sort((a, b) => b.score - a.score || b.at - a.at || a.dramaId.localeCompare(b.dramaId))
    .slice(0, MAX_SEEDS)
    .map((r) => ({ drama: catalog.drama(r.dramaId)!, weight: (r.score - 6) / 4 }));
  if (mine.length) return { basis: 'mine', seeds: mine, exclude };

  const favourites = [...serverRatings]
    .map(([dramaId, doc]) => ({ drama: catalog.drama(dramaId), summary: summarize(doc) }))
    .filter(
      (f): f is { drama: Drama; summary: ReturnType<typeof summarize> } =>
        Boolean(f.drama) && f.summary.count >= MIN_RATINGS_TO_RANK && f.summary.average >= LOVED,
    )
    .sort(
      (a, b) =>
        b.summary.average - a.summary.average ||
        b.summary.count - a.summary.count ||
        a.drama.id.localeCompare(b.drama.id),
    )
    .slice(0, MAX_SEEDS);
  if (favourites.length)
    return { basis: 'server', seeds: favourites.map((f) => ({ drama: f.drama, weight: 0.6 })), exclude };

  return { basis: 'catalog', seeds: [], exclude };
}
