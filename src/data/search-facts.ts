import { Int32Column } from '../binary/int32-column.ts';
import type { Drama, Person } from './schema.ts';

/**
 * What the search section is made from (MODULE_SECTIONS.search.reads: titles, alt and native
 * titles, cast person ids and character names, song titles and track numbers; people's ids and
 * names) in a form a worker thread takes cheaply: every string joined into one, and one Int32Array
 * of counts, string lengths (-1: absent) and track numbers, both read back in the order written.
 * A few MB cross the thread instead of every record being cloned.
 */
export interface SearchFacts {
  dramas: number;
  people: number;
  text: string;
  numbers: Int32Array;
}

class FactWriter {
  private readonly parts: string[] = [];
  readonly numbers = new Int32Column(1 << 16);

  string(s: string | undefined): void {
    if (s === undefined) this.numbers.push(-1);
    else {
      this.numbers.push(s.length);
      this.parts.push(s);
    }
  }

  strings(list: readonly string[] | undefined): void {
    if (list === undefined) this.numbers.push(-1);
    else {
      this.numbers.push(list.length);
      for (const s of list) this.string(s);
    }
  }

  text(): string {
    return this.parts.join('');
  }
}

class FactReader {
  private at = 0;
  private textAt = 0;

  constructor(private readonly facts: SearchFacts) {}

  number(): number {
    return this.facts.numbers[this.at++]!;
  }

  string(): string | undefined {
    const length = this.number();
    if (length < 0) return undefined;
    const s = this.facts.text.slice(this.textAt, this.textAt + length);
    this.textAt += length;
    return s;
  }

  strings(): string[] | undefined {
    const count = this.number();
    if (count < 0) return undefined;
    const list: string[] = [];
    for (let i = 0; i < count; i++) list.push(this.string()!);
    return list;
  }
}

/** Packs what the search encoder reads of these records. */
export function packSearchFacts(dramas: readonly Drama[], people: readonly Person[]): SearchFacts {
  const out = new FactWriter();
  for (const d of dramas) {
    out.string(d.title);
    out.strings(d.altTitles);
    out.string(d.nativeTitle);
    out.numbers.push(d.cast.length);
    for (const c of d.cast) {
      out.string(c.person);
      out.numbers.push(c.characters.length);
      for (const ch of c.characters) {
        out.string(ch.name);
        out.strings(ch.altNames);
        out.string(ch.nativeName);
      }
    }
    out.numbers.push(d.soundtrack === undefined ? -1 : d.soundtrack.length);
    for (const t of d.soundtrack ?? []) {
      out.string(t.title);
      out.string(t.nativeTitle);
      out.numbers.push(t.track);
    }
  }
  for (const p of people) {
    out.string(p.id);
    out.string(p.name);
    out.strings(p.altNames);
    out.string(p.nativeName);
  }
  // A copy at its length, whose buffer is its own, so it can be transferred to the worker.
  return { dramas: dramas.length, people: people.length, text: out.text(), numbers: out.numbers.view().slice() };
}

/**
 * Records that carry only the packed facts: enough for encodeSearchIndex, which reads nothing
 * else of them (test/data/search-facts.test.ts checks that against MODULE_SECTIONS.search.reads).
 */
export function unpackSearchFacts(facts: SearchFacts): { dramas: Drama[]; people: Person[] } {
  const read = new FactReader(facts);
  const dramas: Drama[] = [];
  for (let i = 0; i < facts.dramas; i++) {
    const title = read.string()!;
    const altTitles = read.strings();
    const nativeTitle = read.string()!;
    const cast = Array.from({ length: read.number() }, () => {
      const person = read.string()!;
      const characters = Array.from({ length: read.number() }, () => {
        const name = read.string();
        const altNames = read.strings();
        const nativeName = read.string();
        return { name, altNames, nativeName };
      });
      return { person, characters };
    });
    const tracks = read.number();
    const soundtrack =
      tracks < 0
        ? undefined
        : Array.from({ length: tracks }, () => {
            const title = read.string()!;
            const nativeTitle = read.string();
            return { title, nativeTitle, track: read.number() };
          });
    dramas.push({ title, altTitles, nativeTitle, cast, soundtrack } as unknown as Drama);
  }
  const people: Person[] = [];
  for (let i = 0; i < facts.people; i++) {
    const id = read.string()!;
    const name = read.string()!;
    const altNames = read.strings();
    const nativeName = read.string();
    people.push({ id, name, altNames, nativeName } as Person);
  }
  return { dramas, people };
}
