import type { APIButtonComponentWithCustomId } from 'discord.js';
import * as actions from './actions.ts';
import { renderDramaCard } from './drama-card.ts';
import { button, type Card } from './message.ts';
import type { BotContext } from '../context.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';

/**
 * The drama card as a server sees it: with this server's rating and the Rate and Similar buttons.
 * A store that is down costs the rating line, never the card: lookups keep working.
 */
export async function dramaCardView(
  ctx: BotContext,
  where: { guildId: string | null; locale: string },
  drama: Drama,
  more: APIButtonComponentWithCustomId[] = [],
): Promise<Card> {
  let rating: { average: number; count: number } | undefined;
  if (where.guildId) {
    try {
      rating = await ctx.ratings.summary(where.guildId, drama.id);
    } catch {
      rating = undefined;
    }
  }
  const buttons = [
    ...(where.guildId ? [button(actions.rate.open(drama.id), `⭐ ${t(where.locale, 'button.rate')}`)] : []),
    button(actions.recommend.similar(drama.id), t(where.locale, 'button.similar')),
    ...more,
  ];
  return renderDramaCard(drama, ctx.catalog, where.locale, { ...(rating ? { rating } : {}), buttons });
}
