import { parseArgs } from 'node:util';
import { loadEnvironment } from '../config.ts';
import { compileDataset, describeCompile } from './compile-dataset.ts';
import { DataError } from './load-catalog.ts';

/**
 * `npm run catalog:build [-- --full] [dir]`: compiles the dataset into <dir>/.compiled/catalog.bin,
 * reusing the previous build where only some drama files changed (--full: from scratch). Exits 1
 * with data:check's file → JSON path → message lines when a file is broken.
 */
loadEnvironment();
const { values, positionals } = parseArgs({
  options: { full: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0] ?? process.env.DATA_DIR?.trim() ?? 'data';
try {
  process.stdout.write(`catalog:build: ${describeCompile(compileDataset(dir, { full: values.full }))}\n`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`catalog:build: ${error.message}\n`);
  process.exit(1);
}
