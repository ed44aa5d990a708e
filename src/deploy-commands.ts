import { REST } from '@discordjs/rest';
import { Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { registration, type Command } from './command.ts';
import { ConfigError, requireToken, type Config } from './config.ts';

export type DeployMode = 'deploy' | 'dry-run' | 'clear';

export interface DeployResult {
  target: string;
  names: string[];
  /** The JSON that was (or, for a dry run, would be) sent. */
  body: unknown[];
}

function commandBodies(commands: ReadonlyMap<string, Command>): unknown[] {
  return [...commands.values()].map(registration);
}

/**
 * Registers every command with one bulk overwrite (PUT), so running it twice changes nothing and
 * a command removed from commands/ disappears from Discord too.
 */
export async function deployCommands(
  config: Config,
  commands: ReadonlyMap<string, Command>,
  mode: DeployMode,
): Promise<DeployResult> {
  const body = mode === 'clear' ? [] : commandBodies(commands);
  const target = config.guildId ? `server ${config.guildId}` : 'all servers (global; may take up to an hour to show)';
  if (mode === 'dry-run') return { target, names: namesOf(body), body };

  const rest = new REST({ api: config.apiUrl }).setToken(requireToken(config));
  const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  if (!applicationId) throw new ConfigError('DISCORD_CLIENT_ID is not set and could not be read from the token.');
  const route = config.guildId
    ? Routes.applicationGuildCommands(applicationId, config.guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { target, names: registered.map((c) => c.name), body };
}

function namesOf(body: unknown[]): string[] {
  return body.map((c) => (c as { name: string }).name);
}
