import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
  time,
} from 'discord.js';
import { t } from '../i18n/index.ts';
import { truncate } from '../text.ts';

/**
 * The building blocks every card shares: one colour per kind, one footer, Discord's limits. Cards
 * are plain API JSON, so tests read them without Discord and discord.js sends them as they are.
 */
export interface Card {
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
}

export type Locale = string | null | undefined;

export const COLOURS = {
  drama: 0xe5484d,
  person: 0x3e8ed0,
  song: 0x8e4ec6,
  list: 0x6e7681,
  party: 0xf0a020,
} as const;

/** Discord's limits for what cards contain. */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionDescription: 100,
  placeholder: 150,
} as const;

/**
 * A date of Korean broadcast as a Discord timestamp, so each viewer reads it in their own
 * language. The instant is 12:00 UTC (21:00 in Korea, prime time), which falls on the same
 * calendar day from UTC-11 to UTC+11; midnight would show the day before across the Americas.
 */
export function discordDate(isoDate: string, style: 'D' | 'd' | 'R' = 'D'): string {
  return time(Date.parse(`${isoDate}T12:00:00Z`) / 1000, style);
}

/** An instant (ms since the epoch) as a Discord timestamp: each member reads it in their own zone. */
export const timestamp = (ms: number, style: 'R' | 'f' | 'F' | 'd' = 'f') => time(Math.floor(ms / 1000), style);

/**
 * "Sources: en.wikipedia.org, soompi.com +3 · dramabot": where the facts come from, on every card.
 * The most cited hosts come first. A list of many records points to their cards instead.
 */
export function sourcesFooter(
  sources: readonly string[] | 'on-cards',
  locale: Locale,
  page?: { page: number; pages: number },
): { text: string } {
  const parts = [
    page && page.pages > 1 ? t(locale, 'footer.page', { page: page.page + 1, pages: page.pages }) : undefined,
  ];
  if (sources === 'on-cards') parts.push(t(locale, 'footer.sourcesOnCards'));
  else {
    const counts = new Map<string, number>();
    for (const host of sources.map(hostOf)) counts.set(host, (counts.get(host) ?? 0) + 1);
    const hosts = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
    const shown = hosts.slice(0, 2).join(', ');
    parts.push(
      t(locale, 'footer.sources', {
        hosts: hosts.length > 2 ? t(locale, 'footer.moreSources', { hosts: shown, more: hosts.length - 2 }) : shown,
      }),
    );
    // TMDB's terms ask for credit wherever its data is shown.
    if (sources.some((url) => hostOf(url) === 'themoviedb.org')) parts.push(t(locale, 'footer.tmdb'));
  }
  parts.push('dramabot');
  return { text: truncate(parts.filter(Boolean).join(' · '), LIMITS.footer) };
}

/** "Page 2/5 · dramabot", or just "dramabot": the footer of a paged list that cites no sources. */
export function pageFooter(page: number, pages: number, locale: Locale): { text: string } {
  return {
    text: [pages > 1 ? t(locale, 'footer.page', { page: page + 1, pages }) : undefined, 'dramabot']
      .filter(Boolean)
      .join(' · '),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function button(
  customId: string,
  label: string,
  options: {
    disabled?: boolean;
    style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
  } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: truncate(label, LIMITS.buttonLabel),
    style: options.style ?? ButtonStyle.Secondary,
    ...(options.disabled ? { disabled: true } : {}),
  };
}

/** A button that opens a web page (TMDB, IMDb): Discord opens it, the bot never hears of it. */
export function linkButton(url: string, label: string): APIButtonComponentWithURL {
  return { type: ComponentType.Button, style: ButtonStyle.Link, url, label: truncate(label, LIMITS.buttonLabel) };
}

export function row(
  ...components: APIComponentInMessageActionRow[]
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: ComponentType.ActionRow, components };
}

/** Buttons five to a row, at most five rows (Discord's limits); any beyond 25 are left out. */
export function rowsOf(
  buttons: Array<APIButtonComponentWithCustomId | APIButtonComponentWithURL>,
): Array<APIActionRowComponent<APIComponentInMessageActionRow>> {
  const rows: Array<APIActionRowComponent<APIComponentInMessageActionRow>> = [];
  for (let i = 0; i < Math.min(buttons.length, 25); i += 5) rows.push(row(...buttons.slice(i, i + 5)));
  return rows;
}

export interface MenuOption {
  label: string;
  value: string;
  description?: string;
}

/** A select menu, alone in its row as Discord requires; options beyond 25 are left out. */
export function selectMenu(
  customId: string,
  placeholder: string,
  options: MenuOption[],
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const seen = new Set<string>();
  const unique = options.filter((o) => !seen.has(o.value) && seen.add(o.value)).slice(0, LIMITS.selectOptions);
  return row({
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: truncate(placeholder, LIMITS.placeholder),
    options: unique.map(
      (o): APISelectMenuOption => ({
        label: truncate(o.label, LIMITS.optionLabel),
        value: o.value,
        ...(o.description ? { description: truncate(o.description, LIMITS.optionDescription) } : {}),
      }),
    ),
  });
}

/** An inline field, left out when there is nothing to say (Discord rejects empty values). */
export function field(name: string, value: string | undefined, inline = true): APIEmbedField[] {
  if (!value) return [];
  return [{ name: truncate(name, LIMITS.fieldName), value: truncate(value, LIMITS.fieldValue), inline }];
}
