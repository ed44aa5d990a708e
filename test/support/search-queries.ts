import { getChoseong } from 'es-hangul';
import { makeQueries } from '../../src/bench/queries.ts';
import { random, type SyntheticCatalog } from '../../src/bench/synthetic-catalog.ts';
import type { Drama, Person } from '../../src/data/schema.ts';
import type { EntryKind } from '../../src/search/search-index.ts';

/** What the search surfaces ask the index for, and everything. */
export const HIT_KINDS: EntryKind[][] = [
  ['title', 'person', 'character'],
  ['person', 'character'],
  ['title', 'song', 'person'],
  ['title', 'person', 'character', 'song'],
];

/** The filter given as a function (both indexes call it with the entry's kind and text), with a small limit. */
export const evenTextFilter = (entry: { text: string }) => entry.text.length % 2 === 0;

interface Records {
  dramas: readonly Drama[];
  people: readonly Person[];
}

/** Queries from the records themselves: prefixes, whole texts, a typo, Hangul, initials, odd input. */
function queriesFrom({ dramas, people }: Records, count: number): string[] {
  const rnd = random(3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const texts = [
    ...dramas.flatMap((d) => [d.title, d.nativeTitle ?? d.title, ...(d.altTitles ?? [])]),
    ...people.flatMap((p) => [p.name, p.nativeName ?? p.name]),
    ...dramas.flatMap((d) => d.cast.flatMap((c) => c.characters.flatMap((ch) => (ch.name ? [ch.name] : [])))),
    ...dramas.flatMap((d) => (d.soundtrack ?? []).map((t) => t.title)),
  ];
  const queries = ['a', 's', 'kim', 'lee ', 'park hyung', '사', 'ㅅ', 'ㄱㅁ', '', '   ', '#1', 'zzzzzzzzz', 'hopsital'];
  while (queries.length < count) {
    const text = pick(texts);
    const form = Math.floor(rnd() * 5);
    if (form === 0) queries.push(text.slice(0, 1 + Math.floor(rnd() * text.length)));
    else if (form === 1) queries.push(text);
    else if (form === 2 && text.length > 5) {
      const i = 1 + Math.floor(rnd() * (text.length - 2));
      queries.push(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
    } else if (form === 3) queries.push(getChoseong(text.replace(/\s+/g, '')) || text.toUpperCase());
    else queries.push(text.replace(/[ -]/g, ''));
  }
  return queries;
}

/**
 * The queries the index and the surfaces are checked on: a few hundred drawn from the shipped
 * records, or the benchmark's 7 query classes and more on a synthetic catalog.
 */
export const shippedQueries = (records: Records) => ({
  hits: queriesFrom(records, 400),
  surfaces: queriesFrom(records, 250),
});

export const syntheticQueries = (synthetic: SyntheticCatalog) => ({
  hits: [...makeQueries(synthetic, 280).map((q) => q.text), ...queriesFrom(synthetic, 150)],
  surfaces: [...makeQueries(synthetic, 140).map((q) => q.text), ...queriesFrom(synthetic, 100)],
});
