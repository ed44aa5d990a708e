import {
  ApplicationIntegrationType,
  InteractionContextType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.ts';
import type { ActionDecoder } from './discord/custom-id.ts';

/**
 * One slash command: its builder and its handlers. Each file in commands/ default-exports one,
 * typed with `satisfies Command`. Handlers stay thin; the logic lives in src/.
 */
export interface Command<
  Action extends { name: string } = { name: string },
  FormAction extends { name: string } = Action,
> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * Needs Manage Server. The builder must also set default_member_permissions (the loader checks),
   * and the router checks the member's permissions again at run time.
   */
  adminOnly?: boolean;
  /**
   * Works only in a server that added the bot (ratings, watch parties: they belong to a server).
   * Registered for server installs in server channels only, and the router refuses it (and its
   * buttons and forms) anywhere else, once, for every command. Without it a command is for
   * everyone everywhere: both installs ("Add to server", "Add to my apps"), in servers, in DMs with
   * the bot and in group DMs. adminOnly implies it.
   */
  guildOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<unknown>;
  /**
   * Reads this command's custom_ids (src/cards/actions.ts) into typed actions. The router answers a
   * custom_id it cannot read (an outdated button) itself; the handlers get only actions they know.
   */
  actions?: ActionDecoder<Action>;
  /** Reads this command's modal custom_ids, when they are a set of their own; `actions` otherwise. */
  forms?: ActionDecoder<FormAction>;
  /** Buttons and select menus whose custom_id starts with this command's name. */
  component?(interaction: MessageComponentInteraction, ctx: BotContext, action: Action): Promise<unknown>;
  /** Modal submissions whose custom_id starts with this command's name. */
  modal?(interaction: ModalSubmitInteraction, ctx: BotContext, action: FormAction): Promise<unknown>;
}

/**
 * Ends a component handler's switch over its actions: TypeScript rejects the call while an
 * action is left without a case, so a button cannot exist that its command does not handle.
 */
export function unhandled(action: never): never {
  throw new Error(`no handler for action ${JSON.stringify(action)}`);
}

export function isGuildOnly(command: Pick<Command, 'guildOnly' | 'adminOnly'>): boolean {
  return Boolean(command.guildOnly || command.adminOnly);
}

/** Where Discord offers the command: the install types and contexts its registration carries. */
export function installation(command: Pick<Command, 'guildOnly' | 'adminOnly'>): {
  integration_types: ApplicationIntegrationType[];
  contexts: InteractionContextType[];
} {
  return isGuildOnly(command)
    ? { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] }
    : {
        integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
        contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
      };
}

/** The body `npm run deploy` sends for a command: its builder's JSON, with where it works. */
export function registration(command: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return { ...command.data.toJSON(), ...installation(command) };
}
