import {
  ActionRowBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import * as actions from '../src/cards/actions.ts';
import { renderRateConfirmation } from '../src/cards/ratings-cards.ts';
import { dramaTitle } from '../src/catalog/names.ts';
import type { Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import type { BotContext } from '../src/context.ts';
import type { Drama } from '../src/data/schema.ts';
import { serverOf } from '../src/discord/where.ts';
import { named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { dramaChoices } from '../src/cards/autocomplete.ts';
import { dramaById, findDrama } from '../src/lookup/find.ts';
import { MAX_REVIEW_LENGTH, MAX_SCORE, MIN_SCORE } from '../src/ratings/aggregate.ts';
import { cleanReview, parseScore } from '../src/ratings/input.ts';
import { truncate } from '../src/text.ts';

/** Saves a rating once it is valid; the answer is private and says what it replaced. */
async function save(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  ctx: BotContext,
  drama: Drama,
  score: number,
  review: string | undefined,
) {
  // Deferred first: a burst of ratings queues writes, and the answer must wait for the write.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const rating = { score, ...(review ? { review } : {}), at: Date.now() };
  const result = await ctx.ratings.rate(serverOf(interaction), drama.id, interaction.user.id, rating);
  await interaction.editReply(renderRateConfirmation(drama, rating, result, interaction.locale));
}

/** `/rate title score [review]`, and the Rate button on drama cards (a form). */
export default {
  guildOnly: true,
  data: named(new SlashCommandBuilder(), 'rate')
    .addStringOption((o) => named(o, 'rate.title').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addIntegerOption((o) => named(o, 'score').setRequired(true).setMinValue(MIN_SCORE).setMaxValue(MAX_SCORE))
    .addStringOption((o) => named(o, 'review').setMaxLength(MAX_REVIEW_LENGTH)),

  async execute(interaction, ctx) {
    const drama = findDrama(ctx, interaction.options.getString('title', true), 'rate', 'exact');
    const score = parseScore(String(interaction.options.getInteger('score', true)));
    await save(interaction, ctx, drama, score, cleanReview(interaction.options.getString('review')));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      dramaChoices(ctx.search, ctx.catalog, interaction.options.getFocused(), interaction.locale),
    );
  },

  actions: actions.rate,
  forms: actions.rateForm,

  async component(interaction, ctx, action) {
    const drama = dramaById(ctx.catalog, action.dramaId);
    const locale = interaction.locale;
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId(actions.rateForm.submit(drama.id))
        .setTitle(truncate(t(locale, 'rate.modalTitle', { drama: dramaTitle(drama, locale) }), 45))
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder()
              .setCustomId('score')
              .setLabel(t(locale, 'rate.scoreLabel'))
              .setStyle(TextInputStyle.Short)
              .setMinLength(1)
              .setMaxLength(2)
              .setRequired(true),
          ),
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder()
              .setCustomId('review')
              .setLabel(t(locale, 'rate.reviewLabel'))
              .setStyle(TextInputStyle.Paragraph)
              .setMaxLength(MAX_REVIEW_LENGTH)
              .setRequired(false),
          ),
        ),
    );
  },

  async modal(interaction, ctx, action) {
    const drama = dramaById(ctx.catalog, action.dramaId);
    const score = parseScore(interaction.fields.getTextInputValue('score'));
    await save(interaction, ctx, drama, score, cleanReview(interaction.fields.getTextInputValue('review')));
  },
} satisfies Command<Action<typeof actions.rate>, Action<typeof actions.rateForm>>;
