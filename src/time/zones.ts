/**
 * Time zones as people type them: IANA names in any case ("europe/berlin"), a city of an IANA
 * name ("Berlin", "Los Angeles"), and common names and abbreviations ("KST", "Pacific", "CET").
 * Every answer is an IANA name, so daylight saving follows the zone's own rules.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/**
 * Names that are not IANA zones or cities. Abbreviations that mean several zones (CST is China and
 * US Central, IST is India and Ireland) follow the most common use among this bot's users and are
 * shown back resolved, so a wrong guess is visible at once.
 */
const COMMON_NAMES: Record<string, string> = {
  kst: 'Asia/Seoul',
  korea: 'Asia/Seoul',
  'south korea': 'Asia/Seoul',
  jst: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  utc: 'UTC',
  gmt: 'UTC',
  z: 'UTC',
  uk: 'Europe/London',
  bst: 'Europe/London',
  cet: 'Europe/Berlin',
  cest: 'Europe/Berlin',
  'central european': 'Europe/Berlin',
  eet: 'Europe/Athens',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mountain: 'America/Denver',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  central: 'America/Chicago',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  eastern: 'America/New_York',
  ist: 'Asia/Kolkata',
  india: 'Asia/Kolkata',
  sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong',
  pht: 'Asia/Manila',
  philippines: 'Asia/Manila',
  wib: 'Asia/Jakarta',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  nzst: 'Pacific/Auckland',
  brt: 'America/Sao_Paulo',
};

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
}

let byFoldedName: Map<string, string> | undefined;

/** IANA names and their cities, folded: "america/los angeles" and "los angeles" → America/Los_Angeles. */
function ianaNames(): Map<string, string> {
  if (byFoldedName) return byFoldedName;
  byFoldedName = new Map();
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  for (const zone of zones) byFoldedName.set(fold(zone), zone);
  for (const zone of zones) {
    const city = fold(zone.split('/').pop()!);
    if (!byFoldedName.has(city)) byFoldedName.set(city, zone);
  }
  return byFoldedName;
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone a person meant, or undefined when the text names none. */
export function resolveTimeZone(input: string): string | undefined {
  const folded = fold(input);
  if (!folded || folded.length > 64) return undefined;
  const found = COMMON_NAMES[folded] ?? ianaNames().get(folded);
  if (found) return found;
  // Links Intl knows but does not list (Asia/Calcutta, US/Pacific): accept the exact spelling.
  const spelled = input.trim();
  return /^[A-Za-z_]+(?:\/[A-Za-z_+-]+)+$/.test(spelled) && isValidZone(spelled) ? spelled : undefined;
}

/** Up to `limit` IANA zones and common names that start with (or contain) what was typed, for autocomplete. */
export function timeZoneSuggestions(typed: string, limit = 25): string[] {
  const folded = fold(typed);
  const zones = [...new Set(ianaNames().values())].sort();
  if (!folded)
    return [DEFAULT_TIME_ZONE, 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'UTC'];
  const exact = resolveTimeZone(typed);
  const starts = zones.filter((z) => fold(z).startsWith(folded) || fold(z.split('/').pop()!).startsWith(folded));
  const contains = zones.filter((z) => !starts.includes(z) && fold(z).includes(folded));
  return [...new Set([...(exact ? [exact] : []), ...starts, ...contains])].slice(0, limit);
}
