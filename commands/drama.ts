import { SlashCommandBuilder, type ChatInputCommandInteraction, type SlashCommandSubcommandBuilder } from 'discord.js';
import * as actions from '../src/cards/actions.ts';
import { SEARCH_QUERY_MAX } from '../src/cards/actions.ts';
import { renderCastList, renderEpisodeList } from '../src/cards/drama-lists.ts';
import { button } from '../src/cards/message.ts';
import { plain } from '../src/text.ts';
import { dramaTitle } from '../src/catalog/names.ts';
import { describeSearch, renderSearchResults } from '../src/cards/search-results.ts';
import { unhandled, type Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import { whereOf } from '../src/discord/where.ts';
import type { BotContext } from '../src/context.ts';
import { open, reply, turnPage } from '../src/discord/respond.ts';
import { UserError } from '../src/errors.ts';
import { genreChoices, named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { dramaChoices, networkChoices } from '../src/cards/autocomplete.ts';
import { dramaCardView } from '../src/cards/drama-card-view.ts';
import { dramaById, findDrama, NotFound, suggestDramas } from '../src/lookup/find.ts';
import { findDramas, pickRandom, resolveNetwork, type RandomFilter, type SearchFilter } from '../src/lookup/filter.ts';
import { networksByUse } from '../src/catalog/orderings.ts';

const titleOption = (sub: SlashCommandSubcommandBuilder) =>
  sub.addStringOption((o) => named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100));
const genreOption = (sub: SlashCommandSubcommandBuilder) =>
  sub.addStringOption((o) => named(o, 'genre').addChoices(...genreChoices()));
const maxEpisodesOption = (sub: SlashCommandSubcommandBuilder) =>
  sub.addIntegerOption((o) => named(o, 'max_episodes').setMinValue(1).setMaxValue(500));

function filterFrom(interaction: ChatInputCommandInteraction, ctx: BotContext): SearchFilter {
  const filter: SearchFilter = {};
  const query = interaction.options.getString('query')?.trim();
  const genre = interaction.options.getString('genre');
  const year = interaction.options.getInteger('year');
  const maxEpisodes = interaction.options.getInteger('max_episodes');
  const network = interaction.options.getString('network');
  if (query) filter.query = query;
  if (genre) filter.genre = genre;
  if (year) filter.year = year;
  if (maxEpisodes) filter.maxEpisodes = maxEpisodes;
  if (network) {
    const known = resolveNetwork(ctx.catalog, network);
    if (!known)
      throw new UserError('network.unknown', {
        query: network.slice(0, 40),
        networks: networksByUse(ctx.catalog).join(', '),
      });
    filter.network = known;
  }
  return filter;
}

function randomCard(
  ctx: BotContext,
  where: { guildId: string | null; locale: string },
  filter: RandomFilter,
  shownId?: string,
) {
  const drama = pickRandom(ctx.catalog, filter, Math.random, shownId);
  if (!drama) {
    const what = describeSearch(filter, where.locale);
    const shown = shownId ? ctx.catalog.drama(shownId) : undefined;
    // Pressed on the only drama that fits: say so, rather than deal the same card again.
    if (shown) throw new UserError('random.onlyOne', { drama: plain(dramaTitle(shown, where.locale)), what });
    throw new UserError('random.nothing', { what });
  }
  return dramaCardView(ctx, where, drama, [
    button(actions.drama.another(filter, drama.id), `🎲 ${t(where.locale, 'button.another')}`),
  ]);
}

function searchCard(ctx: BotContext, filter: SearchFilter, locale: string, page: number) {
  const found = findDramas(ctx.search, ctx.catalog, filter);
  if (!found.length) {
    // A query that the filters ruled out may still name a drama: offer it.
    const suggestions = filter.query ? suggestDramas(ctx, filter.query) : [];
    throw new NotFound('search.nothing', { what: describeSearch(filter, locale) }, suggestions);
  }
  return renderSearchResults(found, filter, locale, page);
}

/** `/drama info | search | random | episodes` and the buttons on drama cards. */
export default {
  data: named(new SlashCommandBuilder(), 'drama')
    .addSubcommand((sub) => titleOption(named(sub, 'drama.info')))
    .addSubcommand((sub) =>
      maxEpisodesOption(
        genreOption(named(sub, 'drama.search').addStringOption((o) => named(o, 'query').setMaxLength(SEARCH_QUERY_MAX)))
          .addIntegerOption((o) => named(o, 'year').setMinValue(1950).setMaxValue(2100))
          .addStringOption((o) => named(o, 'network').setAutocomplete(true).setMaxLength(40)),
      ),
    )
    .addSubcommand((sub) => maxEpisodesOption(genreOption(named(sub, 'drama.random'))))
    .addSubcommand((sub) => titleOption(named(sub, 'drama.episodes'))),

  async execute(interaction, ctx) {
    const locale = interaction.locale;
    switch (interaction.options.getSubcommand()) {
      case 'info':
        return reply(
          interaction,
          await dramaCardView(ctx, whereOf(interaction), findDrama(ctx, interaction.options.getString('title', true))),
        );
      case 'episodes': {
        const drama = findDrama(ctx, interaction.options.getString('title', true), 'episodes');
        // An episode list is for whoever asked, from the command as from the card's button.
        return reply(interaction, renderEpisodeList(drama, locale), { ephemeral: true });
      }
      case 'search':
        return reply(interaction, searchCard(ctx, filterFrom(interaction, ctx), locale, 0));
      case 'random':
        return reply(interaction, await randomCard(ctx, whereOf(interaction), filterFrom(interaction, ctx)));
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const choices =
      focused.name === 'network'
        ? networkChoices(ctx.catalog, focused.value)
        : dramaChoices(ctx.search, ctx.catalog, focused.value, interaction.locale);
    await interaction.respond(choices);
  },

  actions: actions.drama,

  async component(interaction, ctx, action) {
    const locale = interaction.locale;
    switch (action.name) {
      case 'card':
        return open(
          interaction,
          await dramaCardView(ctx, whereOf(interaction), dramaById(ctx.catalog, action.dramaId)),
          'card',
        );
      case 'openDrama': {
        const picked = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        return open(
          interaction,
          await dramaCardView(ctx, whereOf(interaction), dramaById(ctx.catalog, picked)),
          'card',
        );
      }
      case 'cast': {
        const card = renderCastList(dramaById(ctx.catalog, action.dramaId), ctx.catalog, locale, action.page ?? 0);
        return action.page === undefined ? open(interaction, card, 'list') : turnPage(interaction, card);
      }
      case 'episodes': {
        const card = renderEpisodeList(dramaById(ctx.catalog, action.dramaId), locale, action.page ?? 0);
        return action.page === undefined ? reply(interaction, card, { ephemeral: true }) : turnPage(interaction, card);
      }
      case 'search':
        return turnPage(interaction, searchCard(ctx, action.filter, locale, action.page));
      case 'another':
        return turnPage(interaction, await randomCard(ctx, whereOf(interaction), action.filter, action.shownId));
    }
    return unhandled(action);
  },
} satisfies Command<Action<typeof actions.drama>>;
