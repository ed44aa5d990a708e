import { ButtonStyle, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Catalog } from '../catalog/catalog.ts';
import { characterNames, dramaHeading, personName } from '../catalog/names.ts';
import type { Drama } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { languageOf } from '../locale.ts';
import { genreLabels, tagLabels } from '../i18n/tags.ts';
import * as actions from './actions.ts';
import {
  COLOURS,
  LIMITS,
  button,
  discordDate,
  field,
  linkButton,
  rowsOf,
  sourcesFooter,
  type Card,
  type Locale,
} from './message.ts';
import { plain, truncate } from '../text.ts';
import { bestPage } from '../catalog/title-link.ts';

interface ServerRating {
  average: number;
  count: number;
}

export interface DramaCardExtras {
  /** This server's rating, once members have rated the drama. */
  rating?: ServerRating;
  /** More buttons from other features (Rate, Similar, Another one), after Cast / Episodes / OST. */
  buttons?: APIButtonComponentWithCustomId[];
}

export function episodesSummary(drama: Drama, locale: Locale): string {
  return drama.runtimeMinutes
    ? t(locale, 'card.episodesRuntime', { count: drama.episodeCount, minutes: drama.runtimeMinutes })
    : t(locale, 'card.episodeCount', { count: drama.episodeCount });
}

export function airedSummary(drama: Drama, locale: Locale): string {
  if (!drama.lastAirDate) return t(locale, 'card.airedSince', { from: discordDate(drama.firstAirDate) });
  if (drama.lastAirDate === drama.firstAirDate) return discordDate(drama.firstAirDate);
  return `${discordDate(drama.firstAirDate)} – ${discordDate(drama.lastAirDate)}`;
}

function peopleNames(catalog: Catalog, ids: readonly string[] | undefined, locale: Locale): string | undefined {
  if (!ids?.length) return undefined;
  return ids.map((id) => plain(personName(catalog.person(id)!, locale))).join(', ');
}

/** "6 songs: press OST", with the singers whose titles no page gives, or "No OST was released". */
function ostSummary(drama: Drama, locale: Locale): string {
  if (drama.noSoundtrack) return t(locale, 'card.ostNoSoundtrack');
  const songs = drama.soundtrack?.length ?? 0;
  const untitled = drama.otherOstArtists?.length ?? 0;
  if (!songs && !untitled) return t(locale, 'card.ostNone');
  if (!songs) return t(locale, 'card.ostUntitled', { count: untitled });
  const counted = t(locale, 'card.ostCount', { count: songs });
  return untitled ? `${counted}\n${t(locale, 'card.ostUntitledMore', { count: untitled })}` : counted;
}

/** "Park Hyung-sik as Han Sun-woo" lines that fit one field, then "…and 3 more". */
function leadingCast(drama: Drama, catalog: Catalog, locale: Locale): string {
  const leads = drama.cast.filter((c) => c.role === 'main');
  const lines = leads.map((c) =>
    t(locale, 'card.asCharacter', {
      actor: plain(personName(catalog.person(c.person)!, locale)),
      character: plain(characterNames(c.characters, locale)),
    }),
  );
  const shown: string[] = [];
  let length = 0;
  const reserve = t(locale, 'card.moreCast', { count: 999 }).length + 1;
  for (const line of lines) {
    if (length + line.length + 1 > LIMITS.fieldValue - reserve || shown.length >= 8) break;
    shown.push(line);
    length += line.length + 1;
  }
  const hidden = drama.cast.length - shown.length;
  if (hidden > 0) shown.push(t(locale, 'card.moreCast', { count: hidden }));
  return shown.join('\n');
}

/** "Airing · episode 9 <date>", "Ended", "Upcoming": what TMDB says of a synced or matched drama. */
export function airingStatus(drama: Drama, locale: Locale, now = Date.now()): string | undefined {
  const status = drama.tmdb;
  if (!status) return undefined;
  if (status.nextEpisode) {
    const { number, airDate } = status.nextEpisode;
    const when = `${discordDate(airDate)} (${discordDate(airDate, 'R')})`;
    const started = Date.parse(`${drama.firstAirDate}T00:00:00Z`) <= now;
    return t(locale, started ? 'card.statusAiring' : 'card.statusNext', { number, when });
  }
  if (status.status === 'ended') return t(locale, 'card.statusEnded');
  if (status.status === 'upcoming') return t(locale, 'card.statusUpcoming');
  return undefined;
}

