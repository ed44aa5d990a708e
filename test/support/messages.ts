import type { FakeMessage } from '../../src/dev/fake-discord/server.ts';

/** Reading what the bot posted, as a member would see it. */
export const title = (m: FakeMessage) => m.embeds[0]?.title as string | undefined;
export const field = (m: FakeMessage, name: string) =>
  (m.embeds[0]?.fields as Array<{ name: string; value: string }> | undefined)?.find((f) => f.name === name)?.value;
export const labels = (m: FakeMessage) =>
  m.components.flatMap((r) => r.components).map((c: { label?: string }) => c.label);
export const menuValues = (m: FakeMessage) =>
  m.components
    .flatMap((r) => r.components)
    .flatMap((c: { options?: Array<{ value: string }> }) => c.options?.map((o) => o.value) ?? []);
