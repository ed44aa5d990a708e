/**
 * Limits Discord enforces that the OpenAPI spec does not express, plus the project's own rule that
 * every message sets allowed_mentions. Returns what a body breaks.
 */
type Body = Record<string, unknown>;
interface Embed {
  title?: string | null;
  description?: string | null;
  fields?: Array<{ name?: string; value?: string }> | null;
  footer?: { text?: string } | null;
  author?: { name?: string } | null;
}

const IS_COMPONENTS_V2 = 1 << 15;

export function embedCharacters(embeds: Embed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text?.length ?? 0) +
      (e.author?.name?.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + (f.name?.length ?? 0) + (f.value?.length ?? 0), 0),
    0,
  );
}

export function messageLimitProblems(
  body: Body,
  { requireAllowedMentions }: { requireAllowedMentions: boolean },
): string[] {
  const problems: string[] = [];
  const embeds = (body.embeds as Embed[] | null | undefined) ?? [];
  const total = embedCharacters(embeds);
  if (total > 6000) problems.push(`embeds hold ${total} characters (Discord's limit per message is 6000)`);
  embeds.forEach((embed, i) => {
    (embed.fields ?? []).forEach((field, j) => {
      if (!field.name) problems.push(`/embeds/${i}/fields/${j}/name is empty (Discord rejects empty field names)`);
      if (!field.value) problems.push(`/embeds/${i}/fields/${j}/value is empty (Discord rejects empty field values)`);
    });
  });
  const components =
    (body.components as Array<{ type: number; components?: Array<{ type: number }> }> | null | undefined) ?? [];
  const flags = Number(body.flags ?? 0);
  if (!(flags & IS_COMPONENTS_V2)) {
    if (components.length > 5) problems.push(`${components.length} action rows (max 5)`);
    components.forEach((row, i) => {
      const inner = row.components ?? [];
      if (inner.some((c) => c.type !== 2) && inner.length > 1)
        problems.push(`/components/${i}: a select menu must be alone in its row`);
    });
  }
  const ids = components
    .flatMap((row) => (row.components ?? []) as Array<{ custom_id?: string }>)
    .flatMap((c) => (c.custom_id ? [c.custom_id] : []));
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) problems.push(`custom_id used twice in one message: ${[...new Set(repeated)].join(', ')}`);
  if (requireAllowedMentions && !body.allowed_mentions)
    problems.push('allowed_mentions is missing: echoed input could ping @everyone, roles or users');
  return problems;
}

export function autocompleteProblems(body: Body): string[] {
  const choices =
    ((body.data as Body | undefined)?.choices as Array<{ name: string; value: unknown }> | undefined) ?? [];
  return choices.flatMap((choice, i) =>
    typeof choice.value === 'string' && choice.value.length > 100
      ? [`/data/choices/${i}/value is ${choice.value.length} characters (max 100)`]
      : [],
  );
}
