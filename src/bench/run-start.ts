import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset } from '../data/compile-dataset.ts';
import { openCompiled } from './dataset.ts';
import { ourEngine } from './engines.ts';
import { megabytes } from './measure.ts';

/**
 * One start-up figure of `npm run bench`, in a process of its own so its memory is the bot's
 * alone (run by run-size.ts and run-synced.ts; prints one line of JSON):
 *
 *   run-start.ts start <dataDir> <query>   open the compiled catalog, answer one autocomplete: ms, RSS, heap
 *   run-start.ts compile <dataDir>         full compile from the JSON files: ms
 *   run-start.ts recompile <dataDir>       one drama file edited, then compile again: ms
 */
export interface StartFigures {
  ms: number;
  rssMB?: number;
  heapMB?: number;
}

/** Retitles the first drama file, the change that touches the most (record, index, orderings). */
function editOneDrama(dataDir: string): void {
  const folder = join(dataDir, 'dramas');
  const file = join(folder, readdirSync(folder).sort()[0]!);
  const drama = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
  writeFileSync(file, JSON.stringify({ ...drama, title: `${drama.title} Returns` }));
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return Math.round(performance.now() - started);
}

function measure(what: string, dataDir: string, query: string): StartFigures {
  if (what === 'compile' || what === 'recompile') {
    if (what === 'compile') rmSync(join(dataDir, '.compiled'), { recursive: true, force: true });
    else editOneDrama(dataDir);
    global.gc?.();
    return { ms: timed(() => compileDataset(dataDir)) };
  }
  global.gc?.();
  let answered: string[] = [];
  const ms = timed(() => {
    const opened = openCompiled(dataDir);
    answered = ourEngine(opened.search, opened.catalog).top10({
      class: 'title-prefix',
      text: query,
      target: '',
      surface: 'drama',
    });
    // Kept reachable until the memory is read: the bot holds its catalog for its whole life.
    (globalThis as { opened?: unknown }).opened = opened;
  });
  if (answered.length === 0) throw new Error(`the compiled catalog found nothing for "${query}"`);
  global.gc?.();
  const memory = process.memoryUsage();
  return { ms, rssMB: megabytes(memory.rss), heapMB: megabytes(memory.heapUsed) };
}

const [what, dataDir, query = 'a'] = process.argv.slice(2);
if (!['start', 'compile', 'recompile'].includes(what ?? '') || !dataDir)
  throw new Error('usage: run-start.ts <start|compile|recompile> <dataDir> [query]');
process.stdout.write(`${JSON.stringify(measure(what!, dataDir, query))}\n`);
