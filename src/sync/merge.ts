import type { Drama, Person } from '../data/schema.ts';
import { words } from '../search/normalize.ts';
import {
  dramasOf,
  peopleOf,
  personRecord,
  tmdbPersonPage,
  tmdbSeriesPage,
  type CreditKind,
  type SyncedDrama,
  type TmdbPerson,
} from './records.ts';
import type { SeriesSnapshot } from './snapshot.ts';
import type { SyncState } from './synced-files.ts';

/**
 * Curated files and synced TMDB series become one catalog. The rules:
 * - A TMDB season that is a curated drama (same `tmdbId`, or same Hangul title and first air date)
 *   is not a second drama: it only fills what the curated record lacks (poster, episode dates,
 *   titles and runtimes, later episodes of a drama still airing), never a curated fact.
 * - A TMDB person becomes a curated person only on evidence stronger than a shared name: the
 *   curated file's `tmdbId`; or a credit in the same role on a drama both sides hold, under a
 *   name the curated person goes by; or, failing that, the same romanized and Hangul name, the
 *   same kind of work, and nobody else on either side who fits. 김희원 the actor and 김희원 the
 *   director of Vincenzo stay two people.
 */
export interface MergeResult {
  dramas: Drama[];
  people: Person[];
  /** Curated dramas and people that TMDB records were matched to. */
  matchedDramas: number;
  matchedPeople: number;
  /** Synced dramas and people added beside the curated ones. */
  syncedDramas: number;
  syncedPeople: number;
  /** What was left out, and why: data:check prints these. */
  notes: string[];
}

export interface SyncedInput {
  snapshots: readonly SeriesSnapshot[];
  images: SyncState['images'];
  /** The file of each snapshot, for notes. */
  fileOf?: (tmdbId: number) => string;
}

/** "Park Hyung-sik", "Park Hyungsik" and "park hyung sik" are one key; Hangul keeps its syllables. */
const nameKey = (name: string) => words(name).join('');
const titleKey = (title: string) => words(title).join('');

function namesOf(person: Person): Set<string> {
  return new Set(
    [person.name, ...(person.altNames ?? []), ...(person.nativeName ? [person.nativeName] : [])].map(nameKey),
  );
}

function goesBy(curated: Person, tmdb: TmdbPerson): boolean {
  const names = namesOf(curated);
  return names.has(nameKey(tmdb.name)) || (!!tmdb.nativeName && names.has(nameKey(tmdb.nativeName)));
}

function curatedCredits(drama: Drama, kind: CreditKind): string[] {
  if (kind === 'cast') return drama.cast.map((c) => c.person);
  return (kind === 'director' ? drama.directors : drama.writers) ?? [];
}

/** Which curated drama a synced season is, if any. */
function dramaMatcher(curated: readonly Drama[]) {
  const byTmdb = new Map<number, Drama[]>();
  const byTitleAndDate = new Map<string, Drama>();
  for (const d of curated) {
    if (d.tmdbId !== undefined) byTmdb.set(d.tmdbId, [...(byTmdb.get(d.tmdbId) ?? []), d]);
    byTitleAndDate.set(`${titleKey(d.nativeTitle)}|${d.firstAirDate}`, d);
  }
  return (synced: SyncedDrama): Drama | undefined => {
    const tied = byTmdb.get(synced.drama.tmdbId!);
    if (tied) {
      // Several seasons curated apart share the series id: the first air date picks the season.
      const sameDate = tied.find((d) => d.firstAirDate === synced.drama.firstAirDate);
      if (sameDate || synced.season !== 1) return sameDate;
      return [...tied].sort((a, b) => (a.firstAirDate < b.firstAirDate ? -1 : 1))[0];
    }
    return byTitleAndDate.get(`${titleKey(synced.drama.nativeTitle)}|${synced.drama.firstAirDate}`);
  };
}

