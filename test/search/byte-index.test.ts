import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { encodeSearchIndex, findEntries, openSearchIndex, type SearchIndex } from '../../src/search/search-index.ts';

// Its hits and the surfaces' results, against the object index it replaced: test/golden/search.test.ts.
describe('opening a search section', () => {
  const synthetic = generateCatalog(200);
  const bytes = encodeSearchIndex(synthetic.dramas, synthetic.people);

  it('reads a copy in a SharedArrayBuffer at any 8-aligned offset, viewing it rather than copying', () => {
    const shared = new SharedArrayBuffer(bytes.byteLength + 16);
    const view = new Uint8Array(shared, 16, bytes.byteLength);
    view.set(bytes);
    const index: SearchIndex = openSearchIndex(view);
    expect(index.kinds.buffer).toBe(shared);
    expect(index.tables[0]!.keys.chars.buffer).toBe(shared);
    const name = synthetic.people[5]!.name;
    const top = findEntries(index, name, ['person'], 1)[0]!;
    expect(top.entry).toMatchObject({ kind: 'person', text: name, ref: { type: 'person', person: 5 } });
    expect(top.match).toBe('exact');
  });

  it('refuses bytes that are not a search section, or not 8-byte aligned', () => {
    expect(() => openSearchIndex(new Uint8Array(64))).toThrow(/not a section/);
    const shifted = new Uint8Array(new ArrayBuffer(bytes.byteLength + 4), 4);
    shifted.set(bytes);
    expect(() => openSearchIndex(shifted)).toThrow(/aligned/);
  });
});
