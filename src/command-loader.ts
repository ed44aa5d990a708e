import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import type { Command } from './command.ts';

export class CommandLoadError extends Error {
  override name = 'CommandLoadError';
}

const HANDLERS = ['execute', 'autocomplete', 'component', 'modal'] as const;

/** Why a module's default export is not a Command, or nothing when it is one. */
function commandProblems(file: string, exported: unknown): string[] {
  const name = basename(file, extname(file));
  const command = exported as Partial<Record<string, unknown>> | undefined;
  if (!command || typeof command !== 'object')
    return [`${file}: has no default export (export default { ... } satisfies Command)`];
  const problems: string[] = [];
  const data = command.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (!data || typeof data.toJSON !== 'function') {
    problems.push(`${file}: data must be a SlashCommandBuilder (with toJSON)`);
  } else if (data.name !== name) {
    problems.push(`${file}: command name "${String(data.name)}" must match its file name "${name}"`);
  }
  for (const handler of HANDLERS) {
    if (
      handler === 'execute'
        ? typeof command[handler] !== 'function'
        : command[handler] !== undefined && typeof command[handler] !== 'function'
    ) {
      problems.push(`${file}: ${handler} must be a function`);
    }
  }
  if (data && typeof data.toJSON === 'function') {
    const json = (data.toJSON as () => { contexts?: unknown; integration_types?: unknown })();
    if (json.contexts != null || json.integration_types != null)
      problems.push(`${file}: set guildOnly: true instead of setContexts/setIntegrationTypes (the flag sets both)`);
  }
  if (command.adminOnly && data && typeof data.toJSON === 'function') {
    const json = (data.toJSON as () => { default_member_permissions?: string | null })();
    const required = BigInt(json.default_member_permissions ?? 0);
    if ((required & PermissionFlagsBits.ManageGuild) === 0n) {
      problems.push(
        `${file}: adminOnly commands must call setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)`,
      );
    }
  }
  return problems;
}

/** Imports every command file in the folder; any malformed one stops the bot with all problems listed. */
export async function loadCommands(dir: string): Promise<Map<string, Command>> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !/\.test\./.test(f))
    .sort();
  const commands = new Map<string, Command>();
  const problems: string[] = [];
  for (const file of files) {
    let exported: unknown;
    try {
      exported = ((await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown }).default;
    } catch (error) {
      problems.push(`${file}: failed to import: ${(error as Error).message}`);
      continue;
    }
    const found = commandProblems(file, exported);
    if (found.length) {
      problems.push(...found);
      continue;
    }
    const command = exported as Command;
    if (commands.has(command.data.name)) problems.push(`${file}: duplicate command name "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  if (problems.length) throw new CommandLoadError(`Malformed command files in ${dir}:\n  ${problems.join('\n  ')}`);
  if (commands.size === 0) throw new CommandLoadError(`No command files found in ${dir}`);
  return commands;
}
