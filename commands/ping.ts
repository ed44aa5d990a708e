import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/command.ts';
import { named } from '../src/i18n/command-text.ts';
import { t } from '../src/i18n/index.ts';

/** Health check: gateway heartbeat and the round trip of this very reply. */
export default {
  data: named(new SlashCommandBuilder(), 'ping'),
  async execute(interaction) {
    const sent = Date.now();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const heartbeat = interaction.client.ws.ping;
    await interaction.editReply(
      t(interaction.locale, 'ping.reply', {
        gateway: heartbeat >= 0 ? `${heartbeat} ms` : t(interaction.locale, 'ping.unknown'),
        roundTrip: Date.now() - sent,
      }),
    );
  },
} satisfies Command;
