import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, writeArtifact } from '../../src/catalog/artifact.ts';
import { compileCatalog } from '../../src/catalog/compile.ts';
import { artifactFile, compileDataset, openDataset, recordsDir, StaleCatalog } from '../../src/data/compile-dataset.ts';
import { DataError, formatProblem, readDataset } from '../../src/data/load-catalog.ts';
import type { Drama } from '../../src/data/schema.ts';
import { findEntries } from '../../src/search/search-index.ts';
import { drama, person, writeDataset } from '../support/dataset.ts';
import { tempDir } from '../support/harness.ts';
import { ROOT } from '../support/spawn.ts';

const LEAD = { 'lead.json': person('lead', 'Lead') };

/** A copy of the shipped curated files, to edit. */
function shippedCopy(): string {
  const dir = tempDir('dramabot-compile-');
  for (const folder of ['dramas', 'people']) cpSync(join(ROOT, 'data', folder), join(dir, folder), { recursive: true });
  return dir;
}

/** Rewrites a drama file the way an editor would: new content, a later modification time. */
function edit(dir: string, id: string, change: (d: Drama) => Drama | string): void {
  const file = join(dir, 'dramas', `${id}.json`);
  const changed = change(JSON.parse(readFileSync(file, 'utf8')) as Drama);
  writeFileSync(file, typeof changed === 'string' ? changed : JSON.stringify(changed, null, 2));
  const later = new Date(Date.now() + 5_000);
  utimesSync(file, later, later);
}

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
};

/** The artifact's bytes after its manifest (which differs in its build id only). */
function body(dir: string): Buffer {
  const bytes = readFileSync(artifactFile(dir));
  return bytes.subarray((16 + bytes.readUInt32LE(12) + 7) & ~7);
}

describe('openDataset', () => {
  it('compiles a dataset never compiled, then opens the artifact without compiling while nothing changes', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    const first = openDataset(dir);
    expect(first.compiled).toMatchObject({ mode: 'full', reason: 'no previous build', dramas: 1, people: 1 });
    expect(first.catalog.drama('one')).toEqual(drama('one'));
    expect(findEntries(first.search, 'test drama', ['title']).length).toBeGreaterThan(0);
    const again = openDataset(dir);
    expect(again.compiled).toBeUndefined();
    expect(again.catalog.drama('one')).toEqual(drama('one'));
    expect(readdirSync(join(dir, '.compiled'))).toEqual(['catalog.bin']);
  });

  it('notices an edited, added or removed file and recompiles', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    openDataset(dir);
    edit(dir, 'one', (d) => ({ ...d, title: 'Renamed' }));
    const edited = openDataset(dir);
    expect(edited.compiled?.mode).toBe('incremental');
    expect(edited.catalog.drama('one')?.title).toBe('Renamed');
    writeFileSync(join(dir, 'dramas', 'two.json'), JSON.stringify(drama('two')));
    expect(openDataset(dir).catalog.drama('two')).toBeDefined();
    rmSync(join(dir, 'dramas', 'two.json'));
    const removed = openDataset(dir);
    expect(removed.compiled).toBeDefined();
    expect(removed.catalog.drama('two')).toBeUndefined();
  });

  it('with autoBuild false, refuses a stale or missing catalog in one line naming npm run catalog:build', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    expect(() => openDataset(dir, { autoBuild: false })).toThrow(StaleCatalog);
    expect(() => openDataset(dir, { autoBuild: false })).toThrow(
      /^the dataset has not been compiled yet \(.*catalog\.bin\) and CATALOG_AUTO_BUILD=false: run npm run catalog:build, then start again\.$/,
    );
    compileDataset(dir);
    expect(openDataset(dir, { autoBuild: false }).catalog.drama('one')).toBeDefined();
    edit(dir, 'one', (d) => ({ ...d, title: 'Renamed' }));
    expect(() => openDataset(dir, { autoBuild: false })).toThrow(/^the dataset changed since it was compiled/);
  });

  it('compiles afresh an artifact that is up to date by its inputs but unreadable (an older section layout)', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    openDataset(dir);
    const bytes = readFileSync(artifactFile(dir));
    const manifest = readManifest(artifactFile(dir))!;
    const dataStart = (16 + bytes.readUInt32LE(12) + 7) & ~7;
    bytes.writeUInt32LE(0xdead, dataStart + manifest.hot.search!.offset);
    writeFileSync(artifactFile(dir), bytes);
    expect(() => openDataset(dir, { autoBuild: false })).toThrow(/not a section of this kind or version/);
    const reopened = openDataset(dir);
    expect(reopened.compiled).toMatchObject({ mode: 'full' });
    expect(reopened.catalog.drama('one')).toEqual(drama('one'));
  });

  it('opens a shard over the hot part another thread read, sharing its memory', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    const manager = openDataset(dir, { shared: true });
    const shard = openDataset(dir, { hotPart: manager.hotPart.buffer as SharedArrayBuffer });
    expect(shard.hotPart.buffer).toBe(manager.hotPart.buffer);
    expect(shard.catalog.drama('one')).toEqual(drama('one'));
  });
});

