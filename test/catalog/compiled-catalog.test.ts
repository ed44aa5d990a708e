import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeArtifact,
  openArtifactBytes,
  openArtifactFile,
  readManifest,
  writeArtifact,
  type Artifact,
} from '../../src/catalog/artifact.ts';
import { buildCatalog } from '../../src/catalog/catalog.ts';
import { compileCatalog } from '../../src/catalog/compile.ts';
import { openCatalog } from '../../src/catalog/compiled-catalog.ts';
import { lazyList } from '../../src/catalog/record-cache.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import { drama, person } from '../support/dataset.ts';
import { tempDir } from '../support/harness.ts';

const shipped = readDataset('data');

/** An artifact that counts how many records were read from its cold section. */
function counting(artifact: Artifact): Artifact & { reads: number } {
  const counted = { ...artifact, reads: 0 };
  counted.readCold = (name, offset, length) => {
    counted.reads++;
    return artifact.readCold(name, offset, length);
  };
  return counted;
}

describe('the artifact container', () => {
  it('keeps every section 8-byte aligned and reads back the bytes written', () => {
    const parts = {
      fingerprint: 'abc',
      dramas: 0,
      people: 0,
      hot: { one: new Uint8Array([1, 2, 3]), two: new Uint8Array([4, 5, 6, 7, 8, 9, 10, 11, 12]) },
      cold: { text: [new TextEncoder().encode('hello '), new TextEncoder().encode('world')] },
    };
    const artifact = openArtifactBytes(encodeArtifact(parts));
    expect(artifact.manifest.fingerprint).toBe('abc');
    expect([...artifact.section('one')]).toEqual([1, 2, 3]);
    expect([...artifact.section('two')]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const name of ['one', 'two']) expect(artifact.section(name).byteOffset % 8).toBe(0);
    expect(new TextDecoder().decode(artifact.readCold('text', 6, 5))).toBe('world');
    expect(() => artifact.readCold('text', 6, 6)).toThrow(RangeError);
    expect(() => artifact.section('text')).toThrow(/no section "text"/);
  });

  it('writes to a temporary file and renames it, so an open reader keeps its old file', () => {
    const file = join(tempDir('dramabot-artifact-'), '.compiled', 'catalog.bin');
    writeArtifact(file, compileCatalog([drama('one')], [person('lead', 'Lead')], { fingerprint: 'first' }));
    const first = openArtifactFile(file);
    const before = openCatalog(first);
    writeArtifact(file, compileCatalog([drama('two')], [person('lead', 'Lead')], { fingerprint: 'second' }));
    expect(readdirSync(join(file, '..'))).toEqual(['catalog.bin']);
    expect(readManifest(file)?.fingerprint).toBe('second');
    // The first catalog still reads its records from the replaced file's inode.
    expect(before.dramaAt(0).id).toBe('one');
    expect(openCatalog(openArtifactFile(file)).dramaAt(0).id).toBe('two');
    first.close();
  });

  it('says there is no artifact for a missing file, a foreign file or an older format', () => {
    const dir = tempDir('dramabot-artifact-');
    expect(readManifest(join(dir, 'none.bin'))).toBeUndefined();
    writeFileSync(join(dir, 'foreign.bin'), 'not a catalog at all');
    expect(readManifest(join(dir, 'foreign.bin'))).toBeUndefined();
    const old = Buffer.from(encodeArtifact(compileCatalog([], [])));
    old.writeUInt32LE(0, 8);
    writeFileSync(join(dir, 'old.bin'), old);
    expect(readManifest(join(dir, 'old.bin'))).toBeUndefined();
    expect(() => openArtifactFile(join(dir, 'old.bin'))).toThrow(/not a compiled catalog/);
  });

  it('reads the hot part into shared memory and lets another thread open over it, unless the file was rebuilt', () => {
    const file = join(tempDir('dramabot-artifact-'), 'catalog.bin');
    writeArtifact(file, compileCatalog(shipped.dramas, shipped.people));
    const manager = openArtifactFile(file, { shared: true });
    expect(manager.hotPart.buffer).toBeInstanceOf(SharedArrayBuffer);
    const shard = openArtifactFile(file, { hotPart: manager.hotPart.buffer as SharedArrayBuffer });
    expect(shard.hotPart.buffer).toBe(manager.hotPart.buffer);
    expect(openCatalog(shard).drama(shipped.dramas[3]!.id)).toEqual(shipped.dramas[3]);

    writeArtifact(file, compileCatalog(shipped.dramas.slice(1), shipped.people));
    const late = openArtifactFile(file, { hotPart: manager.hotPart.buffer as SharedArrayBuffer });
    expect(late.hotPart.buffer).not.toBe(manager.hotPart.buffer);
    expect(openCatalog(late).dramas).toHaveLength(shipped.dramas.length - 1);
    for (const a of [manager, shard, late]) a.close();
  });
});

