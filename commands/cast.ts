import { SlashCommandBuilder } from 'discord.js';
import { renderPersonCard } from '../src/cards/person-card.ts';
import * as actions from '../src/cards/actions.ts';
import { unhandled, type Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import { whereOf } from '../src/discord/where.ts';
import { open, reply, turnPage } from '../src/discord/respond.ts';
import { named } from '../src/i18n/command-text.ts';
import { personChoices } from '../src/cards/autocomplete.ts';
import { dramaCardView } from '../src/cards/drama-card-view.ts';
import { dramaById, findPerson, personById } from '../src/lookup/find.ts';

/** `/cast`: an actor's, director's, writer's or singer's card with every credit in the catalog. */
export default {
  data: named(new SlashCommandBuilder(), 'cast').addStringOption((o) =>
    named(o, 'cast.name').setRequired(true).setAutocomplete(true).setMaxLength(100),
  ),

  async execute(interaction, ctx) {
    const person = findPerson(ctx, interaction.options.getString('name', true));
    await reply(interaction, renderPersonCard(person, ctx.catalog, interaction.locale));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      personChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.cast,

  async component(interaction, ctx, action) {
    const locale = interaction.locale;
    const picked = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    switch (action.name) {
      case 'card':
        return open(
          interaction,
          renderPersonCard(personById(ctx.catalog, action.personId), ctx.catalog, locale),
          'card',
        );
      case 'openPerson':
        return open(interaction, renderPersonCard(personById(ctx.catalog, picked), ctx.catalog, locale), 'card');
      case 'page':
        return turnPage(
          interaction,
          renderPersonCard(personById(ctx.catalog, action.personId), ctx.catalog, locale, action.page),
        );
      case 'openDrama':
        return open(
          interaction,
          await dramaCardView(ctx, whereOf(interaction), dramaById(ctx.catalog, picked)),
          'card',
        );
    }
    return unhandled(action);
  },
} satisfies Command<Action<typeof actions.cast>>;
