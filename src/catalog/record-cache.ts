/**
 * Decoded records by row. A record stays the same object while anything references it (WeakRef),
 * so `catalog.drama(id) === catalog.drama(id)` holds through an interaction; the last few hundred
 * stay alive even unreferenced (a small LRU ring), so a card's neighbours are not decoded twice.
 */
export class RecordCache<T extends object> {
  private readonly refs: Array<WeakRef<T> | undefined> = [];
  private readonly recent: T[] = [];
  private next = 0;

  constructor(private readonly keep = 512) {}

  get(row: number, decode: (row: number) => T): T {
    const known = this.refs[row]?.deref();
    if (known) return known;
    const made = decode(row);
    this.refs[row] = new WeakRef(made);
    this.recent[this.next] = made;
    this.next = (this.next + 1) % this.keep;
    return made;
  }
}

const isIndex = (key: string) => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && String(Number(key)) === key;
};

/**
 * A read-only array whose items are made on access: length, indexing, iteration and the array
 * methods (filter, map, find...) all work, and `Array.isArray` says yes. For tests and rare admin
 * paths; hot paths use rows and columns instead of iterating a whole catalog.
 */
export function lazyList<T>(length: number, at: (i: number) => T): readonly T[] {
  const inRange = (key: string | symbol): number | undefined => {
    if (typeof key !== 'string' || !isIndex(key)) return undefined;
    const i = Number(key);
    return i < length ? i : undefined;
  };
  const refuse = () => {
    throw new TypeError('the catalog is read-only');
  };
  return new Proxy([] as T[], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      const i = inRange(key);
      if (i !== undefined) return at(i);
      return Reflect.get(target, key, receiver);
    },
    has: (target, key) => inRange(key) !== undefined || Reflect.has(target, key),
    ownKeys: () => [...Array.from({ length }, (_, i) => String(i)), 'length'],
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      const i = inRange(key);
      if (i !== undefined) return { value: at(i), writable: false, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
