/**
 * custom_id layout: `<command>:<action>[:<arg>...]`. The command name routes the interaction to the
 * file that owns it; action and args carry the state, so buttons keep working after a restart.
 */
export interface CustomId {
  command: string;
  action: string;
  args: string[];
}

export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

export function customId(command: string, action: string, ...args: Array<string | number>): string {
  const parts = [command, action, ...args.map(String)];
  for (const part of parts) {
    if (part.includes(SEPARATOR)) throw new Error(`custom_id part ${JSON.stringify(part)} contains "${SEPARATOR}"`);
  }
  const id = parts.join(SEPARATOR);
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id is ${id.length} characters (max ${CUSTOM_ID_MAX}): ${id}`);
  return id;
}

export function parseCustomId(id: string): CustomId {
  const [command = '', action = '', ...args] = id.split(SEPARATOR);
  return { command, action, args };
}

/**
 * One action of a command's buttons, menus or modals: how its state is written into the
 * custom_id and read back, side by side, so the two cannot drift apart. `read` gets the parts
 * after the action name and returns undefined for anything it did not write (an outdated button).
 */
export interface ActionCodec<Args extends unknown[], Payload extends object> {
  wire: string;
  write: (...args: Args) => Array<string | number>;
  read: (args: string[]) => Payload | undefined;
}

export function action<Args extends unknown[], Payload extends object = Record<never, never>>(
  wire: string,
  write: (...args: Args) => Array<string | number>,
  read: (args: string[]) => Payload | undefined = () => ({}) as Payload,
): ActionCodec<Args, Payload> {
  return { wire, write, read };
}

// biome-ignore lint/suspicious/noExplicitAny: any argument list; each codec keeps its own exact types
type Codecs = Record<string, ActionCodec<any[], object>>;

/** The decoded actions of a set: `{ name: 'card', dramaId: '...' } | { name: 'page', ... }`. */
type ActionOf<C extends Codecs> = {
  [K in keyof C & string]: { name: K } & (C[K] extends ActionCodec<infer _A, infer P> ? P : never);
}[keyof C & string];

/** What the router needs from a command to turn a custom_id into that command's typed action. */
export interface ActionDecoder<Action extends { name: string }> {
  decode(id: CustomId): Action | undefined;
}

/** The typed action a set decodes to: `Action<typeof actions.drama>`. */
export type Action<S> = S extends ActionDecoder<infer A> ? A : never;

export type ActionSet<C extends Codecs> = {
  [K in keyof C]: (...args: Parameters<C[K]['write']>) => string;
} & ActionDecoder<ActionOf<C>>;

/**
 * A command's actions: an encoder per action (`drama.card(id)` → "drama:card:id") and one
 * decoder the router calls, which gives the command's component handler a discriminated union.
 */
export function defineActions<const C extends Codecs>(command: string, codecs: C): ActionSet<C> {
  const byWire = new Map(Object.entries(codecs).map(([name, codec]) => [codec.wire, { name, codec }]));
  const encoders = Object.fromEntries(
    Object.entries(codecs).map(([name, codec]) => [
      name,
      (...args: unknown[]) => customId(command, codec.wire, ...codec.write(...args)),
    ]),
  );
  return {
    ...encoders,
    decode(id: CustomId) {
      const found = id.command === command ? byWire.get(id.action) : undefined;
      const payload = found?.codec.read(id.args);
      return found && payload ? ({ name: found.name, ...payload } as ActionOf<C>) : undefined;
    },
  } as ActionSet<C>;
}
