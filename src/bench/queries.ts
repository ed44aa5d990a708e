import { getChoseong } from 'es-hangul';
import type { Person } from '../data/schema.ts';
import { lowerBound } from '../search/fuzzy-walk.ts';
import { random, type SyntheticCatalog } from './synthetic-catalog.ts';

/**
 * What users type, each query knowing the record it is meant to find, so recall@10 is measured.
 * A query is only kept when its clean form is shared by at most MAX_SHARED records: "Sec" cannot
 * name one drama among 100,000, and a user would keep typing until the list shows theirs.
 */
export const QUERY_CLASSES = [
  'title-prefix',
  'typo',
  'spacing',
  'romanization',
  'character',
  'hangul',
  'choseong',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  class: QueryClass;
  text: string;
  /** What the query is meant to find: d:<drama> through /drama's autocomplete, p:<person> through /cast's. */
  target: string;
  surface: 'drama' | 'person';
}

const MAX_SHARED = 3;

/** How many strings of a sorted list start with a prefix (binary search). */
function countPrefix(sorted: readonly string[], prefix: string): number {
  return lowerBound(sorted, `${prefix}\uffff`) - lowerBound(sorted, prefix);
}

/** The shortest prefix (at least `min` characters) that at most MAX_SHARED records share, or undefined. */
function distinctivePrefix(text: string, sorted: readonly string[], min: number): string | undefined {
  for (let n = min; n <= text.length; n++) {
    const prefix = text.slice(0, n);
    if (prefix.endsWith(' ')) continue;
    if (countPrefix(sorted, prefix) <= MAX_SHARED) return prefix;
  }
  return countPrefix(sorted, text) <= MAX_SHARED ? text : undefined;
}

/** One typo a hurried typist makes: two letters swapped, one dropped, doubled or replaced by a neighbour key. */
function typo(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i);
  const neighbours: Record<string, string> = {
    a: 's',
    s: 'a',
    e: 'r',
    r: 'e',
    i: 'o',
    o: 'i',
    n: 'm',
    m: 'n',
    t: 'r',
    l: 'k',
    d: 'f',
    g: 'h',
    h: 'g',
    u: 'y',
    c: 'v',
  };
  return word.slice(0, i) + (neighbours[word[i]!] ?? 'e') + word.slice(i + 1);
}

/** Romanization variants of a name as people type them: eo/u, oo/u, ee/i, surname spellings, joined or split syllables. */
function nameVariant(person: Person, rnd: () => number): string | undefined {
  const [surname, given = ''] = person.name.toLowerCase().split(' ');
  const syllables = given.split('-');
  const swaps: Array<[RegExp, string]> = [
    [/eo/, 'u'],
    [/oo/, 'u'],
    [/ee/, 'i'],
    [/u(?!n)/, 'oo'],
    [/yu/, 'yoo'],
  ];
  const surnames: Record<string, string> = {
    park: 'bak',
    lee: 'yi',
    choi: 'choe',
    jung: 'jeong',
    kang: 'gang',
    yoon: 'yun',
    shin: 'sin',
    lim: 'im',
    kwon: 'gwon',
  };
  const options: string[] = [];
  for (const [from, to] of swaps) {
    const k = syllables.findIndex((s) => from.test(s));
    if (k >= 0) options.push(`${surname} ${syllables.map((s, j) => (j === k ? s.replace(from, to) : s)).join('')}`);
  }
  if (surnames[surname!]) options.push(`${surnames[surname!]} ${syllables.join('-')}`);
  options.push(
    `${surname} ${syllables.join(' ')}`,
    `${surname}${syllables.join('')}`,
    `${syllables.join('')} ${surname}`,
  );
  return options.length ? options[Math.floor(rnd() * options.length)] : undefined;
}

