import type { Card } from '../../src/cards/message.ts';
import { messageLimitProblems } from '../../src/dev/fake-discord/discord-limits.ts';
import { createOpenApiValidator } from '../../src/dev/fake-discord/openapi-validator.ts';

const validateBody = createOpenApiValidator();

/** Everything Discord would reject in a card sent as a message: the official spec, then the limits it does not express. */
export function cardProblems(card: Card | { content: string; components: Card['components'] }): string[] {
  const body = { ...card, allowed_mentions: { parse: [] } };
  return [
    ...validateBody('POST /channels/{channel_id}/messages', body),
    ...messageLimitProblems(body, { requireAllowedMentions: true }),
  ];
}

/** Renders page 0, 1, 2… of a paginated card until its Next button is gone or disabled. */
export function allPages(render: (page: number) => Card, max = 1_000): Card[] {
  const pages: Card[] = [];
  for (let page = 0; page < max; page++) {
    const card = render(page);
    pages.push(card);
    const next = card.components
      .flatMap((row) => row.components)
      .find((c) => 'label' in c && typeof c.label === 'string' && /▶/.test(c.label));
    if (!next || ('disabled' in next && next.disabled)) return pages;
  }
  throw new Error(`more than ${max} pages`);
}

export const descriptionOf = (card: Card) => card.embeds[0]?.description ?? '';
