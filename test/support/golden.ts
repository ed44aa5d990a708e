import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Golden } from './golden-outputs.ts';

/**
 * The golden files: test/fixtures/golden/<name>.json.gz, one JSON object with one entry a line
 * (`gzip -dc` reads it; `git config diff.golden.textconv 'gzip -dc'` makes `git diff` show the
 * entries that changed). Gzipped because every card of the shipped catalog in two languages is
 * 8 MB of JSON and under 1 MB compressed.
 *
 * `GOLDEN_UPDATE=1` (npm run golden:update) rewrites them from the current code instead of
 * comparing.
 */
const GOLDEN_DIR = join(import.meta.dirname, '..', 'fixtures', 'golden');
const update = process.env.GOLDEN_UPDATE;

const file = (name: string) => join(GOLDEN_DIR, `${name}.json.gz`);

function writeGolden(name: string, golden: Golden): void {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const lines = [...golden].map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  writeFileSync(file(name), gzipSync(`{\n${lines.join(',\n')}\n}\n`, { level: 9 }));
}

const readGolden = (name: string): Golden =>
  new Map(Object.entries(JSON.parse(gunzipSync(readFileSync(file(name))).toString('utf8'))));

/**
 * Every entry equal, as bytes of JSON, to the stored one (or the file rewritten, when updating).
 * The inputs' digest is checked first, so a changed dataset or synthetic generator is named as
 * such rather than as a thousand differences.
 */
export function matchesGolden(name: string, actual: Golden): void {
  if (update) {
    writeGolden(name, actual);
    return;
  }
  const stored = readGolden(name);
  expect(actual.get('inputs'), `${name}: the records differ from those the golden file was made from`).toBe(
    stored.get('inputs'),
  );
  expect([...actual.keys()], `${name}: the same cases, in the same order`).toEqual([...stored.keys()]);
  const json = (golden: Golden, key: string) => JSON.stringify(golden.get(key));
  const differing = [...stored.keys()].filter((key) => json(actual, key) !== json(stored, key));
  if (differing.length) {
    const first = differing[0]!;
    const message = `${name}: ${differing.length} entries differ, the first is ${JSON.stringify(first)}`;
    expect(actual.get(first), message).toEqual(stored.get(first));
    expect(differing, `${name}: entries that differ`).toEqual([]);
  }
}
