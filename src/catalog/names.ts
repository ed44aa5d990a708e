import type { Character, Drama, Person, Track } from '../data/schema.ts';
import { languageOf } from '../locale.ts';

/**
 * How records are named to a user. Korean users see Hangul first, everyone else the English or
 * romanized form first; the other form follows in parentheses where there is room for it.
 */
type Locale = string | null | undefined;

const korean = (locale: Locale) => languageOf(locale) === 'ko';

export function dramaTitle(drama: Drama, locale: Locale): string {
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

/** A character's name, or, for a role no page names, its description ("Eun-soo's mother"). */
function characterName(character: Character, locale: Locale): string {
  if (korean(locale) && (character.nativeName ?? character.nativeDescription))
    return (character.nativeName ?? character.nativeDescription)!;
  return (character.name ?? character.description)!;
}

/** "Han Sun-woo / Seo-yeon": every character one actor plays in a drama. */
export function characterNames(characters: readonly Character[], locale: Locale): string {
  return characters.map((ch) => characterName(ch, locale)).join(' / ');
}

export function trackHeading(track: Track, locale: Locale): string {
  if (!track.nativeTitle || track.nativeTitle === track.title) return track.title;
  return korean(locale) ? `${track.nativeTitle} (${track.title})` : `${track.title} (${track.nativeTitle})`;
}
