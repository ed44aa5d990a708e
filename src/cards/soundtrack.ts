import { ButtonStyle } from 'discord.js';
import type { Catalog, SongRef } from '../catalog/catalog.ts';
import { dramaHeading, dramaTitle, personCredit, personHeading, personName, trackHeading } from '../catalog/names.ts';
import type { Drama, Person, Track } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import * as actions from './actions.ts';
import { dramaListPage } from './drama-lists.ts';
import {
  COLOURS,
  LIMITS,
  button,
  discordDate,
  field,
  row,
  selectMenu,
  sourcesFooter,
  type Card,
  type Locale,
} from './message.ts';
import { plain, truncate } from '../text.ts';
import { clampPage, pagerRow, paginate, renderPage } from './pages.ts';
import { bestPage } from '../catalog/title-link.ts';

const songValue = (drama: Drama, track: Track) => `s:${drama.id}:${track.track}`;

function partLabel(track: Track, locale: Locale): string {
  return track.part
    ? t(locale, 'list.partLabel', { part: track.part })
    : t(locale, 'list.trackLabel', { track: track.track });
}

function artistNames(catalog: Catalog, ids: readonly string[], locale: Locale): string {
  return ids.map((id) => personName(catalog.person(id)!, locale)).join(', ');
}

/** "Part 1 · Love Beyond Words", or "OST (title not recorded)" for a singer no page gives a title for. */
export function songCreditText(track: Track | undefined, locale: Locale): string {
  return track ? `${partLabel(track, locale)} · ${plain(trackHeading(track, locale))}` : t(locale, 'list.untitledSong');
}

/** "Also sang for the OST: Standing Egg, Lee Hi (titles not recorded)", when a page names singers but not songs. */
function otherOstArtistsLine(drama: Drama, catalog: Catalog, locale: Locale): string | undefined {
  if (!drama.otherOstArtists?.length) return undefined;
  return t(locale, 'list.otherOstArtists', { artists: plain(artistNames(catalog, drama.otherOstArtists, locale)) });
}

function songMenu(songs: SongRef[], catalog: Catalog, locale: Locale, withDrama: boolean) {
  return songs.length
    ? [
        selectMenu(
          actions.ost.openSong(),
          t(locale, 'menu.openSong'),
          songs.map(({ drama, track }) => ({
            label: trackHeading(track, locale),
            value: songValue(drama, track),
            description: withDrama
              ? `${dramaTitle(drama, locale)} · ${partLabel(track, locale)}`
              : artistNames(catalog, track.artists, locale),
          })),
        ),
      ]
    : [];
}

/**
 * A drama's whole soundtrack in release order: part, song, singers, release date; then the singers
 * a page names without a song title. A drama known to have no OST says so.
 */
export function renderTracklist(drama: Drama, catalog: Catalog, locale: Locale, requestedPage = 0): Card {
  const tracks = drama.soundtrack ?? [];
  const others = otherOstArtistsLine(drama, catalog, locale);
  const items: Array<{ track?: Track; text: string }> = tracks.map((track) => ({
    track,
    text: [
      `**${partLabel(track, locale)}**`,
      `${plain(trackHeading(track, locale))} — ${plain(artistNames(catalog, track.artists, locale))}`,
      track.releaseDate ? discordDate(track.releaseDate) : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  if (others) items.push({ text: others });
  const pages = paginate(items, undefined, locale) as Array<typeof items>;
  const page = clampPage(requestedPage, pages.length);
  const heading = plain(dramaHeading(drama, locale));
  const description = items.length
    ? renderPage(pages, page, locale)
    : t(locale, drama.noSoundtrack ? 'list.noSoundtrack' : 'list.noTracks', { drama: heading });
  const embed = {
    ...dramaListPage(drama, locale, 'list.tracks', description, page, pages.length),
    color: COLOURS.song,
  };
  return {
    embeds: [embed],
    components: [
      ...songMenu(
        pages[page]!.flatMap(({ track }) => (track ? [{ drama, track }] : [])),
        catalog,
        locale,
        false,
      ),
      ...pagerRow((p) => actions.ost.tracks(drama.id, p), page, pages.length, locale),
    ],
  };
}

/** One song: which drama, who sings it, when it came out, where it plays. */
export function renderSongCard(drama: Drama, track: Track, catalog: Catalog, locale: Locale): Card {
  const firstArtist = catalog.person(track.artists[0]!)!;
  return {
    embeds: [
      {
        color: COLOURS.song,
        title: truncate(trackHeading(track, locale), LIMITS.title),
        description: plain(t(locale, 'song.ost', { drama: dramaHeading(drama, locale) })),
        fields: [
          ...field(
            t(locale, 'card.artists'),
            plain(track.artists.map((id) => personCredit(catalog.person(id)!, locale)).join(', ')),
          ),
          ...field(t(locale, 'card.part'), partLabel(track, locale)),
          ...field(t(locale, 'card.released'), track.releaseDate ? discordDate(track.releaseDate) : undefined),
          ...field(
            t(locale, 'card.playsIn'),
            track.episode ? t(locale, 'card.episodeNumber', { number: track.episode }) : undefined,
          ),
          ...field(
            t(locale, 'card.drama'),
            `${plain(dramaHeading(drama, locale))} · ${drama.year} · ${plain(drama.networks.join(', '))}`,
            false,
          ),
        ],
        footer: sourcesFooter(drama.sources, locale),
      },
    ],
    components: [
      row(
        button(actions.ost.tracks(drama.id), t(locale, 'button.tracklist'), { style: ButtonStyle.Primary }),
        button(actions.drama.card(drama.id), t(locale, 'button.dramaCard')),
        button(
          actions.ost.artist(firstArtist.id),
          t(locale, 'button.moreBy', { artist: personName(firstArtist, locale) }),
        ),
      ),
    ],
  };
}

/** A singer's soundtrack songs across dramas, newest first, with the OSTs they sang for untitled. */
export function renderArtistSongs(person: Person, catalog: Catalog, locale: Locale, requestedPage = 0): Card {
  const credits = catalog.creditsOf(person.id).filter((c) => c.kind === 'artist');
  const items = credits.map((c) => ({
    song: c.track ? { drama: c.drama, track: c.track } : undefined,
    text: `${c.drama.year} · **${plain(dramaTitle(c.drama, locale))}** · ${songCreditText(c.track, locale)}`,
  }));
  const pages = paginate(items, undefined, locale) as Array<typeof items>;
  const page = clampPage(requestedPage, pages.length);
  return {
    embeds: [
      {
        color: COLOURS.song,
        title: truncate(t(locale, 'list.artistSongs', { artist: personHeading(person, locale) }), LIMITS.title),
        url: bestPage(person, 'person'),
        description: items.length ? renderPage(pages, page, locale) : t(locale, 'card.noCredits'),
        footer: sourcesFooter(person.sources, locale, { page, pages: pages.length }),
      },
    ],
    components: [
      ...songMenu(
        pages[page]!.flatMap((i) => (i.song ? [i.song] : [])),
        catalog,
        locale,
        true,
      ),
      ...pagerRow((p) => actions.ost.artist(person.id, p), page, pages.length, locale),
    ],
  };
}