describe('compileDataset', () => {
  it('stops on a broken file with the same file → JSON path → message problems as data:check', () => {
    const dir = writeDataset({ 'one.json': drama('one', { year: 1999 }), 'two.json': '{ "id": ' }, LEAD);
    const expected = problemsOf(() => readDataset(dir));
    expect(expected.length).toBe(2);
    expect(problemsOf(() => compileDataset(dir))).toEqual(expected);
    expect(problemsOf(() => openDataset(dir))).toEqual(expected);
  });

  it('stops an incremental compile on a broken edit with the problems a full read reports', () => {
    const dir = writeDataset({ 'one.json': drama('one'), 'two.json': drama('two') }, LEAD);
    compileDataset(dir);
    edit(dir, 'two', (d) => ({ ...d, cast: [{ ...d.cast[0]!, person: 'nobody' }], episodeCount: 3 }));
    const expected = problemsOf(() => readDataset(dir));
    expect(expected).toEqual([
      expect.stringMatching(/two\.json → episodes → lists 2 episodes but episodeCount is 3$/),
      expect.stringMatching(/two\.json → cast\[0\]\.person → unknown person "nobody"/),
    ]);
    expect(problemsOf(() => compileDataset(dir))).toEqual(expected);
    edit(dir, 'two', () => '{ broken');
    expect(problemsOf(() => compileDataset(dir))).toEqual(problemsOf(() => readDataset(dir)));
  });

  it('recompiles incrementally to exactly the artifact a full compile makes, re-reading only the changed files', () => {
    const dir = shippedCopy();
    const ids = readdirSync(join(dir, 'dramas')).map((f) => f.replace(/\.json$/, ''));
    const lead = readDataset(dir).dramas[0]!.cast[0]!;
    expect(compileDataset(dir).mode).toBe('full');
    edit(dir, ids[3]!, (d) => ({ ...d, synopsis: 'A new synopsis.', cast: [...d.cast].reverse() }));
    rmSync(join(dir, 'dramas', `${ids[10]!}.json`));
    writeFileSync(join(dir, 'dramas', 'a-new-one.json'), JSON.stringify(drama('a-new-one', { cast: [lead] })));
    const touched = join(dir, 'dramas', `${ids[20]!}.json`);
    utimesSync(touched, new Date(), new Date(Date.now() + 9_000));

    const incremental = compileDataset(dir);
    expect(incremental).toMatchObject({ mode: 'incremental', reparsed: 3 });
    expect(incremental.reason).toMatch(/^2 drama files changed, 1 removed; rebuilt /);
    const compiledIncrementally = body(dir);
    expect(compileDataset(dir, { full: true }).mode).toBe('full');
    expect(compiledIncrementally.equals(body(dir))).toBe(true);
    expect(openDataset(dir).catalog.drama(ids[3]!)?.synopsis).toBe('A new synopsis.');
  });

  it('keeps every section when an edit touches no fact a section reads, and rebuilds only those it touches', () => {
    const dir = shippedCopy();
    const [first, second] = readdirSync(join(dir, 'dramas')).map((f) => f.replace(/\.json$/, ''));
    compileDataset(dir);
    edit(dir, first!, (d) => ({ ...d, synopsis: 'Only the synopsis changed.' }));
    expect(compileDataset(dir).reason).toBe('1 drama file changed, 0 removed; every section kept');
    const kept = body(dir);
    compileDataset(dir, { full: true });
    expect(kept.equals(body(dir))).toBe(true);

    edit(dir, second!, (d) => ({ ...d, cast: d.cast.map((c) => ({ ...c, role: 'cameo' as const })) }));
    expect(compileDataset(dir).reason).toBe('1 drama file changed, 0 removed; rebuilt columns');
    const rebuilt = body(dir);
    compileDataset(dir, { full: true });
    expect(rebuilt.equals(body(dir))).toBe(true);
  });

  it('patches the columns and the cited pages after title, tag and source edits to what a full compile writes', () => {
    const dir = shippedCopy();
    const ids = readdirSync(join(dir, 'dramas')).map((f) => f.replace(/\.json$/, ''));
    const other = readDataset(dir).dramas[7]!;
    compileDataset(dir);
    edit(dir, ids[1]!, (d) => ({ ...d, title: other.title }));
    edit(dir, ids[2]!, (d) => ({ ...d, tags: ['a-new-tag'], sources: [...d.sources, 'https://example.org/cited'] }));
    rmSync(join(dir, 'dramas', `${ids[4]!}.json`));
    expect(compileDataset(dir)).toMatchObject({ mode: 'incremental', reparsed: 2 });
    const patched = body(dir);
    const { dramas, people } = readDataset(dir);
    const cited = new Set([...dramas, ...people].flatMap((r) => r.sources));
    expect(openDataset(dir).catalog.columns.sourcePages).toBe(cited.size);
    compileDataset(dir, { full: true });
    expect(patched.equals(body(dir))).toBe(true);
  });

  it('appends only the changed records to the records file, and a reader of the previous build keeps reading its own', () => {
    const dir = shippedCopy();
    const ids = readdirSync(join(dir, 'dramas')).map((f) => f.replace(/\.json$/, ''));
    compileDataset(dir);
    const before = openDataset(dir);
    const recordsFile = () => join(recordsDir(dir), readManifest(artifactFile(dir))!.records!.file);
    const [file, size] = [recordsFile(), statSync(recordsFile()).size];
    edit(dir, ids[6]!, (d) => ({ ...d, title: 'Retitled', synopsis: 'Edited.' }));
    expect(compileDataset(dir).mode).toBe('incremental');
    expect(recordsFile()).toBe(file);
    const edited = openDataset(dir).catalog.drama(ids[6]!)!;
    expect(statSync(file).size - size).toBe(Buffer.byteLength(JSON.stringify(edited)));
    expect(readManifest(artifactFile(dir))!.cold.records).toBeUndefined();
    expect(before.catalog.drama(ids[6]!)?.title).not.toBe('Retitled');
    const incremental = openDataset(dir).catalog;
    const recompiled = [...incremental.dramas, ...incremental.people];
    compileDataset(dir, { full: true });
    const full = openDataset(dir).catalog;
    expect(recompiled).toEqual([...full.dramas, ...full.people]);
    expect(readdirSync(recordsDir(dir))).toContain(readManifest(artifactFile(dir))!.records!.file);
  });

  it('compiles in full once superseded records outweigh the live ones in the records file', () => {
    const dir = writeDataset({ 'one.json': drama('one'), 'two.json': drama('two') }, LEAD);
    compileDataset(dir);
    const reasons: string[] = [];
    for (let i = 0; i < 6; i++) {
      edit(dir, 'one', (d) => ({ ...d, synopsis: `Edited ${i} ${'x'.repeat(400)}` }));
      reasons.push(compileDataset(dir).reason);
    }
    expect(reasons).toContain('superseded records outweigh the live ones in the records file');
    expect(openDataset(dir).catalog.drama('one')?.synopsis).toMatch(/^Edited 5 /);
  });

  it('compiles in full over a previous build of another layout (a section added since)', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    const parts = compileCatalog([drama('one')], [person('lead', 'Lead')], { cold: { inputs: Buffer.from('[]') } });
    delete parts.hot.columns;
    writeArtifact(artifactFile(dir), parts);
    expect(compileDataset(dir)).toMatchObject({ mode: 'full', reason: 'the previous build has another layout' });
    expect(openDataset(dir).compiled).toBeUndefined();
  });

  it('compiles in full when a person file changed or synced data is present, and says why', () => {
    const dir = writeDataset({ 'one.json': drama('one') }, LEAD);
    compileDataset(dir);
    expect(compileDataset(dir).mode).toBe('up to date');
    writeFileSync(join(dir, 'people', 'lead.json'), JSON.stringify(person('lead', 'Renamed Lead')));
    utimesSync(join(dir, 'people', 'lead.json'), new Date(), new Date(Date.now() + 5_000));
    expect(compileDataset(dir)).toMatchObject({ mode: 'full', reason: 'people/lead.json changed' });
    expect(openDataset(dir).catalog.person('lead')?.name).toBe('Renamed Lead');
  });
});
