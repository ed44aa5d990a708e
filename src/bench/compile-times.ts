import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../catalog/artifact.ts';
import { artifactFile, compileDataset, describeCompile, openDataset } from '../data/compile-dataset.ts';
import type { Drama } from '../data/schema.ts';
import { generateCatalog, writeCatalog } from './synthetic-catalog.ts';

export interface CompileTimes {
  size: number;
  /** From the files: read, parse, validate, encode every section, write. */
  fullMs: number;
  /** After one drama's synopsis was edited: the incremental path, every section kept. */
  oneDramaMs: number;
  /** After one drama's cast roles changed: the columns patched from the previous ones. */
  oneRoleMs: number;
  /** After one drama's title was edited: the columns patched and the search index updated. */
  oneTitleMs: number;
  /** openDataset on an up-to-date artifact: fingerprint of the inputs, header and hot part read. */
  openMs: number;
  artifactMB: number;
  hotMB: number;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/** Full compile, then one drama edited and recompiled, then an open, on a dataset already written to `dir`. */
export function measureCompile(dir: string, size: number, log: (line: string) => void = () => {}): CompileTimes {
  const full = compileDataset(dir, { full: true });
  log(`  ${describeCompile(full)}`);
  const catalog = generateCatalog(size);
  const edited = catalog.dramas[Math.floor(size / 2)]!;
  const file = join(dir, 'dramas', `${edited.id}.json`);
  let seconds = 10;
  const recompileAfter = (change: Drama) => {
    writeFileSync(file, JSON.stringify(change));
    const later = new Date(Date.now() + 1_000 * seconds++);
    utimesSync(file, later, later);
    const report = compileDataset(dir);
    log(`  ${describeCompile(report)}`);
    return Math.round(report.ms);
  };
  const oneDramaMs = recompileAfter({ ...edited, synopsis: `${edited.synopsis} Edited.` });
  const oneRoleMs = recompileAfter({ ...edited, cast: edited.cast.map((c) => ({ ...c, role: 'cameo' as const })) });
  const oneTitleMs = recompileAfter({ ...edited, title: `${edited.title} Returns` });
  const started = performance.now();
  const opened = openDataset(dir);
  const openMs = performance.now() - started;
  const manifest = readManifest(artifactFile(dir))!;
  log(
    `  hot sections: ${Object.entries(manifest.hot)
      .map(([name, s]) => `${name} ${mb(s.length)} MB`)
      .join(', ')}`,
  );
  if (opened.compiled) throw new Error('the artifact should have been up to date');
  return {
    size,
    fullMs: Math.round(full.ms),
    oneDramaMs,
    oneRoleMs,
    oneTitleMs,
    openMs: Math.round(openMs),
    artifactMB: mb(readFileSync(artifactFile(dir)).byteLength),
    hotMB: mb(opened.hotPart.byteLength),
  };
}

// `npm run bench:compile [-- size]`: the compile figures alone, on a synthetic catalog in a temporary folder.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'dramabot-compile-bench-'));
  try {
    writeCatalog(dir, generateCatalog(size));
    process.stdout.write(`${JSON.stringify(measureCompile(dir, size, (l) => process.stdout.write(`${l}\n`)))}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
