import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { serverOf } from '../src/discord/where.ts';
import { renderDramaRatings, renderLeaderboard, renderMyRatings } from '../src/cards/ratings-cards.ts';
import * as actions from '../src/cards/actions.ts';
import { unhandled, type Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import type { BotContext } from '../src/context.ts';
import { turnPage } from '../src/discord/respond.ts';
import { named } from '../src/i18n/command-text.ts';
import { dramaChoices } from '../src/cards/autocomplete.ts';
import { findDrama } from '../src/lookup/find.ts';
import { leaderboard } from '../src/ratings/aggregate.ts';

async function leaderboardCard(
  ctx: BotContext,
  guildId: string,
  serverName: string | undefined,
  locale: string,
  page: number,
) {
  return renderLeaderboard(leaderboard(await ctx.ratings.summaries(guildId)), ctx.catalog, serverName, locale, page);
}

async function myRatingsCard(ctx: BotContext, guildId: string, userId: string, locale: string, page: number) {
  const mine = [...(await ctx.ratings.serverRatings(guildId))].flatMap(([dramaId, doc]) => {
    const drama = ctx.catalog.drama(dramaId);
    const rating = doc.byMember[userId];
    return drama && rating ? [{ drama, rating }] : [];
  });
  return renderMyRatings(mine, locale, page);
}

/** `/ratings`: the leaderboard; `title:` one drama's ratings; `mine:true` your own (private). */
export default {
  guildOnly: true,
  data: named(new SlashCommandBuilder(), 'ratings')
    .addStringOption((o) => named(o, 'ratings.title').setAutocomplete(true).setMaxLength(100))
    .addBooleanOption((o) => named(o, 'mine')),

  async execute(interaction, ctx) {
    const { locale } = interaction;
    const guildId = serverOf(interaction);
    const title = interaction.options.getString('title');
    if (interaction.options.getBoolean('mine')) {
      return interaction.reply({
        ...(await myRatingsCard(ctx, guildId, interaction.user.id, locale, 0)),
        flags: MessageFlags.Ephemeral,
      });
    }
    if (title) {
      const drama = findDrama(ctx, title);
      return interaction.reply(renderDramaRatings(drama, await ctx.ratings.dramaRatings(guildId, drama.id), locale));
    }
    return interaction.reply(await leaderboardCard(ctx, guildId, interaction.guild?.name, locale, 0));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      dramaChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.ratings,

  async component(interaction, ctx, action) {
    const { locale } = interaction;
    const guildId = serverOf(interaction);
    switch (action.name) {
      case 'leaderboardPage':
        return turnPage(interaction, await leaderboardCard(ctx, guildId, interaction.guild?.name, locale, action.page));
      case 'myRatingsPage':
        return turnPage(interaction, await myRatingsCard(ctx, guildId, interaction.user.id, locale, action.page));
    }
    return unhandled(action);
  },
} satisfies Command<Action<typeof actions.ratings>>;
