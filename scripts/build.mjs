// The compiled build that `npm start` and `npm run start:sharded` run (scripts/start.mjs): every
// .ts file under src/ and commands/ becomes a .js file at the same place under dist/, and the
// other files the code reads at run time (the Discord spec subset of the local server...) are
// copied next to them. esbuild is the transpiler tsx runs on the fly, so the build runs the same
// JavaScript without tsx's loader in the process (~39 MB per process, a transpile at every start).
//
//   node scripts/build.mjs              build now (npm run build)
//   node scripts/build.mjs --if-stale   build only when a source is newer than dist/
//
// Plain JavaScript on purpose: it must run before anything is compiled, without tsx.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The folders compiled, each to dist/<folder>. */
const SOURCE_DIRS = ['src', 'commands'];
/** Files outside those folders that change what the build writes. */
const BUILD_INPUTS = ['scripts/build.mjs', 'tsconfig.json', 'package-lock.json'];
/** Written last into dist/: when the build started, to compare with the sources' times. */
const STAMP = '.built.json';
/** Code files are compiled (.ts) or are tsx-only launchers (.mjs); every other file is an asset to copy. */
const isCode = (file) => /\.(ts|mts|mjs|js)$/.test(file);

/** The compiled file of a source path relative to the project (`src/index.ts` → dist/src/index.js). */
export function compiledPath(source) {
  return join(DIST, source.replace(/\.ts$/, '.js'));
}

/** Every file and folder under the source folders, relative to the project. */
function sourceEntries() {
  return SOURCE_DIRS.flatMap((dir) => [
    { path: dir, folder: true },
    ...readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }).map((entry) => ({
      path: relative(ROOT, join(entry.parentPath ?? entry.path, entry.name)),
      folder: entry.isDirectory(),
    })),
  ]);
}

/**
 * Why dist/ must be built again, or undefined when it is current. A folder's time changes when a
 * file is added, removed or renamed in it, so a deleted command cannot linger in dist/commands.
 */
export function staleReason() {
  let built;
  try {
    built = JSON.parse(readFileSync(join(DIST, STAMP), 'utf8')).startedAt;
  } catch {
    return 'dist/ has not been built yet';
  }
  const inputs = [...sourceEntries().map((entry) => entry.path), ...BUILD_INPUTS];
  const changed = inputs.find((path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).mtimeMs > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** The esbuild plugin that keeps every import as it is, but names the compiled file of a relative .ts import. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'entry-point'
        ? undefined
        : { path: args.path.startsWith('.') ? args.path.replace(/\.ts$/, '.js') : args.path, external: true },
    );
  },
};

/**
 * Compiles into a fresh folder, then swaps it in with renames, so a bot starting meanwhile never
 * reads half a build, and a deleted source leaves no compiled file behind.
 */
export async function buildDist() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const entries = sourceEntries().filter((entry) => !entry.folder);
  const temp = join(ROOT, `.dist-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: entries
      .filter((entry) => /\.ts$/.test(entry.path) && !entry.path.endsWith('.d.ts'))
      .map((e) => e.path),
    absWorkingDir: ROOT,
    outdir: temp,
    outbase: '.',
    // "Bundling" with every import external compiles each file alone, as tsx does, and lets the plugin rewrite paths.
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    charset: 'utf8',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const asset of entries.filter((entry) => !isCode(entry.path))) {
    mkdirSync(dirname(join(temp, asset.path)), { recursive: true });
    cpSync(join(ROOT, asset.path), join(temp, asset.path));
  }
  writeFileSync(join(temp, STAMP), `${JSON.stringify({ startedAt })}\n`);
  const previous = join(ROOT, `.dist-old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, previous);
  try {
    renameSync(temp, DIST);
  } catch (error) {
    // Another build finished first (two starts at once): its dist/ is as current as ours.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
  rmSync(temp, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  return { files: entries.length, ms: Date.now() - startedAt };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = process.argv.includes('--if-stale') ? staleReason() : 'npm run build';
  if (reason) {
    const { files, ms } = await buildDist();
    process.stderr.write(`dramabot: compiled src/ and commands/ into dist/ (${files} files, ${ms} ms: ${reason})\n`);
  }
}
