import type { Catalog } from '../catalog/catalog.ts';
import { summarize } from './aggregate.ts';
import type { DramaRatings } from './keys.ts';

/** The JSON an admin downloads: every rating of the server, readable without the bot. */
export interface RatingsExport {
  guildId: string;
  exportedAt: string;
  ratingCount: number;
  dramas: Array<{
    dramaId: string;
    title: string;
    average: number;
    ratings: Array<{ userId: string; score: number; review?: string; ratedAt: string }>;
  }>;
}

export function exportRatings(
  guildId: string,
  serverRatings: ReadonlyMap<string, DramaRatings>,
  catalog: Catalog,
  now = new Date(),
): RatingsExport {
  const dramas = [...serverRatings]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dramaId, doc]) => ({
      dramaId,
      title: catalog.drama(dramaId)?.title ?? dramaId,
      average: summarize(doc).average,
      ratings: Object.entries(doc.byMember)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([userId, r]) => ({
          userId,
          score: r.score,
          ...(r.review ? { review: r.review } : {}),
          ratedAt: new Date(r.at).toISOString(),
        })),
    }));
  return {
    guildId,
    exportedAt: now.toISOString(),
    ratingCount: dramas.reduce((n, d) => n + d.ratings.length, 0),
    dramas,
  };
}
