import { MessageFlags, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import type { Card } from '../cards/message.ts';

/**
 * Where an answer goes. A card (drama, person, song) is public: it is what people share. A list
 * opened from a public message (Cast on a card) is ephemeral, so ten curious members do not post
 * ten cast lists; opened from an ephemeral message (a "did you mean" answer) it is the answer to a
 * command, so it is public. Turning a page edits the message in place.
 */
export type Opened = 'card' | 'list';

export async function reply(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  card: Card,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  await interaction.reply({ ...card, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

export async function open(interaction: MessageComponentInteraction, card: Card, opened: Opened): Promise<void> {
  const fromEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  await reply(interaction, card, { ephemeral: opened === 'list' && !fromEphemeral });
}

export async function turnPage(interaction: MessageComponentInteraction, card: Card): Promise<void> {
  await interaction.update(card);
}

/** Past this, an answer that waits on the store is deferred, so Discord's 3 seconds always hold. */
const DEFER_AFTER_MS = 2_000;

/**
 * Answers privately with what `work` resolves to, once it has resolved (a vote is acknowledged
 * only once stored). Usually one reply; if the store is slow, the reply is deferred first and
 * then filled in. A failure of `work` reaches the router either way.
 */
export async function replyPrivatelyWhenDone(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  work: Promise<string>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), DEFER_AFTER_MS)));
  try {
    const first = await Promise.race([work, slow]);
    if (first !== 'slow') {
      await interaction.reply({ content: first, flags: MessageFlags.Ephemeral });
      return;
    }
  } finally {
    clearTimeout(timer);
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply({ content: await work });
}