describe('the compiled catalog', () => {
  it('decodes no record at open, one per record asked, and keeps its identity while referenced', () => {
    const artifact = counting(openArtifactBytes(encodeArtifact(compileCatalog(shipped.dramas, shipped.people))));
    const catalog = openCatalog(artifact);
    expect(catalog.dramas).toHaveLength(shipped.dramas.length);
    expect(catalog.row(shipped.dramas[5]!.id)).toBe(5);
    expect(catalog.personRow(shipped.people[7]!.id)).toBe(7);
    expect(artifact.reads).toBe(0);
    const one = catalog.drama(shipped.dramas[5]!.id);
    expect(one).toEqual(shipped.dramas[5]);
    expect(catalog.drama(shipped.dramas[5]!.id)).toBe(one);
    expect(catalog.dramas[5]).toBe(one);
    expect(artifact.reads).toBe(1);
    expect(catalog.drama('no-such-drama')).toBeUndefined();
    expect(catalog.person('no-such-person')).toBeUndefined();
    expect(catalog.row('no-such-drama')).toBeUndefined();
    expect(artifact.reads).toBe(1);
  });

  it('holds the records it was given, in the same order, and their songs', () => {
    // Credits, orderings and every card, against the engine it replaced: test/golden.
    const compiled = buildCatalog(shipped.dramas, shipped.people);
    expect([...compiled.dramas]).toEqual(shipped.dramas);
    expect([...compiled.people]).toEqual(shipped.people);
    expect([...compiled.songs]).toEqual(
      shipped.dramas.flatMap((drama) => (drama.soundtrack ?? []).map((track) => ({ drama, track }))),
    );
    for (const d of shipped.dramas) expect(compiled.drama(d.id)).toEqual(d);
    // A credit's drama and track are the catalog's own objects.
    const credit = compiled.creditsOf(shipped.people[0]!.id)[0]!;
    expect(compiled.drama(credit.drama.id)).toBe(credit.drama);
  });

  it('knows no one named in a credit without a record of their own (validation lets none through)', () => {
    const compiled = buildCatalog([drama('one', { directors: ['ghost'] })], [person('lead', 'Lead')]);
    expect(compiled.person('ghost')).toBeUndefined();
    expect(compiled.personRow('ghost')).toBeUndefined();
    expect(compiled.creditsOf('ghost')).toEqual([]);
    expect(compiled.creditsOf('lead')).toHaveLength(1);
  });
});

describe('lazyList', () => {
  const made: number[] = [];
  const list = lazyList(4, (i) => {
    made.push(i);
    return { i };
  });

  it('behaves like a read-only array and makes only the items touched', () => {
    expect(made).toEqual([]);
    expect(Array.isArray(list)).toBe(true);
    expect(list[2]).toEqual({ i: 2 });
    expect(made).toEqual([2]);
    expect(list[4]).toBeUndefined();
    expect(list.filter((x) => x.i % 2 === 1)).toEqual([{ i: 1 }, { i: 3 }]);
    expect([...list].map((x) => x.i)).toEqual([0, 1, 2, 3]);
    expect(JSON.stringify(list)).toBe('[{"i":0},{"i":1},{"i":2},{"i":3}]');
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']);
    expect(() => {
      (list as Array<{ i: number }>)[0] = { i: 9 };
    }).toThrow(TypeError);
  });
});
