import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/bench/synthetic-catalog.ts';
import { MODULE_SECTIONS } from '../../src/data/compile-dataset.ts';
import { readDataset } from '../../src/data/load-catalog.ts';
import { packSearchFacts, unpackSearchFacts } from '../../src/data/search-facts.ts';
import { encodeSearchIndex } from '../../src/search/search-index.ts';
import { drama, person } from '../support/dataset.ts';
import { ROOT } from '../support/spawn.ts';

const roundTrip = (dramas: Parameters<typeof packSearchFacts>[0], people: Parameters<typeof packSearchFacts>[1]) =>
  unpackSearchFacts(structuredClone(packSearchFacts(dramas, people)));

describe('the search facts a worker thread gets', () => {
  const shipped = readDataset(`${ROOT}/data`, { synced: false });
  const odd = {
    dramas: [
      drama('odd', {
        altTitles: [],
        soundtrack: [{ track: 1, title: 'Song', nativeTitle: '노래', artists: ['lead'] }],
        cast: [
          { person: 'lead', role: 'main', characters: [{ name: 'A', altNames: ['Ay', 'Eh'], nativeName: '에이' }] },
          { person: 'other', role: 'cameo', characters: [{ description: 'a passer-by' }] },
        ],
      }),
    ],
    people: [person('lead', 'Lead', { altNames: ['L'], nativeName: '리드' }), person('other', '')],
  };

  for (const [name, { dramas, people }] of [
    ['shipped', shipped],
    ['synthetic', generateCatalog(300)],
    ['edge-case', odd],
  ] as const)
    it(`carry every fact MODULE_SECTIONS.search.reads lists, and the people's ids and names (${name} catalog)`, () => {
      const rebuilt = roundTrip(dramas, people);
      expect(rebuilt.dramas).toHaveLength(dramas.length);
      const reads = MODULE_SECTIONS.search!.reads;
      const differing = dramas.filter((d, row) => !isDeepStrictEqual(reads(rebuilt.dramas[row]!), reads(d)));
      expect(differing.map((d) => d.id)).toEqual([]);
      expect(rebuilt.people.map((p) => [p.id, p.name, p.altNames, p.nativeName])).toEqual(
        people.map((p) => [p.id, p.name, p.altNames, p.nativeName]),
      );
      expect(Buffer.from(encodeSearchIndex(rebuilt.dramas, rebuilt.people))).toEqual(
        Buffer.from(encodeSearchIndex(dramas, people)),
      );
    });
});
