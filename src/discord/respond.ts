import { MessageFlags, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import type { Card } from '../cards/message.ts';

/**
 * Where an answer goes. A card (drama, person, song) is public: it is what people share. A list
 * opened from a public message (Cast on a card) is ephemeral, so ten curious members do not post
 * ten cast lists; opened from an ephemeral message (a "did you mean" answer) it is the answer to a
 * command, so it is public. Turning a page edits the message in place.
 */
export type Opened = 'card' | 'list';

export async function reply(interaction: ChatInputCommandInteraction | MessageComponentInteraction, card: Card, options: { ephemeral?: boolean } = {}): Promise<void> {
  await interaction.reply({ ...card, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

export async function open(interaction: MessageComponentInteraction, card: Card, opened: Opened): Promise<void> {
  const fromEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  await reply(interaction, card, { ephemeral: opened === 'list' && !fromEphemeral });
}

export async function turnPage(interaction: MessageComponentInteraction, card: Card): Promise<void> {
  await interaction.update(card);
}
