/**
 * The layer rule, checked on every `npm run lint`: imports point one way.
 *
 *   commands/ → router, discord/, cards/, i18n/ → domain (search, catalog, ratings, watchparty, ...)
 *
 * Domain folders never import rendering (cards/, i18n/), Discord I/O (discord/), commands/ or the
 * bot's wiring; what they need from above (a messenger, a renderer) is passed in. src/ never
 * imports commands/ (the loader finds them by path), and nothing in src/ reads files under test/.
 * Prints each crossing as file:line and exits 1 when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Folders under src/ that are not domain: rendering, Discord I/O, tools. Every other folder is
 * domain (catalog, search, ratings, watchparty, sync...), so a new feature folder is checked too.
 */
const NOT_DOMAIN = ['bench', 'cards', 'dev', 'discord', 'i18n'];
/** What a domain folder must not import: rendering, Discord I/O, commands, the bot's wiring. */
const ABOVE_DOMAIN = [
  'src/cards/',
  'src/discord/',
  'src/i18n/',
  'commands/',
  'src/router.ts',
  'src/bot.ts',
  'src/context.ts',
  'src/command.ts',
];
/** Rendering (cards/, i18n/) sits below commands and the router. */
const ABOVE_RENDERING = ['commands/', 'src/router.ts', 'src/bot.ts'];

export interface Crossing {
  file: string;
  line: number;
  target: string;
  rule: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Static imports, re-exports and dynamic import() of relative paths, with their line numbers. */
function relativeImports(source: string): Array<{ spec: string; line: number; typeOnly: boolean }> {
  const found: Array<{ spec: string; line: number; typeOnly: boolean }> = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) {
    const statement = source.slice(source.lastIndexOf('\nimport', m.index) + 1, m.index);
    found.push({
      spec: m[1]!,
      line: source.slice(0, m.index).split('\n').length,
      typeOnly: /^import\s+type\s/.test(statement),
    });
  }
  return found;
}

/**
 * The one thing the domain may name from i18n/: a message key's type. A UserError names the
 * sentence and its values; the router puts it into words.
 */
const isMessageKeyType = (target: string, typeOnly: boolean) => typeOnly && target === 'src/i18n/strings.ts';

/** Every import that breaks the layer rule, and every src/ file that names a path under test/. */
export function layerCrossings(root = ROOT): Crossing[] {
  const crossings: Crossing[] = [];
  for (const path of tsFiles(join(root, 'src'))) {
    const file = relative(root, path).replaceAll('\\', '/');
    const parts = file.split('/');
    const folder = parts.length > 2 ? parts[1]! : undefined;
    const source = readFileSync(path, 'utf8');
    const forbidden =
      folder !== undefined && !NOT_DOMAIN.includes(folder)
        ? { list: ABOVE_DOMAIN, rule: `domain code (src/${folder}/) imports nothing above it` }
        : folder === 'cards' || folder === 'i18n'
          ? { list: ABOVE_RENDERING, rule: `rendering (src/${folder}/) imports no command, router or bot` }
          : { list: ['commands/'], rule: 'src/ never imports commands/ (the loader finds them by path)' };
    for (const { spec, line, typeOnly } of relativeImports(source)) {
      const target = relative(root, resolve(dirname(path), spec)).replaceAll('\\', '/');
      if (isMessageKeyType(target, typeOnly)) continue;
      if (forbidden.list.some((above) => (above.endsWith('/') ? target.startsWith(above) : target === above)))
        crossings.push({ file, line, target, rule: forbidden.rule });
    }
    for (const m of source.matchAll(/['"`](?:\.\.\/)+test\/[^'"`]*['"`]/g))
      crossings.push({
        file,
        line: source.slice(0, m.index).split('\n').length,
        target: m[0].slice(1, -1),
        rule: 'src/ reads nothing under test/',
      });
  }
  return crossings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const crossings = layerCrossings();
  for (const c of crossings) console.error(`${c.file}:${c.line} imports ${c.target}: ${c.rule}`);
  if (crossings.length) {
    console.error(`\n${crossings.length} import(s) point the wrong way. See ARCHITECTURE.md.`);
    process.exit(1);
  }
  console.log('layers: every import points one way');
}
