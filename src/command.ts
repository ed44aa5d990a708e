import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.ts';
import type { CustomId } from './discord/custom-id.ts';

/**
 * One slash command: its builder and its handlers. Each file in commands/ default-exports one,
 * typed with `satisfies Command`. Handlers stay thin; the logic lives in src/.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * Needs Manage Server. The builder must also set default_member_permissions (the loader checks),
   * and the router checks the member's permissions again at run time.
   */
  adminOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<unknown>;
  /** Buttons and select menus whose custom_id starts with this command's name. */
  component?(interaction: MessageComponentInteraction, ctx: BotContext, id: CustomId): Promise<unknown>;
  /** Modal submissions whose custom_id starts with this command's name. */
  modal?(interaction: ModalSubmitInteraction, ctx: BotContext, id: CustomId): Promise<unknown>;
}
