import type { FakeMessage, Json } from './fake-discord/server.ts';

/**
 * Renders a message as text, roughly as a Discord client shows it: content, embeds with fields,
 * buttons numbered [1] [2] and select menu options lettered (a1, a2) so the playground can act on them.
 * Discord timestamps (<t:…:D>) show in UTC (a date, a date and time, or "in 3 hours"), and
 * mentions of the local server's members by name (@member2).
 */
export function renderMessage(message: FakeMessage): string {
  const lines: string[] = [];
  const flags = [
    message.flags & 64 ? 'only you can see this' : undefined,
    message.edited_timestamp ? 'edited' : undefined,
  ].filter(Boolean);
  lines.push(`── dramabot${flags.length ? ` (${flags.join(', ')})` : ''} ──`);
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds as Json[]) {
    if (embed.author?.name) lines.push(`│ ${embed.author.name}`);
    if (embed.title) lines.push(`┌ ${embed.title}`);
    if (embed.description)
      lines.push(
        ...String(embed.description)
          .split('\n')
          .map((l) => `│ ${l}`),
      );
    for (const field of embed.fields ?? []) {
      lines.push(`│ ▸ ${field.name}`);
      lines.push(
        ...String(field.value)
          .split('\n')
          .map((l) => `│   ${l}`),
      );
    }
    if (embed.footer?.text) lines.push(`└ ${embed.footer.text}`);
  }
  for (const attachment of (message.attachments as Json[]) ?? [])
    lines.push(`📎 ${attachment.filename} (${attachment.size} bytes)`);
  let button = 0;
  let menu = 0;
  for (const row of message.components) {
    const buttons: string[] = [];
    for (const component of row.components ?? []) {
      if (component.type === 2) {
        button += 1;
        buttons.push(
          `[${button}] ${component.label ?? component.emoji?.name ?? ''}${component.disabled ? ' (disabled)' : ''}`,
        );
      } else if (component.type === 3) {
        const letter = String.fromCharCode(97 + menu++);
        lines.push(`${component.placeholder ?? 'Select'}:`);
        (component.options as Json[]).forEach((o, i) => {
          lines.push(`  (${letter}${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ''}`);
        });
      }
    }
    if (buttons.length) lines.push(buttons.join('  '));
  }
  return lines
    .join('\n')
    .replace(/<t:(\d+)(?::([DdfFtTR]))?>/g, (_whole, seconds: string, style = 'f') =>
      timestamp(Number(seconds) * 1000, style),
    )
    .replace(/<@!?(\d+)>/g, (_whole, id: string) => `@${LOCAL_MEMBER.test(id) ? `member${Number(id.slice(-5))}` : id}`);
}

/** The local server's member ids (see FakeDiscord.member): shown by name, as a client would. */
const LOCAL_MEMBER = /^13000000000000\d{5}$/;

/** A Discord timestamp as a client in UTC shows it: a date, a date and time, or "in 3 hours". */
function timestamp(ms: number, style: string): string {
  const iso = new Date(ms).toISOString();
  if (style === 'd' || style === 'D') return iso.slice(0, 10);
  if (style === 't' || style === 'T') return `${iso.slice(11, 16)} UTC`;
  if (style !== 'R') return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const minutes = Math.round((ms - Date.now()) / 60_000);
  const [amount, unit] =
    Math.abs(minutes) >= 2_880
      ? [Math.round(minutes / 1_440), 'day']
      : Math.abs(minutes) >= 90
        ? [Math.round(minutes / 60), 'hour']
        : [minutes, 'minute'];
  const phrase = `${Math.abs(amount)} ${unit}${Math.abs(amount) === 1 ? '' : 's'}`;
  return amount >= 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** The n-th button (1-based, in reading order) of a message. */
export function nthButton(message: FakeMessage, n: number): Json | undefined {
  return message.components.flatMap((row) => (row.components ?? []) as Json[]).filter((c) => c.type === 2)[n - 1];
}

/** The select menu and option value for a code like "a2". */
export function selectOption(message: FakeMessage, code: string): { menu: Json; value: string } | undefined {
  const match = /^([a-z])(\d+)$/.exec(code);
  if (!match) return undefined;
  const menus = message.components.flatMap((row) => (row.components ?? []) as Json[]).filter((c) => c.type === 3);
  const menu = menus[match[1]!.charCodeAt(0) - 97];
  const option = menu?.options?.[Number(match[2]) - 1];
  return menu && option ? { menu, value: option.value } : undefined;
}
