import {
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { nextAiring, nextPlan, koreanDate } from '../src/alerts/airing.ts';
import { titleOrZoneChoices } from '../src/cards/autocomplete.ts';
import { discordDate } from '../src/cards/message.ts';
import { episodeRange, renderAlertsOverview } from '../src/cards/watchlist-cards.ts';
import type { Command } from '../src/command.ts';
import { serverOf } from '../src/discord/where.ts';
import type { BotContext } from '../src/context.ts';
import { UserError } from '../src/errors.ts';
import { named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';
import { findDrama } from '../src/lookup/find.ts';
import { plain } from '../src/text.ts';
import { dramaTitle } from '../src/catalog/names.ts';
import { resolveTimeZone } from '../src/time/zones.ts';
import { MAX_FOLLOWS } from '../src/alerts/alert-store.ts';

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

async function privately(interaction: ChatInputCommandInteraction, work: () => Promise<string>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply({ content: await work() });
}

async function list(interaction: ChatInputCommandInteraction, ctx: BotContext, guildId: string): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const settings = await ctx.alerts.settings(guildId);
  const lookup = (id: string) => ctx.catalog.drama(id);
  const now = ctx.clock();
  const today = koreanDate(now);
  const next = nextPlan(settings, settings.follows, lookup, now, settings.last?.date);
  const follows = settings.follows.flatMap((id) => {
    const drama = lookup(id);
    if (!drama) return [];
    const airing = nextAiring(drama, today);
    return [{ drama, ...(airing ? { next: airing } : {}) }];
  });
  await interaction.editReply(
    renderAlertsOverview(
      {
        hour: settings.hour,
        timeZone: settings.timeZone,
        follows,
        ...(settings.channelId ? { channelId: settings.channelId } : {}),
        ...(settings.roleId ? { roleId: settings.roleId } : {}),
        ...(settings.last ? { last: settings.last } : {}),
        ...(next ? { next } : {}),
      },
      interaction.locale,
    ),
  );
}

/**
 * `/alerts`: the server's new-episode digest (Manage Server). One message a day in the chosen
 * channel at the chosen hour of the server's zone, listing the followed dramas that air that day.
 */
export default {
  adminOnly: true,
  data: named(new SlashCommandBuilder(), 'alerts')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      named(sub, 'alerts.channel').addChannelOption((o) =>
        named(o, 'alerts.channel.channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
    )
    .addSubcommand((sub) =>
      named(sub, 'alerts.time')
        .addIntegerOption((o) => named(o, 'hour').setRequired(true).setMinValue(0).setMaxValue(23))
        .addStringOption((o) => named(o, 'timezone').setAutocomplete(true).setMaxLength(64)),
    )
    .addSubcommand((sub) =>
      named(sub, 'alerts.follow').addStringOption((o) =>
        named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100),
      ),
    )
    .addSubcommand((sub) =>
      named(sub, 'alerts.unfollow').addStringOption((o) =>
        named(o, 'title').setRequired(true).setAutocomplete(true).setMaxLength(100),
      ),
    )
    .addSubcommand((sub) => named(sub, 'alerts.role').addRoleOption((o) => named(o, 'alerts.role.role')))
    .addSubcommand((sub) => named(sub, 'alerts.list')),

  async execute(interaction, ctx) {
    const { options, locale } = interaction;
    const guildId = serverOf(interaction);
    const sub = options.getSubcommand(true);
    switch (sub) {
      case 'channel': {
        const channel = options.getChannel('channel', true);
        return privately(interaction, async () => {
          await ctx.alerts.setChannel(guildId, channel.id, interaction.guildLocale ?? undefined);
          const s = await ctx.alerts.settings(guildId);
          return t(locale, 'alerts.channelSet', { channel: `<#${channel.id}>`, time: hhmm(s.hour), zone: s.timeZone });
        });
      }
      case 'time': {
        const typed = options.getString('timezone');
        const hour = options.getInteger('hour', true);
        return privately(interaction, async () => {
          const current = await ctx.alerts.settings(guildId);
          const timeZone = typed ? resolveTimeZone(typed) : current.timeZone;
          if (!timeZone) throw new UserError('alerts.badZone', { zone: { typed: typed! } });
          await ctx.alerts.setTime(guildId, { hour, timeZone });
          return t(locale, 'alerts.timeSet', { time: hhmm(hour), zone: timeZone });
        });
      }
      case 'follow': {
        const drama = findDrama(ctx, options.getString('title', true));
        return privately(interaction, async () => {
          if ((await ctx.alerts.follow(guildId, drama.id, ctx.clock())) === 'full')
            throw new UserError('alerts.tooMany', { max: MAX_FOLLOWS });
          const settings = await ctx.alerts.settings(guildId);
          const name = plain(dramaTitle(drama, locale));
          if (!settings.channelId) return t(locale, 'alerts.followedNoChannel', { drama: name });
          const airing = nextAiring(drama, koreanDate(ctx.clock()));
          return t(locale, 'alerts.followed', {
            drama: name,
            next: airing
              ? t(locale, 'alerts.followedNext', {
                  episode: episodeRange(airing.episodes),
                  when: discordDate(airing.airDate, 'D'),
                })
              : t(locale, 'alerts.followedNone'),
          });
        });
      }
      case 'unfollow': {
        const drama = findDrama(ctx, options.getString('title', true));
        return privately(interaction, async () => {
          const name = plain(dramaTitle(drama, locale));
          if (!(await ctx.alerts.unfollow(guildId, drama.id)))
            throw new UserError('alerts.notFollowed', { drama: name });
          return t(locale, 'alerts.unfollowed', { drama: name });
        });
      }
      case 'role': {
        const role = options.getRole('role');
        return privately(interaction, async () => {
          await ctx.alerts.setRole(guildId, role?.id);
          return role ? t(locale, 'alerts.roleSet', { role: `<@&${role.id}>` }) : t(locale, 'alerts.roleCleared');
        });
      }
      default:
        return list(interaction, ctx, guildId);
    }
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(titleOrZoneChoices(ctx, interaction.options.getFocused(true), interaction.locale));
  },
} satisfies Command;
