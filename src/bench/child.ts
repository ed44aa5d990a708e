import { execFileSync } from 'node:child_process';
import { compiledArgs } from './compiled.ts';

/**
 * Runs one benchmark script of this folder, compiled as production runs (compiled.ts), in a Node
 * process of its own (its memory figures are its own) and returns the JSON of the last line it
 * prints. Its progress goes to our stderr.
 */
export function measureInChild<T>(script: string, args: string[]): T {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12288', ...compiledArgs(new URL(script, import.meta.url)), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}
