import { ButtonStyle } from 'discord.js';
import type { Catalog } from '../catalog/catalog.ts';
import { t } from '../i18n/index.ts';
import type { NotFound, SuggestionOpens } from '../lookup/find.ts';
import type { SearchResult } from '../search/surfaces.ts';
import * as actions from './actions.ts';
import { choiceName } from './autocomplete.ts';
import { button, row, type Card, type Locale } from './message.ts';

/** The custom_id of a suggestion's button: what pressing it opens. */
function suggestionAction(r: SearchResult, opens: SuggestionOpens): string {
  if (r.type === 'song') return actions.ost.song(r.drama.id, r.track.track);
  if (r.type === 'person')
    return opens === 'soundtrack' ? actions.ost.artist(r.person.id) : actions.cast.card(r.person.id);
  switch (opens) {
    case 'episodes':
      return actions.drama.episodes(r.drama.id);
    case 'rate':
      return actions.rate.open(r.drama.id);
    case 'soundtrack':
      return actions.ost.tracks(r.drama.id);
    case 'watchlist':
      return actions.watchlist.add(r.drama.id);
    case 'card':
      return actions.drama.card(r.drama.id);
  }
}

/**
 * The ephemeral answer when nothing matched for sure: what was searched, then up to three buttons
 * that open what the user probably meant.
 */
export function renderDidYouMean(
  error: NotFound,
  catalog: Catalog,
  locale: Locale,
): { content: string; components: Card['components'] } {
  const shown = error.suggestions.slice(0, 3);
  const content = [
    error.text(locale),
    // A title the catalog lacks may simply not be synced yet: say how big the catalog is.
    ...(error.key === 'notFound.drama' ? [t(locale, 'notFound.catalogSize', { count: catalog.dramas.length })] : []),
    t(locale, shown.length ? 'notFound.didYouMean' : 'notFound.hint'),
  ].join('\n');
  return {
    content,
    components: shown.length
      ? [
          row(
            ...shown.map((r) =>
              button(suggestionAction(r, error.opens), choiceName(r, catalog, locale), { style: ButtonStyle.Primary }),
            ),
          ),
        ]
      : [],
  };
}
