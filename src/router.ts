import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { isGuildOnly, type Command } from './command.ts';
import { installedServer } from './discord/where.ts';
import type { BotContext } from './context.ts';
import { parseCustomId } from './discord/custom-id.ts';
import { StoreUnavailable, UserError, errorReference, type StoreFeature } from './errors.ts';
import { renderDidYouMean } from './cards/did-you-mean.ts';
import { t } from './i18n/index.ts';
import { NotFound } from './lookup/find.ts';
import type { StringKey } from './i18n/strings.ts';

/** What a user hears when the store is down, by feature and by whether they were saving. */
const UNAVAILABLE = {
  ratings: { write: 'rate.unavailable', read: 'rate.readUnavailable' },
  watchparty: { write: 'party.unavailable', read: 'party.readUnavailable' },
  watchlist: { write: 'watchlist.unavailable', read: 'watchlist.readUnavailable' },
  alerts: { write: 'alerts.unavailable', read: 'alerts.readUnavailable' },
} as const satisfies Record<StoreFeature, Record<'write' | 'read', StringKey>>;

type Outcome = 'ok' | 'user-error' | 'unavailable' | 'refused' | 'error' | 'unknown' | 'restarting';

export interface Router {
  handle(interaction: Interaction): Promise<Outcome>;
  /** Stops taking new interactions and waits (up to timeoutMs) for the ones in flight. */
  drain(timeoutMs: number): Promise<void>;
}

/** What the log line calls an interaction: "/drama info", "button drama:cast", "autocomplete /drama info". */
function describeInteraction(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand(false);
    const path = [`/${interaction.commandName}`, group, sub].filter(Boolean).join(' ');
    return interaction.isAutocomplete() ? `autocomplete ${path}` : path;
  }
  if (interaction.isButton()) return `button ${interaction.customId.split(':').slice(0, 2).join(':')}`;
  if (interaction.isAnySelectMenu()) return `select ${interaction.customId.split(':').slice(0, 2).join(':')}`;
  if (interaction.isModalSubmit()) return `modal ${interaction.customId.split(':').slice(0, 2).join(':')}`;
  return `interaction type ${interaction.type}`;
}

function ownerName(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit())
    return parseCustomId(interaction.customId).command;
  return undefined;
}

/** The one place errors are caught: users get a short ephemeral answer, the log gets the stack. */
export function createRouter(
  commands: ReadonlyMap<string, Command>,
  ctx: BotContext,
  /** Told of every interaction once handled (metrics). */
  observe?: (command: string, outcome: Outcome, seconds: number) => void,
): Router {
  let accepting = true;
  const inFlight = new Set<Promise<Outcome>>();

  async function say(interaction: RepliableInteraction, content: string, components: unknown[] = []): Promise<void> {
    const body = { content, embeds: [], components: components as [] };
    if (interaction.deferred && !interaction.replied) await interaction.editReply(body);
    else if (interaction.replied) await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  }

  async function answer(interaction: Interaction, key: StringKey, vars?: Record<string, string>): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await say(interaction, t(interaction.locale, key, vars));
    }
  }

  async function dispatch(interaction: Interaction): Promise<Outcome> {
    if (!accepting) {
      await answer(interaction, 'error.restarting');
      return 'restarting';
    }
    const name = ownerName(interaction);
    const command = name === undefined ? undefined : commands.get(name);
    if (!command) {
      await answer(
        interaction,
        interaction.isChatInputCommand() || interaction.isAutocomplete()
          ? 'error.unknownCommand'
          : 'error.staleComponent',
      );
      return 'unknown';
    }
    // Checked here once for every command, its buttons and its forms: DMs, and servers where only
    // the member installed the bot, get the same one line.
    if (isGuildOnly(command) && !installedServer(interaction)) {
      await answer(interaction, 'error.guildOnly');
      return 'refused';
    }
    if (command.adminOnly && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await answer(interaction, 'error.adminOnly');
      return 'refused';
    }
    if (interaction.isChatInputCommand()) await command.execute(interaction, ctx);
    else if (interaction.isAutocomplete()) await (command.autocomplete ?? emptyChoices)(interaction, ctx);
    else {
      // A button, menu or form: the command's own decoder reads it, or it is from an older version.
      const decoder = interaction.isModalSubmit() ? (command.forms ?? command.actions) : command.actions;
      const action =
        interaction.isMessageComponent() || interaction.isModalSubmit()
          ? decoder?.decode(parseCustomId(interaction.customId))
          : undefined;
      if (action && interaction.isMessageComponent() && command.component)
        await command.component(interaction, ctx, action);
      else if (action && interaction.isModalSubmit() && command.modal) await command.modal(interaction, ctx, action);
      else {
        await answer(interaction, 'error.staleComponent');
        return 'unknown';
      }
    }
    return 'ok';
  }

  async function handle(interaction: Interaction): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    let ref: string | undefined;
    try {
      outcome = await dispatch(interaction);
      if (outcome === 'ok' && interaction.isChatInputCommand()) void deliverNotice(interaction);
    } catch (error) {
      if (error instanceof StoreUnavailable) {
        // Logged once per outage by the store's owner, not once per request here.
        outcome = 'unavailable';
        await replyQuietly(interaction, () =>
          answer(interaction, UNAVAILABLE[error.feature][error.writing ? 'write' : 'read']),
        );
      } else if (error instanceof UserError) {
        outcome = 'user-error';
        await replyQuietly(interaction, async () => {
          if (!interaction.isRepliable()) return answer(interaction, 'error.internal');
          // The one place a user error is put into words, in the reader's language.
          const { content, components } =
            error instanceof NotFound
              ? renderDidYouMean(error, ctx.catalog, interaction.locale)
              : { content: error.text(interaction.locale), components: [] };
          await say(interaction, content, components);
        });
      } else {
        outcome = 'error';
        ref = errorReference();
        ctx.logger.error('interaction failed', {
          command: describeInteraction(interaction),
          ref,
          error: error as Error,
        });
        await replyQuietly(interaction, () => answer(interaction, 'error.internal', { ref: ref! }));
      }
    }
    const elapsed = performance.now() - started;
    ctx.logger.info('interaction', {
      command: describeInteraction(interaction),
      guild: interaction.guildId ?? 'dm',
      latency_ms: Math.round(elapsed),
      outcome,
      ref,
    });
    observe?.(describeInteraction(interaction), outcome, elapsed / 1000);
    return outcome;
  }

  /**
   * A notice waiting for the member (their DM reminders were turned off because Discord refused
   * the DM), shown once, privately, after their next command. It never fails the command.
   */
  async function deliverNotice(interaction: ChatInputCommandInteraction): Promise<void> {
    try {
      const notice = await ctx.watchlists.takeNotice(interaction.user.id);
      if (notice !== undefined && (interaction.replied || interaction.deferred))
        await interaction.followUp({
          content: t(interaction.locale, 'watchlist.dmRefused'),
          flags: MessageFlags.Ephemeral,
        });
    } catch (error) {
      ctx.logger.debug('could not deliver a notice', { reason: (error as Error).message });
    }
  }

  /** The error answer itself may fail (expired token, Discord down): log it, never throw. */
  async function replyQuietly(interaction: Interaction, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      ctx.logger.warn('could not tell the user about an error', {
        command: describeInteraction(interaction),
        reason: (error as Error).message,
      });
    }
  }

  return {
    handle(interaction) {
      const running = handle(interaction);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      return running;
    },
    async drain(timeoutMs) {
      accepting = false;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    },
  };
}

async function emptyChoices(interaction: AutocompleteInteraction): Promise<void> {
  await interaction.respond([]);
}
