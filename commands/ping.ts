import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/command.ts';
import { t } from '../src/i18n/index.ts';

/** Health check: gateway heartbeat and the round trip of this very reply. */
export default {
  data: new SlashCommandBuilder()
    .setName('ping')
    .setNameLocalizations({ ko: '핑' })
    .setDescription('Check that the bot is alive and how fast it answers')
    .setDescriptionLocalizations({ ko: '봇이 살아 있는지, 얼마나 빨리 답하는지 확인해요' }),
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
