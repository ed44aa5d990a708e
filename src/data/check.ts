import { loadEnvironment } from '../config.ts';
import { summarize } from '../catalog/summary.ts';
import { DataError, loadDataset } from './load-catalog.ts';

/**
 * `npm run data:check [dir]`: the same validation the bot runs at start, plus a summary that
 * counts the curated files and the synced TMDB data (npm run catalog:sync) apart.
 */
loadEnvironment();
const dir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const curated = summarize(loadDataset(dir, { synced: false }).catalog);
  const { catalog, summary } = loadDataset(dir);
  process.stdout.write(`dataset OK (${dir}): ${curated.line}\n`);
  for (const note of curated.notes) process.stdout.write(`  note: ${note}\n`);
  for (const warning of summary.sourceWarnings) process.stdout.write(`  warning: ${warning}\n`);
  const s = summary.synced;
  if (s.series) {
    process.stdout.write(
      `synced from TMDB (${dir}/tmdb, not in git): ${s.series} series → ${s.dramas} dramas and ${s.people} people added, ` +
        `${s.matchedDramas} curated dramas and ${s.matchedPeople} curated people matched; ` +
        `the bot knows ${catalog.dramas.length} dramas and ${catalog.people.length} people\n`,
    );
    for (const note of s.notes) process.stdout.write(`  note: ${note}\n`);
  }
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`data:check: ${error.message}\n`);
  process.exit(1);
}
