import { describe, expect, it } from 'vitest';
import { buildCatalog, buildPlainCatalog } from '../../src/catalog/catalog.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import { CARD_LOCALES, everyCard } from '../support/every-card.ts';

describe('the compiled catalog renders every card exactly as the plain catalog did', () => {
  it('gives byte-identical JSON for every card kind, drama, person and song of the shipped catalog', () => {
    const { dramas, people } = readDataset('data');
    const before = everyCard(buildPlainCatalog(dramas, people));
    const after = everyCard(buildCatalog(dramas, people));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differing = [...before].filter(([name, json]) => after.get(name) !== json).map(([name]) => name);
    expect(differing).toEqual([]);
    // Every kind was really rendered, for every record.
    expect(before.size).toBeGreaterThan(CARD_LOCALES.length * (dramas.length * 7 + people.length * 4));
    expect([...before.keys()].filter((k) => k.includes('did-you-mean')).length).toBe(
      CARD_LOCALES.length * (dramas.length + people.length),
    );
  });
});
