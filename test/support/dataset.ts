import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drama, Person } from '../../src/data/schema.ts';
import { tempDir } from './harness.ts';

export const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  sources: [`https://example.org/${id}`],
  ...extra,
});

export function drama(id: string, extra: Partial<Drama> = {}): Drama {
  return {
    id,
    title: 'Test Drama',
    nativeTitle: '테스트',
    country: 'KR',
    year: 2022,
    firstAirDate: '2022-03-23',
    lastAirDate: '2022-04-13',
    networks: ['Disney+'],
    episodeCount: 2,
    episodes: [{ number: 1 }, { number: 2 }],
    genres: ['romance'],
    synopsis: 'Two friends of twenty years share a house for two weeks.',
    cast: [{ person: 'lead', role: 'main', characters: [{ name: 'Han Sun-woo' }] }],
    sources: [`https://example.org/${id}`],
    ...extra,
  };
}

/** Writes a dataset folder; values that are strings are written as-is (to make broken JSON). */
export function writeDataset(dramas: Record<string, Drama | string>, people: Record<string, Person | string>): string {
  const dir = tempDir('dramabot-data-');
  mkdirSync(join(dir, 'dramas'));
  mkdirSync(join(dir, 'people'));
  for (const [file, value] of Object.entries(dramas))
    writeFileSync(join(dir, 'dramas', file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  for (const [file, value] of Object.entries(people))
    writeFileSync(join(dir, 'people', file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return dir;
}