/** Buttons to the drama's TMDB and IMDb pages, when it has them. */
function externalLinks(drama: Drama, locale: Locale) {
  return [
    ...(drama.tmdbId ? [linkButton(`https://www.themoviedb.org/tv/${drama.tmdbId}`, t(locale, 'button.tmdb'))] : []),
    ...(drama.tmdb?.imdbId
      ? [linkButton(`https://www.imdb.com/title/${drama.tmdb.imdbId}/`, t(locale, 'button.imdb'))]
      : []),
  ];
}

/**
 * The synopsis in the reader's language: the Korean one for a Korean reader when a source gives
 * one. Without it, a Korean reader gets the English synopsis in a field that says it is English,
 * rather than an unexplained English paragraph at the top of a Korean card.
 */
function synopsisOf(drama: Drama, locale: Locale): { description?: string; field: ReturnType<typeof field> } {
  const korean = languageOf(locale) === 'ko';
  if (korean && drama.nativeSynopsis) return { description: plain(drama.nativeSynopsis), field: [] };
  if (!drama.synopsis) return { field: [] };
  if (korean) return { field: field(t(locale, 'card.synopsisEnglish'), plain(drama.synopsis), false) };
  return { description: plain(drama.synopsis), field: [] };
}

/** The card `/drama info` posts: everything a fan wants at a glance, and buttons for the rest. */
export function renderDramaCard(drama: Drama, catalog: Catalog, locale: Locale, extras: DramaCardExtras = {}): Card {
  const tags = drama.tags && tagLabels(drama.tags, locale).join(' · ');
  const synopsis = synopsisOf(drama, locale);
  const fields = [
    ...synopsis.field,
    ...field(t(locale, 'card.year'), String(drama.year)),
    ...field(t(locale, 'card.network'), plain(drama.networks.join(', '))),
    ...field(t(locale, 'card.episodes'), episodesSummary(drama, locale)),
    ...field(t(locale, 'card.aired'), airedSummary(drama, locale)),
    ...field(t(locale, 'card.status'), airingStatus(drama, locale)),
    ...field(t(locale, 'card.genres'), genreLabels(drama.genres, locale)),
    ...field(t(locale, 'card.director'), peopleNames(catalog, drama.directors, locale)),
    ...field(t(locale, 'card.writer'), peopleNames(catalog, drama.writers, locale)),
    ...field(t(locale, 'card.ost'), ostSummary(drama, locale)),
    ...(extras.rating && extras.rating.count > 0
      ? field(
          t(locale, 'card.rating'),
          t(locale, 'card.ratingValue', { average: extras.rating.average.toFixed(1), count: extras.rating.count }),
        )
      : []),
    ...field(t(locale, 'card.leads'), leadingCast(drama, catalog, locale), false),
    ...field(t(locale, 'card.tags'), tags ? plain(tags) : undefined, false),
  ];
  return {
    embeds: [
      {
        color: COLOURS.drama,
        title: truncate(dramaHeading(drama, locale), LIMITS.title),
        url: bestPage(drama, 'tv'),
        ...(synopsis.description ? { description: synopsis.description } : {}),
        fields,
        footer: sourcesFooter(drama.sources, locale),
        ...(drama.tmdb?.posterUrl ? { thumbnail: { url: drama.tmdb.posterUrl } } : {}),
      },
    ],
    components: rowsOf([
      button(actions.drama.cast(drama.id), t(locale, 'button.cast'), { style: ButtonStyle.Primary }),
      button(actions.drama.episodes(drama.id), t(locale, 'button.episodes')),
      button(actions.ost.tracks(drama.id), t(locale, 'button.ost'), {
        disabled: !drama.soundtrack?.length && !drama.otherOstArtists?.length,
      }),
      ...(extras.buttons ?? []),
      ...externalLinks(drama, locale),
    ]),
  };
}
