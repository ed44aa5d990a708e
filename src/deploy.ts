import { loadCommands } from './command-loader.ts';
import { loadEnvironment, parseConfig } from './config.ts';
import { deployCommands, type DeployMode } from './deploy-commands.ts';
import { redact } from './logger.ts';
import { COMMANDS_DIR } from './paths.ts';

/** `npm run deploy [-- --dry-run | --clear]`: registers the slash commands with Discord. */
async function run(args: string[]): Promise<void> {
  loadEnvironment();
  const unknown = args.filter((a) => a !== '--dry-run' && a !== '--clear');
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (use --dry-run or --clear)`);
  const mode: DeployMode = args.includes('--clear') ? 'clear' : args.includes('--dry-run') ? 'dry-run' : 'deploy';
  const config = parseConfig(process.env);
  const result = await deployCommands(config, await loadCommands(COMMANDS_DIR), mode);
  const count = `${result.names.length} command${result.names.length === 1 ? '' : 's'}`;
  if (mode === 'dry-run') {
    // stdout is the JSON alone (pipe it to jq or a file); the summary goes beside it, on stderr.
    process.stdout.write(`${JSON.stringify(result.body, null, 2)}\n`);
    process.stderr.write(
      `Dry run: would register ${count} to ${result.target}: ${result.names.map((n) => `/${n}`).join(', ')}\n`,
    );
  } else if (mode === 'clear') {
    process.stdout.write(`Removed every command from ${result.target}.\n`);
  } else {
    process.stdout.write(`Registered ${count} to ${result.target}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
  }
}

run(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`dramabot deploy: ${redact(error.message, [process.env.DISCORD_TOKEN])}\n`);
  process.exit(1);
});
