import { fileURLToPath } from 'node:url';

/**
 * True when this code runs as the compiled build (dist/, what `npm start` runs: scripts/start.mjs)
 * rather than as TypeScript through tsx or vitest.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/** Folders of the project itself, wherever the process was started from (the build sits one folder deeper, in dist/). */
export const PROJECT_ROOT = fileURLToPath(new URL(COMPILED ? '../..' : '..', import.meta.url));
/** The command files next to this code: commands/*.ts, or their compiled dist/commands/*.js. */
export const COMMANDS_DIR = fileURLToPath(new URL('../commands', import.meta.url));

/**
 * A module next to the caller named by its source file (`./shard.ts`), as the file that runs:
 * the same in TypeScript, the compiled `.js` in the build (the build rewrites imports, not URLs).
 */
export function moduleUrl(source: string, callerUrl: string): URL {
  return new URL(COMPILED ? source.replace(/\.ts$/, '.js') : source, callerUrl);
}
