import {
  AttachmentBuilder,
  ButtonStyle,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  userMention,
} from 'discord.js';
import * as actions from '../src/cards/actions.ts';
import { button, row } from '../src/cards/message.ts';
import { plain } from '../src/text.ts';
import { dramaTitle } from '../src/catalog/names.ts';
import type { Command } from '../src/command.ts';
import { serverOf } from '../src/discord/where.ts';
import type { Action } from '../src/discord/custom-id.ts';
import { UserError } from '../src/errors.ts';
import { choice, named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { dramaChoices } from '../src/cards/autocomplete.ts';
import { dramaById, findDrama } from '../src/lookup/find.ts';
import { exportRatings } from '../src/ratings/export.ts';

/**
 * Admin tools (Manage Server, checked by Discord at registration and by the router at run time):
 * remove a member's rating or review, reset a drama's ratings after a confirmation, export.
 */
export default {
  adminOnly: true,
  data: named(new SlashCommandBuilder(), 'ratings-admin')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      named(sub, 'ratings-admin.remove')
        .addUserOption((o) => named(o, 'member').setRequired(true))
        .addStringOption((o) => named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) =>
          named(o, 'what').addChoices(choice('rating', 'admin.what.rating'), choice('review', 'admin.what.review')),
        ),
    )
    .addSubcommand((sub) =>
      named(sub, 'ratings-admin.reset').addStringOption((o) =>
        named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100),
      ),
    )
    .addSubcommand((sub) => named(sub, 'ratings-admin.export')),

  async execute(interaction, ctx) {
    const { locale } = interaction;
    const guildId = serverOf(interaction);
    const sub = interaction.options.getSubcommand();
    if (sub === 'export') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const exported = exportRatings(guildId, await ctx.ratings.serverRatings(guildId), ctx.catalog);
      const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2)), {
        name: `ratings-${guildId}.json`,
      });
      await interaction.editReply({
        content: t(locale, 'admin.exported', { dramas: exported.dramas.length, ratings: exported.ratingCount }),
        files: [file],
      });
      return;
    }
    const drama = findDrama(ctx, interaction.options.getString('title', true));
    const name = `**${plain(dramaTitle(drama, locale))}**`;
    if (sub === 'remove') {
      const member = interaction.options.getUser('member', true);
      const what = interaction.options.getString('what') === 'review' ? 'review' : 'rating';
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const removed = await ctx.ratings.remove(guildId, drama.id, member.id, what);
      const vars = { member: userMention(member.id), drama: name, what: t(locale, `admin.what.${what}`) };
      await interaction.editReply(
        removed && (what === 'rating' || removed.review)
          ? t(locale, 'admin.removed', vars)
          : t(locale, 'admin.nothingToRemove', vars),
      );
      return;
    }
    // reset: say how many ratings would go and ask first.
    const count = Object.keys((await ctx.ratings.dramaRatings(guildId, drama.id))?.byMember ?? {}).length;
    if (count === 0) throw new UserError('admin.resetNothing', { drama: name });
    await interaction.reply({
      content: t(locale, 'admin.resetAsk', { count, drama: name }),
      components: [
        row(
          button(actions.ratingsAdmin.confirmReset(drama.id), t(locale, 'admin.resetConfirm'), {
            style: ButtonStyle.Danger,
          }),
          button(actions.ratingsAdmin.cancelReset(), t(locale, 'admin.resetCancel')),
        ),
      ],
      flags: MessageFlags.Ephemeral,
    });
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      dramaChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.ratingsAdmin,

  async component(interaction, ctx, action) {
    const { locale } = interaction;
    const guildId = serverOf(interaction);
    if (action.name === 'cancelReset')
      return interaction.update({ content: t(locale, 'admin.resetCancelled'), components: [] });
    const drama = dramaById(ctx.catalog, action.dramaId);
    await interaction.deferUpdate();
    const count = await ctx.ratings.reset(guildId, drama.id);
    await interaction.editReply({
      content: t(locale, 'admin.resetDone', { count, drama: `**${plain(dramaTitle(drama, locale))}**` }),
      components: [],
    });
  },
} satisfies Command<Action<typeof actions.ratingsAdmin>>;
