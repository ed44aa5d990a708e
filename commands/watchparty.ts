import {
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  userMention,
  type BaseInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  pollChoiceName,
  pollLink,
  renderAnnouncement,
  renderPoll,
  renderPollList,
  voteAnswer,
} from '../src/cards/watchparty-card.ts';
import * as actions from '../src/cards/actions.ts';
import type { Command } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import type { BotContext } from '../src/context.ts';
import { replyPrivatelyWhenDone } from '../src/discord/respond.ts';
import { serverOf } from '../src/discord/where.ts';
import { instant, UserError } from '../src/errors.ts';
import { named, numberedTitle } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { dramaChoices } from '../src/cards/autocomplete.ts';
import { findDrama } from '../src/lookup/find.ts';
import { planPoll } from '../src/watchparty/plan.ts';
import { MAX_OPEN_POLLS, MAX_TITLES, canClose, counted, type Poll } from '../src/watchparty/poll.ts';

const EXTRA_TITLES = Array.from({ length: MAX_TITLES - 1 }, (_, i) => `title${i + 2}`);

const canManage = (interaction: BaseInteraction) =>
  Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));

/** The poll a member may close (read unless already at hand); explains why not otherwise. */
async function closablePoll(
  interaction: BaseInteraction,
  ctx: BotContext,
  pollId: string,
  known?: Poll,
): Promise<Poll> {
  const poll = known ?? (await ctx.parties.store.get(serverOf(interaction), pollId));
  if (!poll) throw new UserError('party.unknownPoll');
  if (poll.closed) throw new UserError('party.alreadyClosed', { when: instant(poll.closed.at, 'R') });
  if (!canClose(poll, interaction.user.id, canManage(interaction)))
    throw new UserError('party.closeRefused', { host: userMention(poll.hostId) });
  return poll;
}

async function start(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { locale, options } = interaction;
  const guildId = serverOf(interaction);
  // The tally is kept live, and the result posted, through the channel: the bot must be able to.
  if (!interaction.appPermissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]))
    throw new UserError('party.needsChannelAccess');
  const titles = [options.getString('title', true), ...EXTRA_TITLES.map((name) => options.getString(name))].filter(
    (text): text is string => Boolean(text?.trim()),
  );
  const createEvent = options.getBoolean('create_event');
  const eventPermissions = [PermissionFlagsBits.CreateEvents, PermissionFlagsBits.ManageEvents];
  // The bot creates the event for the member: they must be allowed to create one themselves.
  if (createEvent && !interaction.memberPermissions?.any(eventPermissions))
    throw new UserError('party.eventNeedsMemberPermission');
  if (createEvent && !interaction.appPermissions.any(eventPermissions))
    throw new UserError('party.eventNeedsPermission');
  const channel = interaction.channel;
  const poll = planPoll({
    dramas: titles.map((text) => findDrama(ctx, text, undefined, 'exact')),
    episodes: options.getString('episodes'),
    question: options.getString('question'),
    duration: options.getString('duration'),
    startsAt: options.getString('starts_at'),
    createEvent,
    guildId,
    channelId: interaction.channelId,
    hostId: interaction.user.id,
    locale,
    ...(channel && 'name' in channel && channel.name ? { place: `#${channel.name}` } : {}),
    now: Date.now(),
  });
  // Stored before it is shown: no one can press a button of a poll that does not exist.
  if (!(await ctx.parties.open(poll))) throw new UserError('party.tooManyOpen', { max: MAX_OPEN_POLLS });
  const response = await interaction.reply({ ...renderPoll(counted(poll), ctx.catalog), withResponse: true });
  const messageId = response.resource?.message?.id;
  if (messageId) await ctx.parties.posted(poll, messageId);
}

async function close(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = serverOf(interaction);
  const chosen = interaction.options.getString('poll');
  // Without a poll named: the newest open one in this channel.
  const newest = chosen
    ? undefined
    : (await ctx.parties.store.list(guildId)).open.filter((p) => p.channelId === interaction.channelId).at(-1);
  const pollId = chosen ?? newest?.id;
  if (!pollId) throw new UserError('party.noOpenPoll');
  await closablePoll(interaction, ctx, pollId, newest);
  await interaction.deferReply();
  const outcome = await ctx.parties.close(guildId, pollId, interaction.user.id, {
    announce: async (poll) =>
      void (await interaction.editReply({ content: renderAnnouncement(counted(poll), ctx.catalog) })),
  });
  if (outcome.kind !== 'closed')
    await interaction.editReply({
      content: t(interaction.locale, outcome.kind === 'unknown' ? 'party.unknownPoll' : 'party.alreadyClosedNow'),
    });
}

