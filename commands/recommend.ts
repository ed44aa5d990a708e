import { SlashCommandBuilder, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import { renderRecommendations } from '../src/cards/recommend-card.ts';
import { describeFilter } from '../src/cards/search-results.ts';
import * as actions from '../src/cards/actions.ts';
import type { Command } from '../src/command.ts';
import { installedServer } from '../src/discord/where.ts';
import type { Action } from '../src/discord/custom-id.ts';
import type { BotContext } from '../src/context.ts';
import type { Drama } from '../src/data/schema.ts';
import { open, reply } from '../src/discord/respond.ts';
import { StoreUnavailable, UserError } from '../src/errors.ts';
import { genreChoices, named } from '../src/i18n/command-text.ts';
import { dramaChoices } from '../src/cards/autocomplete.ts';
import { dramaById, findDrama } from '../src/lookup/find.ts';
import type { DramaRatings } from '../src/ratings/keys.ts';
import { recommend } from '../src/recommend/recommend.ts';
import { chooseSeeds } from '../src/recommend/seeds.ts';

type Asked = ChatInputCommandInteraction | MessageComponentInteraction;

/** Recommendations for the member who asked; without the store they still come from the catalog. */
async function recommendationsCard(
  ctx: BotContext,
  interaction: Asked,
  like: Drama | undefined,
  filter: { genre?: string; maxEpisodes?: number },
) {
  let serverRatings: ReadonlyMap<string, DramaRatings> = new Map();
  // Outside a server that added the bot there are no ratings to use: content similarity only.
  const server = installedServer(interaction);
  if (server) {
    try {
      serverRatings = await ctx.ratings.serverRatings(server);
    } catch (error) {
      if (!(error instanceof StoreUnavailable)) throw error;
    }
  }
  const { basis, seeds, exclude } = chooseSeeds(ctx.catalog, serverRatings, interaction.user.id, like);
  const found = recommend(ctx.catalog, { seeds, serverRatings, exclude, filter });
  if (!found.length) {
    const filters = describeFilter(filter, interaction.locale);
    throw new UserError('recommend.none', { filters: filters ? ` (${filters})` : '' });
  }
  return renderRecommendations(found, basis, like, ctx.catalog, interaction.locale, { inServer: Boolean(server) });
}

/** `/recommend [like] [genre] [max_episodes]`, and the Similar button on drama cards. */
export default {
  data: named(new SlashCommandBuilder(), 'recommend')
    .addStringOption((o) => named(o, 'like').setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => named(o, 'genre').addChoices(...genreChoices()))
    .addIntegerOption((o) => named(o, 'max_episodes').setMinValue(1).setMaxValue(500)),

  async execute(interaction, ctx) {
    const likeText = interaction.options.getString('like');
    const like = likeText ? findDrama(ctx, likeText) : undefined;
    const genre = interaction.options.getString('genre');
    const maxEpisodes = interaction.options.getInteger('max_episodes');
    await reply(
      interaction,
      await recommendationsCard(ctx, interaction, like, {
        ...(genre ? { genre } : {}),
        ...(maxEpisodes ? { maxEpisodes } : {}),
      }),
    );
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      dramaChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.recommend,

  async component(interaction, ctx, action) {
    const drama = dramaById(ctx.catalog, action.dramaId);
    await open(interaction, await recommendationsCard(ctx, interaction, drama, {}), 'list');
  },
} satisfies Command<Action<typeof actions.recommend>>;
