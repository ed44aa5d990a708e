import {
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import * as actions from '../src/cards/actions.ts';
import { titleOrZoneChoices } from '../src/cards/autocomplete.ts';
import { renderAdded, renderCompleted, renderProgressed, renderWatchlist } from '../src/cards/watchlist-cards.ts';
import { type Command, unhandled } from '../src/command.ts';
import type { Action } from '../src/discord/custom-id.ts';
import type { BotContext } from '../src/context.ts';
import { UserError } from '../src/errors.ts';
import { choice, named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { dramaById, findDrama } from '../src/lookup/find.ts';
import { resolveTimeZone, DEFAULT_TIME_ZONE } from '../src/time/zones.ts';
import {
  addToWatchlist,
  markCompleted,
  recordProgress,
  removeFromWatchlist,
  watchlistLines,
} from '../src/watchlist/service.ts';
import { isWatchStatus, remindedDramaIds, WATCH_STATUSES, type WatchStatus } from '../src/watchlist/watchlist.ts';
import { nextPlan } from '../src/alerts/airing.ts';
import { plain } from '../src/text.ts';
import { dramaTitle } from '../src/catalog/names.ts';

const MAX_EPISODE = 500;
const DEFAULT_REMINDER_HOUR = 20;

const statusChoices = () => WATCH_STATUSES.map((status) => choice(status, `status.${status}`));
const titleOption = (o: import('discord.js').SlashCommandStringOption) =>
  named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100);

function statusOf(value: string | null): WatchStatus | undefined {
  if (value === null) return undefined;
  if (!isWatchStatus(value)) throw new UserError('error.staleComponent');
  return value;
}

const now = (ctx: BotContext) => ctx.clock();

/** Writes answer privately, and only once the store has the change. */
async function privately(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  work: () => Promise<{ content: string; components?: unknown[] }>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { content, components = [] } = await work();
  await interaction.editReply({ content, components: components as [] });
}

async function show(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { options, locale, user } = interaction;
  const member = options.getUser('member') ?? user;
  const status = statusOf(options.getString('status'));
  const own = member.id === user.id;
  if (!own && !(await ctx.watchlists.isPublic(member.id)))
    throw new UserError('watchlist.private', { member: `<@${member.id}>` });
  // Your own list stays private unless you post it; a member's public list is posted as asked too.
  const post = options.getBoolean('public') === true;
  const lines = watchlistLines(await ctx.watchlists.list(member.id), (id) => ctx.catalog.drama(id), now(ctx), status);
  const card = renderWatchlist(
    lines,
    {
      member: member.displayName,
      ...(status ? { status } : {}),
      page: 0,
      pageId: (page) => actions.watchlist.page(member.id, status ?? '', page),
    },
    locale,
  );
  await interaction.reply({ ...card, ...(post ? {} : { flags: MessageFlags.Ephemeral }) });
}

async function remind(interaction: ChatInputCommandInteraction, ctx: BotContext, on: boolean): Promise<void> {
  const { options, locale, user } = interaction;
  if (!on) {
    await privately(interaction, async () => {
      await ctx.watchlists.setReminder(user.id, undefined);
      return { content: t(locale, 'watchlist.remindOff') };
    });
    return;
  }
  const typedZone = options.getString('timezone');
  const timeZone = typedZone ? resolveTimeZone(typedZone) : DEFAULT_TIME_ZONE;
  if (!timeZone) throw new UserError('alerts.badZone', { zone: { typed: typedZone! } });
  const time = { hour: options.getInteger('hour') ?? DEFAULT_REMINDER_HOUR, timeZone };
  await privately(interaction, async () => {
    await ctx.watchlists.setReminder(user.id, time);
    const dramaIds = remindedDramaIds(await ctx.watchlists.list(user.id));
    const next = nextPlan(time, dramaIds, (id) => ctx.catalog.drama(id), now(ctx));
    const vars = { time: `${String(time.hour).padStart(2, '0')}:00`, zone: timeZone };
    return {
      content: next
        ? t(locale, 'watchlist.remindOn', { ...vars, next: `<t:${Math.floor(next.dueAt / 1000)}:F>` })
        : t(locale, 'watchlist.remindOnNone', vars),
    };
  });
}

/** `/watchlist`: a member's own list, the same in every server and in DMs (the app can be installed to a user). */
export default {
  data: named(new SlashCommandBuilder(), 'watchlist')
    .addSubcommand((sub) =>
      named(sub, 'watchlist.add')
        .addStringOption(titleOption)
        .addStringOption((o) => named(o, 'status').addChoices(...statusChoices()))
        .addIntegerOption((o) => named(o, 'episode').setMinValue(0).setMaxValue(MAX_EPISODE)),
    )
    .addSubcommand((sub) =>
      named(sub, 'watchlist.progress')
        .addStringOption(titleOption)
        .addIntegerOption((o) => named(o, 'episode').setRequired(true).setMinValue(0).setMaxValue(MAX_EPISODE)),
    )
    .addSubcommand((sub) =>
      named(sub, 'watchlist.show')
        .addUserOption((o) => named(o, 'watchlist.show.member'))
        .addStringOption((o) => named(o, 'status').addChoices(...statusChoices()))
        .addBooleanOption((o) => named(o, 'public')),
    )
    .addSubcommand((sub) => named(sub, 'watchlist.remove').addStringOption(titleOption))
    .addSubcommand((sub) =>
      named(sub, 'watchlist.privacy').addStringOption((o) =>
        named(o, 'visibility')
          .setRequired(true)
          .addChoices(choice('public', 'watchlist.visibilityPublic'), choice('private', 'watchlist.visibilityPrivate')),
      ),
    )
    .addSubcommandGroup((group) =>
      named(group, 'watchlist.remind')
        .addSubcommand((sub) =>
          named(sub, 'watchlist.remind.on')
            .addIntegerOption((o) => named(o, 'hour').setMinValue(0).setMaxValue(23))
            .addStringOption((o) => named(o, 'timezone').setAutocomplete(true).setMaxLength(64)),
        )
        .addSubcommand((sub) => named(sub, 'watchlist.remind.off')),
    ),

  async execute(interaction, ctx) {
    const { options, locale, user } = interaction;
    const group = options.getSubcommandGroup(false);
    const sub = options.getSubcommand(true);
    if (group === 'remind') return remind(interaction, ctx, sub === 'on');
    switch (sub) {
      case 'add': {
        const drama = findDrama(ctx, options.getString('title', true), 'watchlist', 'exact');
        const status = statusOf(options.getString('status'));
        const episode = options.getInteger('episode') ?? undefined;
        return privately(interaction, async () => {
          const { entry, isNew } = await addToWatchlist(
            ctx.watchlists,
            user.id,
            drama,
            { ...(status ? { status } : {}), ...(episode !== undefined ? { episode } : {}) },
            now(ctx),
          );
          return { content: renderAdded(entry, drama, isNew, locale) };
        });
      }
      case 'progress': {
        const drama = findDrama(ctx, options.getString('title', true), 'watchlist', 'exact');
        const episode = options.getInteger('episode', true);
        return privately(interaction, async () => {
          const { entry, finished } = await recordProgress(ctx.watchlists, user.id, drama, episode, now(ctx));
          return renderProgressed(entry, drama, finished, locale);
        });
      }
      case 'remove': {
        const drama = findDrama(ctx, options.getString('title', true));
        return privately(interaction, async () => {
          await removeFromWatchlist(ctx.watchlists, user.id, drama);
          return { content: t(locale, 'watchlist.removed', { drama: plain(dramaTitle(drama, locale)) }) };
        });
      }
      case 'privacy': {
        const visible = options.getString('visibility', true) === 'public';
        return privately(interaction, async () => {
          await ctx.watchlists.setPublic(user.id, visible);
          return { content: t(locale, visible ? 'watchlist.privacyPublic' : 'watchlist.privacyPrivate') };
        });
      }
      default:
        return show(interaction, ctx);
    }
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(titleOrZoneChoices(ctx, interaction.options.getFocused(true), interaction.locale));
  },

  actions: actions.watchlist,

  async component(interaction, ctx, action) {
    const { locale, user } = interaction;
    switch (action.name) {
      case 'add': {
        // The button on a digest or a "did you mean" answer: adds to the presser's own list.
        const drama = dramaById(ctx.catalog, action.dramaId);
        return privately(interaction, async () => {
          const { entry, isNew } = await addToWatchlist(ctx.watchlists, user.id, drama, {}, now(ctx));
          return { content: renderAdded(entry, drama, isNew, locale) };
        });
      }
      case 'complete': {
        const drama = dramaById(ctx.catalog, action.dramaId);
        await markCompleted(ctx.watchlists, user.id, drama, now(ctx));
        await interaction.update(renderCompleted(drama, interaction.inGuild(), locale));
        return;
      }
      case 'page': {
        const { userId: ownerId, status: statusText, page } = action;
        if (ownerId !== user.id && !(await ctx.watchlists.isPublic(ownerId)))
          throw new UserError('watchlist.private', { member: `<@${ownerId}>` });
        const status = statusText ? statusOf(statusText) : undefined;
        const owner = ownerId === user.id ? user : await interaction.client.users.fetch(ownerId).catch(() => undefined);
        const lines = watchlistLines(
          await ctx.watchlists.list(ownerId),
          (id) => ctx.catalog.drama(id),
          now(ctx),
          status,
        );
        await interaction.update(
          renderWatchlist(
            lines,
            {
              member: owner?.displayName ?? ownerId,
              ...(status ? { status } : {}),
              page,
              pageId: (p) => actions.watchlist.page(ownerId, statusText, p),
            },
            locale,
          ),
        );
        return;
      }
      default:
        return unhandled(action);
    }
  },
} satisfies Command<Action<typeof actions.watchlist>>;
