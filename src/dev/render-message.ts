import type { FakeMessage, Json } from './fake-discord/server.ts';

/**
 * Renders a message as text, roughly as a Discord client shows it: content, embeds with fields,
 * buttons numbered [1] [2] and select menu options lettered (a1, a2) so the playground can act on them.
 * Discord timestamps (<t:…:D>) show as the UTC date, as most clients would show them.
 */
export function renderMessage(message: FakeMessage): string {
  const lines: string[] = [];
  const flags = [message.flags & 64 ? 'only you can see this' : undefined, message.edited_timestamp ? 'edited' : undefined].filter(Boolean);
  lines.push(`── dramabot${flags.length ? ` (${flags.join(', ')})` : ''} ──`);
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds as Json[]) {
    if (embed.author?.name) lines.push(`│ ${embed.author.name}`);
    if (embed.title) lines.push(`┌ ${embed.title}`);
    if (embed.description) lines.push(...String(embed.description).split('\n').map((l) => `│ ${l}`));
    for (const field of embed.fields ?? []) {
      lines.push(`│ ▸ ${field.name}`);
      lines.push(...String(field.value).split('\n').map((l) => `│   ${l}`));
    }
    if (embed.footer?.text) lines.push(`└ ${embed.footer.text}`);
  }
  for (const attachment of (message.attachments as Json[]) ?? []) lines.push(`📎 ${attachment.filename} (${attachment.size} bytes)`);
  let button = 0;
  let menu = 0;
  for (const row of message.components) {
    const buttons: string[] = [];
    for (const component of row.components ?? []) {
      if (component.type === 2) {
        button += 1;
        buttons.push(`[${button}] ${component.label ?? component.emoji?.name ?? ''}${component.disabled ? ' (disabled)' : ''}`);
      } else if (component.type === 3) {
        const letter = String.fromCharCode(97 + menu++);
        lines.push(`${component.placeholder ?? 'Select'}:`);
        (component.options as Json[]).forEach((o, i) => lines.push(`  (${letter}${i + 1}) ${o.label}${o.description ? ` — ${o.description}` : ''}`));
      }
    }
    if (buttons.length) lines.push(buttons.join('  '));
  }
  return lines.join('\n').replace(/<t:(\d+):[DdfFtTR]>/g, (_whole, seconds: string) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10));
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