/** Fills only what the curated drama lacks. */
function fillDrama(curated: Drama, synced: Drama): Drama {
  const run = (date: string | undefined, last = curated.lastAirDate) =>
    !!date && date >= curated.firstAirDate && (!last || date <= last);
  const episodes = curated.episodes.map((e) => {
    const t = synced.episodes[e.number - 1];
    if (!t) return e;
    return {
      ...e,
      ...(e.airDate === undefined && run(t.airDate) ? { airDate: t.airDate } : {}),
      ...(e.runtimeMinutes === undefined && t.runtimeMinutes ? { runtimeMinutes: t.runtimeMinutes } : {}),
      ...(e.title === undefined && t.title ? { title: t.title } : {}),
    };
  });
  // Later episodes only for a drama the curated file leaves open (no last air date yet).
  if (!curated.lastAirDate)
    for (const t of synced.episodes.slice(curated.episodes.length))
      episodes.push({
        ...t,
        number: episodes.length + 1,
        ...(t.airDate && !run(t.airDate) ? { airDate: undefined } : {}),
      });
  const cleanEpisodes = episodes.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)));
  const page = synced.sources[0]!;
  return {
    ...curated,
    tmdbId: curated.tmdbId ?? synced.tmdbId,
    ...(curated.lastAirDate
      ? {}
      : synced.lastAirDate && run(synced.lastAirDate, undefined)
        ? { lastAirDate: synced.lastAirDate }
        : {}),
    ...(curated.runtimeMinutes || !synced.runtimeMinutes ? {} : { runtimeMinutes: synced.runtimeMinutes }),
    ...(curated.nativeSynopsis || !synced.nativeSynopsis ? {} : { nativeSynopsis: synced.nativeSynopsis }),
    episodes: cleanEpisodes as Drama['episodes'],
    episodeCount: cleanEpisodes.length,
    sources: curated.sources.includes(page) ? curated.sources : [...curated.sources, page],
    ...(synced.tmdb ? { tmdb: synced.tmdb } : {}),
  };
}

function fillPerson(curated: Person, tmdb: TmdbPerson, images: SyncState['images']): Person {
  const record = personRecord(tmdb, images);
  const page = tmdbPersonPage(tmdb.tmdbId);
  return {
    ...curated,
    tmdbId: curated.tmdbId ?? tmdb.tmdbId,
    ...(curated.nativeName || !tmdb.nativeName ? {} : { nativeName: tmdb.nativeName }),
    ...(curated.photoUrl || !record.photoUrl ? {} : { photoUrl: record.photoUrl }),
    sources: curated.sources.includes(page) ? curated.sources : [...curated.sources, page],
  };
}

