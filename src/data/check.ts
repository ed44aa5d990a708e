import { loadEnvironment } from '../config.ts';
import { summarize } from '../catalog/summary.ts';
import { DataError, loadCatalog } from './load-catalog.ts';

/** `npm run data:check [dir]`: the same validation the bot runs at start, plus a summary. */
loadEnvironment();
const dir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const catalog = loadCatalog(dir);
  const summary = summarize(catalog);
  process.stdout.write(`dataset OK (${dir}): ${summary.line}\n`);
  for (const note of summary.notes) process.stdout.write(`  note: ${note}\n`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`data:check: ${error.message}\n`);
  process.exit(1);
}
