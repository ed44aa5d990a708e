import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArtifactBytes } from '../../src/catalog/artifact.ts';
import { generateCatalog, writeCatalog } from '../../src/bench/synthetic-catalog.ts';
import { artifactFile, compileDataset } from '../../src/data/compile-dataset.ts';
import { DataError, formatProblem } from '../../src/data/load-catalog.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT } from '../support/spawn.ts';

/** Every section of the artifact at dir, by name, and its manifest without the build id. */
function sectionsOf(dir: string) {
  const artifact = openArtifactBytes(readFileSync(artifactFile(dir)));
  const { build: _, ...manifest } = artifact.manifest;
  const sections: Record<string, Buffer> = {};
  for (const name of Object.keys(manifest.hot)) sections[`hot ${name}`] = Buffer.from(artifact.section(name));
  for (const [name, { length }] of Object.entries(manifest.cold))
    sections[`cold ${name}`] = Buffer.from(artifact.readCold(name, 0, length));
  return { manifest, sections };
}

/** Compiles dir twice, in this thread alone then with the worker threads: both artifacts, section by section. */
function bothWays(dir: string) {
  const here = compileDataset(dir, { full: true, threads: false });
  const inThread = sectionsOf(dir);
  const there = compileDataset(dir, { full: true, threads: true });
  return { here, there, inThread, inWorker: sectionsOf(dir) };
}

function expectSameSections(a: ReturnType<typeof sectionsOf>, b: ReturnType<typeof sectionsOf>): void {
  expect(b.manifest).toEqual(a.manifest);
  expect(Object.keys(b.sections)).toEqual(Object.keys(a.sections));
  for (const [name, bytes] of Object.entries(a.sections))
    expect(b.sections[name]!.equals(bytes), `section ${name} differs`).toBe(true);
}

describe('a full compile with worker threads (half the files read, the search section encoded)', () => {
  it('writes the same artifact, section by section, as encoding it in the compiling thread (synthetic catalog)', () => {
    const dir = tempDir('dramabot-search-thread-');
    writeCatalog(dir, generateCatalog(600));
    const { here, there, inThread, inWorker } = bothWays(dir);
    expect(here.threaded).toEqual({ read: false, search: false });
    expect(there.threaded).toEqual({ read: true, search: true });
    expect(Object.keys(inThread.sections)).toContain('hot search');
    expectSameSections(inThread, inWorker);
  });

  it('writes the same artifact for the shipped catalog (alt titles, character alt names, native song titles)', () => {
    const dir = tempDir('dramabot-search-thread-');
    for (const folder of ['dramas', 'people'])
      cpSync(join(ROOT, 'data', folder), join(dir, folder), { recursive: true });
    const { there, inThread, inWorker } = bothWays(dir);
    expect(there.threaded).toEqual({ read: true, search: true });
    expectSameSections(inThread, inWorker);
  });

  it('reports the same problems, in the same order, when files of either half are broken', () => {
    const dir = tempDir('dramabot-compile-threads-');
    writeCatalog(dir, generateCatalog(200));
    const names = readdirSync(join(dir, 'dramas')).sort();
    const breakFile = (name: string, change: (d: Record<string, unknown>) => unknown) => {
      const file = join(dir, 'dramas', name);
      writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8')))));
    };
    breakFile(names[3]!, (d) => ({ ...d, year: 1900 }));
    breakFile(names[150]!, (d) => ({
      ...d,
      cast: [{ person: 'nobody-known', role: 'main', characters: [{ name: 'X' }] }],
    }));
    breakFile(names[180]!, (d) => ({ ...d, episodeCount: 0 }));
    writeFileSync(join(dir, 'dramas', names[190]!), '{ "id": ');
    const problems = (threads: boolean) => {
      try {
        compileDataset(dir, { full: true, threads });
      } catch (error) {
        if (error instanceof DataError) return error.problems.map(formatProblem);
        throw error;
      }
      return [];
    };
    const alone = problems(false);
    expect(alone.length).toBeGreaterThanOrEqual(4);
    expect(problems(true)).toEqual(alone);
  });
});