export function mergeCatalog(curated: { dramas: Drama[]; people: Person[] }, input: SyncedInput): MergeResult {
  const notes: string[] = [];
  const fileOf = input.fileOf ?? ((id: number) => tmdbSeriesPage(id));
  const synced = input.snapshots.flatMap((s) => dramasOf(s, input.images, fileOf(s.tmdbId)));
  const tmdbPeople = new Map<number, TmdbPerson>();
  for (const s of input.snapshots)
    for (const p of peopleOf(s)) if (!tmdbPeople.has(p.tmdbId)) tmdbPeople.set(p.tmdbId, p);

  // 1. Dramas: which synced seasons are curated dramas. Each curated drama takes at most one.
  const matchOf = dramaMatcher(curated.dramas);
  const pairs = new Map<SyncedDrama, Drama>();
  const taken = new Map<string, SyncedDrama>();
  for (const s of synced) {
    const c = matchOf(s);
    if (!c) continue;
    const first = taken.get(c.id);
    if (first) {
      notes.push(
        `${s.file}: TMDB ${s.drama.tmdbId} is also ${c.id}, already matched to TMDB ${first.drama.tmdbId}; left out`,
      );
      pairs.set(s, c);
      continue;
    }
    taken.set(c.id, s);
    pairs.set(s, c);
  }

  // 2. People: TMDB person id → curated person id, on evidence.
  const curatedById = new Map(curated.people.map((p) => [p.id, p]));
  const links = new Map<number, string>();
  const claimed = new Map<string, number>();
  const link = (tmdbId: number, personId: string) => {
    if (links.has(tmdbId) || claimed.has(personId)) return;
    links.set(tmdbId, personId);
    claimed.set(personId, tmdbId);
  };
  for (const p of curated.people) if (p.tmdbId !== undefined && tmdbPeople.has(p.tmdbId)) link(p.tmdbId, p.id);
  // Shared credits. Candidates are collected first, so one ambiguous pairing links nobody.
  const candidates = new Map<number, Set<string>>();
  for (const [s, c] of pairs) {
    for (const credit of s.credits) {
      const tmdb = tmdbPeople.get(credit.tmdbPersonId);
      if (!tmdb || links.has(tmdb.tmdbId)) continue;
      const fits = curatedCredits(c, credit.kind).filter((id) => {
        const person = curatedById.get(id);
        return person && goesBy(person, tmdb);
      });
      for (const id of fits) candidates.set(tmdb.tmdbId, (candidates.get(tmdb.tmdbId) ?? new Set()).add(id));
    }
  }
  const wantedBy = new Map<string, number[]>();
  for (const [tmdbId, ids] of candidates)
    if (ids.size === 1) {
      const id = [...ids][0]!;
      wantedBy.set(id, [...(wantedBy.get(id) ?? []), tmdbId]);
    }
  for (const [id, tmdbIds] of wantedBy) if (tmdbIds.length === 1) link(tmdbIds[0]!, id);

  // Same romanized and Hangul name and same kind of work, unique on both sides.
  const kindsOfCurated = new Map<string, Set<CreditKind>>();
  for (const d of curated.dramas)
    for (const kind of ['cast', 'director', 'writer'] as const)
      for (const id of curatedCredits(d, kind)) kindsOfCurated.set(id, (kindsOfCurated.get(id) ?? new Set()).add(kind));
  const kindsOfTmdb = new Map<number, Set<CreditKind>>();
  for (const s of synced)
    for (const credit of s.credits)
      kindsOfTmdb.set(credit.tmdbPersonId, (kindsOfTmdb.get(credit.tmdbPersonId) ?? new Set()).add(credit.kind));
  const identity = (name: string, nativeName: string, kind: CreditKind) =>
    `${nameKey(name)}|${nameKey(nativeName)}|${kind}`;
  const curatedByIdentity = new Map<string, string[]>();
  for (const p of curated.people) {
    if (!p.nativeName || claimed.has(p.id)) continue;
    for (const kind of kindsOfCurated.get(p.id) ?? [])
      for (const name of [p.name, ...(p.altNames ?? [])]) {
        const key = identity(name, p.nativeName, kind);
        const list = curatedByIdentity.get(key) ?? [];
        if (!list.includes(p.id)) curatedByIdentity.set(key, [...list, p.id]);
      }
  }
  const tmdbByIdentity = new Map<string, number[]>();
  for (const p of tmdbPeople.values()) {
    if (!p.nativeName) continue;
    for (const kind of kindsOfTmdb.get(p.tmdbId) ?? []) {
      const key = identity(p.name, p.nativeName, kind);
      tmdbByIdentity.set(key, [...(tmdbByIdentity.get(key) ?? []), p.tmdbId]);
    }
  }
  for (const [key, tmdbIds] of tmdbByIdentity) {
    const people = curatedByIdentity.get(key);
    if (tmdbIds.length === 1 && people?.length === 1 && !links.has(tmdbIds[0]!)) link(tmdbIds[0]!, people[0]!);
  }

  // 3. People out: curated ones (with what TMDB adds), then the TMDB people nobody curated.
  const people = curated.people.map((p) => {
    const tmdbId = claimed.get(p.id);
    return tmdbId === undefined ? p : fillPerson(p, tmdbPeople.get(tmdbId)!, input.images);
  });
  const usedIds = new Set(people.map((p) => p.id));
  const personIdFor = new Map<number, string>(links);
  const newPeople = new Map<number, Person>();
  const resolve = (tmdbId: number): string | undefined => {
    const known = personIdFor.get(tmdbId);
    if (known) return known;
    const tmdb = tmdbPeople.get(tmdbId);
    if (!tmdb) return undefined;
    const record = personRecord(tmdb, input.images);
    if (usedIds.has(record.id)) return undefined;
    usedIds.add(record.id);
    newPeople.set(tmdbId, record);
    personIdFor.set(tmdbId, record.id);
    return record.id;
  };

  // 4. Dramas out: curated ones (filled where matched), then the synced seasons nobody curated.
  const filled = new Map<string, Drama>();
  for (const [s, c] of pairs) if (taken.get(c.id) === s) filled.set(c.id, fillDrama(c, s.drama));
  const dramas = curated.dramas.map((d) => filled.get(d.id) ?? d);
  const dramaIds = new Set(dramas.map((d) => d.id));
  let syncedDramas = 0;
  for (const s of synced) {
    if (pairs.has(s)) continue;
    if (dramaIds.has(s.drama.id)) {
      notes.push(`${s.file}: id ${s.drama.id} is taken; left out`);
      continue;
    }
    const cast = new Map<string, NonNullable<Drama['cast']>[number]>();
    const directors: string[] = [];
    const writers: string[] = [];
    for (const credit of s.credits) {
      const id = resolve(credit.tmdbPersonId);
      if (!id) continue;
      if (credit.kind === 'cast' && !cast.has(id))
        cast.set(id, { person: id, role: credit.role!, characters: credit.characters! });
      if (credit.kind === 'director' && !directors.includes(id)) directors.push(id);
      if (credit.kind === 'writer' && !writers.includes(id)) writers.push(id);
    }
    dramaIds.add(s.drama.id);
    dramas.push({
      ...s.drama,
      cast: [...cast.values()],
      ...(directors.length ? { directors } : {}),
      ...(writers.length ? { writers } : {}),
    });
    syncedDramas++;
  }
  return {
    dramas,
    people: [...people, ...newPeople.values()],
    matchedDramas: filled.size,
    matchedPeople: claimed.size,
    syncedDramas,
    syncedPeople: newPeople.size,
    notes,
  };
}
