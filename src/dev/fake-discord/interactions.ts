import type { FakeDiscord, FakeMessage, Json } from './server.ts';

/**
 * Interaction recording: what the fake server remembers of each interaction it sent the bot (the
 * callback, the original message, follow-ups), and the handle a test or the playground waits on.
 */

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: Json;
  dispatchedAt: number;
  callback?: { type: number; data?: Json; latencyMs: number };
  originalMessageId?: string;
  originalEdits: number;
  followUpIds: string[];
}

export const MESSAGE_FLAG = { ephemeral: 64, loading: 128 };
export const CALLBACK = { message: 4, deferredMessage: 5, deferredUpdate: 6, update: 7, autocomplete: 8, modal: 9 };
export const OPTION_TYPE = {
  subcommand: 1,
  group: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  number: 10,
};

/** What a test or the playground waits on after sending an interaction. */
export class InteractionResult {
  constructor(
    private readonly fake: FakeDiscord,
    private readonly record: InteractionRecord,
  ) {}

  get id(): string {
    return this.record.id;
  }

  /** The first response (reply, defer, update, choices or modal). */
  async callback(timeoutMs?: number): Promise<{ type: number; data?: Json; latencyMs: number }> {
    return this.fake.waitFor(() => this.record.callback, `a response to interaction ${this.record.id}`, timeoutMs);
  }

  /** The message the user sees once the answer settles (after a defer, once it has been edited). */
  async reply(timeoutMs?: number): Promise<FakeMessage> {
    const callback = await this.callback(timeoutMs);
    return this.fake.waitFor(
      () => {
        const message = this.record.originalMessageId
          ? this.fake.messages.get(this.record.originalMessageId)
          : undefined;
        if (!message) return undefined;
        if (callback.type === CALLBACK.deferredMessage && message.flags & MESSAGE_FLAG.loading) return undefined;
        if (callback.type === CALLBACK.deferredUpdate && this.record.originalEdits === 0) return undefined;
        return message;
      },
      `the reply to interaction ${this.record.id}`,
      timeoutMs,
    );
  }

  /** Follow-up messages, once there are at least `count` of them. */
  async followUps(count = 1): Promise<FakeMessage[]> {
    return this.fake.waitFor(() => {
      const all = this.record.followUpIds.map((id) => this.fake.messages.get(id)!).filter(Boolean);
      return all.length >= count ? all : undefined;
    }, `${count} follow-up(s) to interaction ${this.record.id}`);
  }

  /** Follow-ups sent so far (none is waited for). */
  followUpsSoFar(): FakeMessage[] {
    return this.record.followUpIds.map((id) => this.fake.messages.get(id)!).filter(Boolean);
  }

  /** A modal the bot opened in answer. */
  async modal(): Promise<Json> {
    const callback = await this.callback();
    if (callback.type !== CALLBACK.modal) throw new Error(`expected a modal, got callback type ${callback.type}`);
    return callback.data!;
  }
}

export function isEphemeral(message: FakeMessage): boolean {
  return Boolean(message.flags & MESSAGE_FLAG.ephemeral);
}

/**
 * What Discord's client would send for a typed value: a choice's value (picked by its value or by
 * the name shown, in any language), a number in range, text within min/max_length. A Discord
 * client cannot send anything else, so neither can the tests nor the playground.
 */
export function optionValue(def: Json, value: string | number | boolean, locale = 'en-US'): string | number | boolean {
  const numeric = def.type === OPTION_TYPE.integer || def.type === OPTION_TYPE.number;
  if (def.choices?.length) {
    const wanted = String(value).trim().toLowerCase();
    const names = (c: Json) =>
      [c.value, c.name, ...Object.values(c.name_localizations ?? {})].map((n) => String(n).toLowerCase());
    const choice = (def.choices as Json[]).find((c) => names(c).includes(wanted));
    if (!choice) throw new Error(`option "${def.name}" is one of: ${choiceNames(def, locale).join(', ')}`);
    return choice.value;
  }
  if (numeric) {
    const n = Number(value);
    if (!Number.isFinite(n) || (def.type === OPTION_TYPE.integer && !Number.isInteger(n)))
      throw new Error(`option "${def.name}" takes a ${def.type === OPTION_TYPE.integer ? 'whole ' : ''}number`);
    if ((def.min_value !== undefined && n < def.min_value) || (def.max_value !== undefined && n > def.max_value))
      throw new Error(`option "${def.name}" takes a number from ${def.min_value ?? '…'} to ${def.max_value ?? '…'}`);
    return n;
  }
  if (def.type === OPTION_TYPE.boolean) return value === true || String(value).toLowerCase() === 'true';
  const text = String(value);
  // The client trims what was typed before it counts.
  const length = text.trim().length;
  if (def.max_length !== undefined && length > def.max_length)
    throw new Error(`option "${def.name}" takes at most ${def.max_length} characters (${length} typed)`);
  if (def.min_length !== undefined && length < def.min_length)
    throw new Error(`option "${def.name}" takes at least ${def.min_length} characters`);
  return text;
}

/** The names of an option's choices as a client in `locale` shows them. */
export function choiceNames(def: Json, locale = 'en-US'): string[] {
  return ((def.choices ?? []) as Json[]).map((c) => c.name_localizations?.[locale] ?? c.name);
}