async function results(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = serverOf(interaction);
  const pollId = interaction.options.getString('poll');
  const poll = pollId
    ? await ctx.parties.store.get(guildId, pollId)
    : (await ctx.parties.store.list(guildId)).closed[0];
  if (!poll) throw new UserError(pollId ? 'party.unknownPoll' : 'party.noResults');
  if (!poll.closed) {
    const link = pollLink(poll);
    throw new UserError('party.stillOpen', { when: instant(poll.closesAt, 'R'), link: link ?? '' });
  }
  const link = pollLink(poll);
  await interaction.reply({
    ...renderPoll(counted(poll), ctx.catalog),
    ...(link ? { content: t(poll.locale, 'party.pollLink', { link }) } : {}),
  });
}

/**
 * `/watchparty start | close | list | results`, and the poll message's buttons and menus: vote,
 * withdraw, close. The logic (planning, storing, tallying, closing) lives in src/watchparty/.
 */
export default {
  guildOnly: true,
  data: named(new SlashCommandBuilder(), 'watchparty')
    .addSubcommand((sub) => {
      named(sub, 'watchparty.start')
        .addStringOption((o) =>
          named(o, 'watchparty.start.title').setRequired(true).setAutocomplete(true).setMaxLength(100),
        )
        .addStringOption((o) => named(o, 'episodes').setMaxLength(100))
        .addStringOption((o) => named(o, 'question').setMaxLength(200))
        .addStringOption((o) => named(o, 'duration').setMaxLength(40))
        .addStringOption((o) => named(o, 'starts_at').setMaxLength(60))
        .addBooleanOption((o) => named(o, 'create_event'));
      for (let n = 2; n <= MAX_TITLES; n++)
        sub.addStringOption((o) => numberedTitle(o, n).setAutocomplete(true).setMaxLength(100));
      return sub;
    })
    .addSubcommand((sub) =>
      named(sub, 'watchparty.close').addStringOption((o) =>
        named(o, 'watchparty.close.poll').setAutocomplete(true).setMaxLength(40),
      ),
    )
    .addSubcommand((sub) => named(sub, 'watchparty.list'))
    .addSubcommand((sub) =>
      named(sub, 'watchparty.results').addStringOption((o) =>
        named(o, 'watchparty.results.poll').setAutocomplete(true).setMaxLength(40),
      ),
    ),

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'start') return start(interaction, ctx);
    if (sub === 'close') return close(interaction, ctx);
    if (sub === 'results') return results(interaction, ctx);
    const { open, closed } = await ctx.parties.store.list(serverOf(interaction));
    await interaction.reply({
      ...renderPollList(open.map(counted), closed.map(counted), ctx.catalog, interaction.locale),
      flags: MessageFlags.Ephemeral,
    });
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'poll')
      return interaction.respond(dramaChoices(ctx.search, ctx.catalog, focused.value, interaction.locale));
    const { open, closed } = await ctx.parties.store.list(serverOf(interaction));
    const polls = interaction.options.getSubcommand() === 'close' ? [...open].reverse() : closed;
    const typed = focused.value.toLowerCase();
    const choices = polls
      .map((poll) => ({ name: pollChoiceName(counted(poll), ctx.catalog, interaction.locale), value: poll.id }))
      .filter((c) => !typed || c.name.toLowerCase().includes(typed) || c.value === typed)
      .slice(0, 25);
    await interaction.respond(choices);
  },

  actions: actions.watchparty,

  async component(interaction, ctx, action) {
    const guildId = serverOf(interaction);
    const { pollId } = action;
    if (action.name === 'close') {
      await closablePoll(interaction, ctx, pollId);
      await interaction.deferUpdate();
      const outcome = await ctx.parties.close(guildId, pollId, interaction.user.id, {
        editPoll: async (poll) => void (await interaction.editReply(renderPoll(counted(poll), ctx.catalog))),
        announce: async (poll) =>
          void (await interaction.followUp({ content: renderAnnouncement(counted(poll), ctx.catalog) })),
      });
      if (outcome.kind !== 'closed')
        await interaction.followUp({
          content: t(interaction.locale, 'party.alreadyClosedNow'),
          flags: MessageFlags.Ephemeral,
        });
      return;
    }
    let option: number | undefined;
    if (action.name === 'vote') option = action.option;
    else if (action.name === 'pick') option = interaction.isStringSelectMenu() ? Number(interaction.values[0]) : NaN;
    if (option !== undefined && !Number.isInteger(option)) throw new UserError('error.staleComponent');
    const vote = ctx.parties.vote(guildId, pollId, interaction.user.id, option, interaction.message.id);
    await replyPrivatelyWhenDone(
      interaction,
      vote.then((outcome) => voteAnswer(outcome, ctx.catalog, interaction.locale)),
    );
  },
} satisfies Command<Action<typeof actions.watchparty>>;
