// `npm start` (src/index.ts) and `npm run start:sharded` (src/sharded.ts): runs the compiled bot
// from dist/ in this same process, so signals reach the bot and no tsx loader sits in its memory.
// When a source is newer than dist/ (a fresh clone, an edit, a git pull), it compiles first, in a
// child process so the compiler's memory is not the bot's (about half a second).
//
//   node scripts/start.mjs src/index.ts [args...]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledPath, staleReason } from './build.mjs';

const source = process.argv[2];
const entry = source && compiledPath(source);
if (!entry || !source.endsWith('.ts')) {
  process.stderr.write('usage: node scripts/start.mjs src/<entry>.ts [args...]\n');
  process.exit(2);
}
if (staleReason()) {
  try {
    execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url)), '--if-stale'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch {
    process.stderr.write('dramabot: the build failed (see above): fix the source, then start again.\n');
    process.exit(1);
  }
}
if (!existsSync(entry)) {
  process.stderr.write(`dramabot: ${source} has no compiled file (${entry})\n`);
  process.exit(2);
}
// Stack traces name the TypeScript files and lines (the build writes source maps); threads inherit it.
process.setSourceMapsEnabled(true);
// The entry sees itself as the script node ran, as it would with `node dist/src/index.js`.
process.argv.splice(1, 2, entry);
await import(pathToFileURL(entry).href);