export function makeQueries(catalog: SyntheticCatalog, count = 2_000, seed = 11): BenchQuery[] {
  const rnd = random(seed);
  const titles = catalog.dramas.map((d) => d.title.toLowerCase()).sort();
  const native = catalog.dramas.map((d) => d.nativeTitle).sort();
  const choseong = catalog.dramas.map((d) => getChoseong(d.nativeTitle.replace(/\s+/g, ''))).sort();
  const names = catalog.people.map((p) => p.name.toLowerCase()).sort();
  const characters = catalog.dramas
    .flatMap((d) => d.cast.flatMap((c) => c.characters.flatMap((ch) => (ch.name ? [ch.name.toLowerCase()] : []))))
    .sort();
  const perClass = Math.ceil(count / QUERY_CLASSES.length);
  const anyDrama = () => catalog.dramas[Math.floor(rnd() * catalog.dramas.length)]!;
  const makers: Record<QueryClass, () => BenchQuery | undefined> = {
    'title-prefix': () => {
      const d = anyDrama();
      const prefix = distinctivePrefix(d.title.toLowerCase(), titles, 4);
      return prefix ? { class: 'title-prefix', text: prefix, target: `d:${d.id}`, surface: 'drama' } : undefined;
    },
    typo: () => {
      const d = anyDrama();
      const title = d.title.toLowerCase();
      const prefix = distinctivePrefix(title, titles, 6);
      if (!prefix) return undefined;
      // Typed to the end of the word the prefix stops in, with one typo in a word of 5+ letters.
      const end = title.indexOf(' ', prefix.length);
      const typed = title.slice(0, end < 0 ? title.length : end).split(' ');
      const k = typed.findLastIndex((w) => w.length >= 5);
      if (k < 0) return undefined;
      const wrong = typo(typed[k]!, rnd);
      if (wrong === typed[k]) return undefined;
      typed[k] = wrong;
      return { class: 'typo', text: typed.join(' '), target: `d:${d.id}`, surface: 'drama' };
    },
    spacing: () => {
      const d = anyDrama();
      const title = d.title.toLowerCase();
      if (countPrefix(titles, title) > MAX_SHARED) return undefined;
      const form = Math.floor(rnd() * 3);
      const text =
        form === 0 ? title.replace(/ /g, '') : form === 1 ? title.replace(/ /g, '-') : title.replace(/ (\S+)$/, '$1');
      return { class: 'spacing', text, target: `d:${d.id}`, surface: 'drama' };
    },
    romanization: () => {
      const p = catalog.people[Math.floor(rnd() * catalog.people.length)]!;
      if (countPrefix(names, p.name.toLowerCase()) > MAX_SHARED) return undefined;
      const text = nameVariant(p, rnd);
      return text ? { class: 'romanization', text, target: `p:${p.id}`, surface: 'person' } : undefined;
    },
    character: () => {
      const d = anyDrama();
      const name = d.cast[Math.floor(rnd() * d.cast.length)]!.characters[0]!.name;
      if (!name) return undefined; // a described role ("Eun-soo's mother") is not a name anyone types
      if (countPrefix(characters, name.toLowerCase()) > MAX_SHARED) return undefined;
      return { class: 'character', text: name, target: `d:${d.id}`, surface: 'drama' };
    },
    hangul: () => {
      const d = anyDrama();
      const prefix = distinctivePrefix(d.nativeTitle, native, 2);
      return prefix ? { class: 'hangul', text: prefix, target: `d:${d.id}`, surface: 'drama' } : undefined;
    },
    choseong: () => {
      const d = anyDrama();
      const initials = getChoseong(d.nativeTitle.replace(/\s+/g, ''));
      if (countPrefix(choseong, initials) > MAX_SHARED) return undefined;
      return { class: 'choseong', text: initials, target: `d:${d.id}`, surface: 'drama' };
    },
  };
  const queries: BenchQuery[] = [];
  for (const cls of QUERY_CLASSES) {
    let made = 0;
    for (let attempt = 0; made < perClass && attempt < perClass * 400; attempt++) {
      const q = makers[cls]();
      if (q) {
        queries.push(q);
        made += 1;
      }
    }
  }
  return queries.slice(0, count);
}
