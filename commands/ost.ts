import { SlashCommandBuilder } from 'discord.js';
import { parseChoiceValue } from '../src/search/resolve.ts';
import { renderArtistSongs, renderSongCard, renderTracklist } from '../src/cards/soundtrack.ts';
import * as actions from '../src/cards/actions.ts';
import { unhandled, type Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import { open, reply, turnPage } from '../src/discord/respond.ts';
import { named } from '../src/i18n/command-text.ts';
import { soundtrackChoices } from '../src/cards/autocomplete.ts';
import { dramaById, findSoundtrack, personById, songById } from '../src/lookup/find.ts';

/** `/ost`: a drama's tracklist, one song's card, or a singer's soundtrack songs. */
export default {
  data: named(new SlashCommandBuilder(), 'ost').addStringOption((o) =>
    named(o, 'ost.query').setRequired(true).setAutocomplete(true).setMaxLength(100),
  ),

  async execute(interaction, ctx) {
    const locale = interaction.locale;
    const found = findSoundtrack(ctx, interaction.options.getString('query', true));
    const card =
      found.type === 'drama'
        ? renderTracklist(found.drama, ctx.catalog, locale)
        : found.type === 'song'
          ? renderSongCard(found.drama, found.track, ctx.catalog, locale)
          : renderArtistSongs(found.person, ctx.catalog, locale);
    await reply(interaction, card);
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      soundtrackChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.ost,

  async component(interaction, ctx, action) {
    const locale = interaction.locale;
    switch (action.name) {
      case 'tracks': {
        const card = renderTracklist(dramaById(ctx.catalog, action.dramaId), ctx.catalog, locale, action.page ?? 0);
        return action.page === undefined ? open(interaction, card, 'list') : turnPage(interaction, card);
      }
      case 'artist': {
        const card = renderArtistSongs(personById(ctx.catalog, action.personId), ctx.catalog, locale, action.page ?? 0);
        return action.page === undefined ? open(interaction, card, 'list') : turnPage(interaction, card);
      }
      case 'song': {
        const song = songById(ctx.catalog, action.dramaId, action.track);
        return open(interaction, renderSongCard(song.drama, song.track, ctx.catalog, locale), 'card');
      }
      case 'openSong': {
        const picked = parseChoiceValue(interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '');
        const song = songById(ctx.catalog, picked?.id, picked?.type === 'song' ? picked.track : undefined);
        return open(interaction, renderSongCard(song.drama, song.track, ctx.catalog, locale), 'card');
      }
    }
    return unhandled(action);
  },
} satisfies Command<Action<typeof actions.ost>>;
