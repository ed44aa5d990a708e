import type { Character, Drama, Person, Track } from '../data/schema.ts';
import { languageOf } from '../locale.ts';

/**
 * How records are named to a user: the one place that decides. A Korean reader sees each person,
 * character, title and song in Hangul wherever the data has a Hangul form, and in its romanized or
 * English form alone otherwise; everyone else sees the English or romanized form. Names in running
 * text and lists are one form each (personName, characterName...); a card's own heading gives the
 * other form in parentheses (personHeading, dramaHeading...), and so, for English readers only,
 * does a person in a field of their own (personCredit).
 */
type Locale = string | null | undefined;

const korean = (locale: Locale) => languageOf(locale) === 'ko';

export function dramaTitle(drama: Pick<Drama, 'title' | 'nativeTitle'>, locale: Locale): string {
  return korean(locale) ? drama.nativeTitle : drama.title;
}

/** "Soundtrack #1 (사운드트랙 #1)", or "사운드트랙 #1 (Soundtrack #1)" for Korean users. */
export function dramaHeading(drama: Drama, locale: Locale): string {
  const [first, second] = korean(locale) ? [drama.nativeTitle, drama.title] : [drama.title, drama.nativeTitle];
  return first === second ? first : `${first} (${second})`;
}

export function personName(person: Person, locale: Locale): string {
  return korean(locale) && person.nativeName ? person.nativeName : person.name;
}

export function personHeading(person: Person, locale: Locale): string {
  if (!person.nativeName) return person.name;
  return korean(locale) ? `${person.nativeName} (${person.name})` : `${person.name} (${person.nativeName})`;
}

/**
 * A person in a card field of their own (who sings a song, the group a singer belongs to): an
 * English reader also gets the Hangul, to find them on Korean pages ("Kyuhyun (규현)"); a Korean
 * reader gets the Hangul alone, like everywhere else.
 */
export function personCredit(person: Person, locale: Locale): string {
  return korean(locale) ? personName(person, locale) : personHeading(person, locale);
}

/** A character's name, or, for a role no page names, its description ("Eun-soo's mother"). */
export function characterName(character: Character, locale: Locale): string {
  if (korean(locale) && (character.nativeName ?? character.nativeDescription))
    return (character.nativeName ?? character.nativeDescription)!;
  return (character.name ?? character.description)!;
}

/** "Han Sun-woo / Seo-yeon": every character one actor plays in a drama. */
export function characterNames(characters: readonly Character[], locale: Locale): string {
  return characters.map((ch) => characterName(ch, locale)).join(' / ');
}

/** A song's title: its Hangul title for a Korean reader when it has one. */
export function trackTitle(track: Track, locale: Locale): string {
  return korean(locale) && track.nativeTitle ? track.nativeTitle : track.title;
}

/** Whether `text` names this character in any form (name, Hangul name or another spelling). */
export function isCharacterNamed(character: Character, text: string): boolean {
  return [character.name, character.nativeName, ...(character.altNames ?? [])].includes(text);
}

export function trackHeading(track: Track, locale: Locale): string {
  if (!track.nativeTitle || track.nativeTitle === track.title) return track.title;
  return korean(locale) ? `${track.nativeTitle} (${track.title})` : `${track.title} (${track.nativeTitle})`;
}
