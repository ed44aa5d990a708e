import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED, PROJECT_ROOT } from '../paths.ts';

/** Whether dist/ was checked (and rebuilt if stale) by this process: once is enough. */
let checked = false;

/**
 * The Node arguments that run one of the project's scripts as production runs it: its compiled
 * build in dist/ with source maps on, as `npm start` runs the bot (scripts/start.mjs), so figures
 * are production's (tsx's loader alone is ~39 MB of every process, and transpiles at each start).
 * From TypeScript, the first call compiles dist/ when a source is newer; compiled code is dist/.
 */
export function compiledArgs(source: URL): string[] {
  const file = fileURLToPath(source).replace(/\.ts$/, '.js');
  if (COMPILED) return ['--enable-source-maps', file];
  if (!checked) {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    checked = true;
  }
  return ['--enable-source-maps', join(PROJECT_ROOT, 'dist', relative(PROJECT_ROOT, file))];
}
