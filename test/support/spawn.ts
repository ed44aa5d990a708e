import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from './harness.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * `node --import tsx`, as `npm start` runs: one process. (The tsx command is a second process that
 * relays signals and kills a child that is too busy to acknowledge SIGTERM within 30 ms, which is
 * exactly when a graceful stop matters.)
 */
const TSX_LOADER = import.meta.resolve('tsx');

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/**
 * Runs one of the project's scripts the way npm does (tsx src/...), from an empty folder (or the
 * one given) so a developer's own .env cannot leak in, with only the environment given here.
 */
export function runScript(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
  cwd = tempDir('dramabot-cwd-'),
): Spawned {
  return spawnNode(['--import', TSX_LOADER, `${ROOT}${script}`, ...args], env, cwd);
}

/**
 * Runs an entry as `npm start` does now: scripts/start.mjs compiles the project into dist/ when a
 * source is newer, then runs the compiled entry (`src/index.ts` → dist/src/index.js) in its process.
 */
export function runCompiled(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
  cwd = tempDir('dramabot-cwd-'),
): Spawned {
  return spawnNode([`${ROOT}scripts/start.mjs`, script, ...args], env, cwd);
}

function spawnNode(nodeArgs: string[], env: Record<string, string>, cwd: string): Spawned {
  const child = spawn(process.execPath, nodeArgs, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}
