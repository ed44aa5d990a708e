import type { BaseInteraction } from 'discord.js';

/**
 * Where an interaction comes from. A server that added the bot ("Add to server") is one; a DM, a
 * group DM, or a server where only the member installed the bot ("Add to my apps") is not: there
 * the bot is no member, `interaction.guild` and `interaction.channel` are null, and nothing may be
 * stored for the server. Discord says which installation authorized the interaction.
 */
export function installedServer(interaction: BaseInteraction): string | undefined {
  const owner = interaction.authorizingIntegrationOwners.guildId;
  return interaction.guildId && owner === interaction.guildId ? interaction.guildId : undefined;
}

/** What a card needs to know about where it is shown: the server (for its ratings) and the reader's language. */
export interface Where {
  /** The server that added the bot, or null (DM, or a server where only the member installed it). */
  guildId: string | null;
  locale: string;
}

export function whereOf(interaction: BaseInteraction): Where {
  return { guildId: installedServer(interaction) ?? null, locale: interaction.locale };
}

/**
 * The server of a `guildOnly` command's interaction. The router refuses those interactions
 * anywhere else, so reaching here without one is a bug, not a user's mistake.
 */
export function serverOf(interaction: BaseInteraction): string {
  const id = installedServer(interaction);
  if (!id) throw new Error('a guildOnly command ran outside a server that added the bot');
  return id;
}
