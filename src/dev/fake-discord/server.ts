import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { autocompleteProblems, messageLimitProblems } from './discord-limits.ts';
import type { BodyValidator } from './openapi-validator.ts';
import { member, PERMISSIONS, snowflake, tokenFor, user, type FakeGuild, type FakeUser } from './payloads.ts';
import { FakeGateway } from './gateway.ts';
import {
  CALLBACK,
  InteractionResult,
  MESSAGE_FLAG,
  OPTION_TYPE,
  optionValue,
  type InteractionRecord,
} from './interactions.ts';
import { matchRoute, parseBody, readBody } from './rest-routes.ts';

// The server is the one entry point: what tests and the playground use from the parts is here too.
export { choiceNames, InteractionResult, isEphemeral } from './interactions.ts';

/**
 * A local stand-in for Discord: enough REST v10 and gateway for the real discord.js client to log in,
 * receive interactions and answer them. Every request is recorded; bodies are checked against the
 * official OpenAPI spec (when a validator is given) and Discord's other limits. Tests and the
 * playground drive it with command(), autocomplete(), click(), select() and submitModal().
 */
// biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the bot sent; the validators check them
export type Json = Record<string, any>;

export interface RecordedRequest {
  method: string;
  path: string;
  route: string | undefined;
  body: unknown;
  status: number;
}

export interface Violation {
  route: string;
  problems: string[];
  body: unknown;
}

export interface FakeMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
}

export interface ActAs {
  /** 1-based member number, or a user object; default member 1. */
  user?: number | FakeUser;
  /** 'member' (default) or 'manager' (has Manage Server). */
  permissions?: keyof typeof PERMISSIONS;
  locale?: string;
  guildId?: string;
  /**
   * Where the member acts. 'server' (default): a server that added the bot. 'dm': a DM with the
   * bot. 'group-dm': a group DM. 'elsewhere': a server that never added the bot (no GUILD_CREATE
   * ever came for it) where the member installed the bot to their account.
   */
  place?: Place;
}

export type Place = 'server' | 'dm' | 'group-dm' | 'elsewhere';

/** Discord's interaction context types: 0 server, 1 bot DM, 2 private channel (group DM). */
const CONTEXT: Record<Place, number> = { server: 0, elsewhere: 0, dm: 1, 'group-dm': 2 };

export interface FakeDiscordOptions {
  validateBody?: BodyValidator;
  /** How long the bot has to answer an interaction; Discord's is 3 s. */
  responseDeadlineMs?: number;
  guilds?: number;
}

export class FakeDiscord extends EventEmitter {
  readonly applicationId = '1100000000000000001';
  readonly token = tokenFor(this.applicationId);
  readonly botUser = user(this.applicationId, 'dramabot', true);
  readonly guilds: FakeGuild[];
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly unhandled: string[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly files = new Map<string, { name: string; data: Buffer }>();
  readonly scheduledEvents: Json[] = [];
  /** Users whose privacy settings refuse DMs from the bot: a message to their DM channel gets 50007. */
  readonly dmsClosed = new Set<string>();
  /** DM channels the bot opened: channel id → the user it talks to. */
  readonly dmChannels = new Map<string, string>();
  readonly globalCommands: Json[] = [];
  readonly guildCommands = new Map<string, Json[]>();
  /** A server that never added the bot: the gateway never sent its GUILD_CREATE. */
  readonly elsewhere = { id: '1400000000000000001', channelId: '1400000000000000002', preferredLocale: 'en-US' };
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly gateway = new FakeGateway(this);
  private readonly users = new Map<number, FakeUser>();
  private http?: Server;
  private wss?: WebSocketServer;
  private readonly deadlineMs: number;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.deadlineMs = options.responseDeadlineMs ?? 3_000;
    this.guilds = Array.from({ length: options.guilds ?? 1 }, (_, i) => ({
      // Consecutive values of (id >> 22), so with N shards the guilds spread over every shard.
      id: (((1_200_000_000_000_000_000n >> 22n) + BigInt(i)) << 22n).toString(),
      name: i === 0 ? 'K-Drama Club' : `Drama Server ${i + 1}`,
      channelId: `12500000000000000${String(i + 1).padStart(2, '0')}`,
      ownerId: '1300000000000000099',
      preferredLocale: 'en-US',
    }));
  }

  /** Base URL for DISCORD_API_URL / discord.js's rest.api option. */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.http!.address() as AddressInfo).port}/api`;
  }

  get guild(): FakeGuild {
    return this.guilds[0]!;
  }

  async start(port = 0): Promise<this> {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws) => this.gateway.connect(ws));
    await new Promise<void>((resolve) => this.http!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.gateway.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    this.http?.closeAllConnections();
    await new Promise<void>((resolve) => this.http?.close(() => resolve()) ?? resolve());
  }

  member(n: number): FakeUser {
    let u = this.users.get(n);
    if (!u) {
      u = user(`13000000000000${String(n).padStart(5, '0')}`, `member${n}`);
      this.users.set(n, u);
    }
    return u;
  }

  commandsFor(guildId = this.guild.id): Json[] {
    return [...(this.guildCommands.get(guildId) ?? []), ...this.globalCommands];
  }

  /* ------------------------------------------------------------------ driving */

  /** Sends a slash command: `command('/drama info', { title: 'Vincenzo' })`. */
  command(path: string, options: Record<string, string | number | boolean> = {}, as: ActAs = {}): InteractionResult {
    const { data } = this.commandData(path, options, undefined, as);
    return this.dispatch(2, { data }, as);
  }

  /** Sends an autocomplete request for the focused option and resolves to the choices shown. */
  async autocomplete(
    path: string,
    options: Record<string, string | number | boolean>,
    focused: string,
    as: ActAs = {},
  ): Promise<Array<{ name: string; value: string | number }>> {
    const { data } = this.commandData(path, options, focused, as);
    const result = this.dispatch(4, { data }, as);
    const callback = await result.callback();
    return (callback.data?.choices as Array<{ name: string; value: string | number }>) ?? [];
  }

  /** Presses a button found by its label, its custom_id or a custom_id prefix. */
  click(message: FakeMessage, button: string, as: ActAs = {}): InteractionResult {
    const current = this.messages.get(message.id) ?? message;
    const buttons = this.componentsOf(current).filter((c) => c.type === 2);
    const found =
      buttons.find((b) => b.label === button || b.custom_id === button) ??
      buttons.find((b) => b.custom_id?.startsWith(button));
    if (!found)
      throw new Error(
        `no button "${button}" on message; buttons: ${buttons.map((b) => b.label ?? b.custom_id).join(', ')}`,
      );
    if (found.disabled) throw new Error(`button "${button}" is disabled`);
    if (!found.custom_id) throw new Error(`button "${button}" is a link button`);
    return this.dispatch(3, { data: { custom_id: found.custom_id, component_type: 2 }, message: current }, as);
  }

  /** Picks values in the select menu found by custom_id prefix (or the first select menu). */
  select(message: FakeMessage, values: string[], customIdPrefix?: string, as: ActAs = {}): InteractionResult {
    const current = this.messages.get(message.id) ?? message;
    const menus = this.componentsOf(current).filter((c) => c.type === 3);
    const menu = customIdPrefix ? menus.find((m) => m.custom_id.startsWith(customIdPrefix)) : menus[0];
    if (!menu) throw new Error(`no select menu ${customIdPrefix ?? ''} on message`);
    for (const value of values) {
      if (!menu.options.some((o: Json) => o.value === value)) throw new Error(`select menu has no option ${value}`);
    }
    return this.dispatch(3, { data: { custom_id: menu.custom_id, component_type: 3, values }, message: current }, as);
  }

  submitModal(customId: string, fields: Record<string, string>, as: ActAs = {}): InteractionResult {
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    return this.dispatch(5, { data: { custom_id: customId, components } }, as);
  }

  componentsOf(message: FakeMessage): Json[] {
    return (message.components ?? []).flatMap((row) => row.components ?? []);
  }

  /** Messages the bot posted in a channel (not interaction replies), oldest first. */
  channelMessages(channelId = this.guild.channelId): FakeMessage[] {
    return [...this.messages.values()].filter(
      (m) => m.channel_id === channelId && m.interaction_metadata === undefined,
    );
  }

  /** Resolves once no request has reached the server for `quietMs` (the bot has finished talking). */
  async idle(quietMs = 150, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = -1;
    while (seen !== this.requests.length && Date.now() < deadline) {
      seen = this.requests.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  /** Resolves when the predicate holds for the current state (checked on every change). */
  waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('change', check);
      };
      this.on('change', check);
      check();
    });
  }

  private commandData(
    path: string,
    values: Record<string, string | number | boolean>,
    focused: string | undefined,
    as: ActAs,
  ) {
    const [name, ...subPath] = path.replace(/^\//, '').trim().split(/\s+/);
    const definition = this.commandsOffered(as).find((c) => c.name === name);
    if (!definition)
      throw new Error(
        as.place && as.place !== 'server'
          ? `/${name} is not offered in a ${as.place} (its contexts and integration_types, or it is registered to one server only)`
          : `/${name} is not registered (run the deploy first)`,
      );
    let level: Json = definition;
    const chain: Json[] = [];
    for (const sub of subPath) {
      const next = (level.options ?? []).find(
        (o: Json) => o.name === sub && (o.type === OPTION_TYPE.subcommand || o.type === OPTION_TYPE.group),
      );
      if (!next) throw new Error(`/${name} has no subcommand ${sub}`);
      chain.push(next);
      level = next;
    }
    const resolved: Json = {};
    const options = Object.entries(values).map(([key, value]) => {
      const def = (level.options ?? []).find((o: Json) => o.name === key);
      if (!def)
        throw new Error(
          `/${path} has no option "${key}"; options: ${(level.options ?? []).map((o: Json) => o.name).join(', ')}`,
        );
      if (def.type === OPTION_TYPE.user) {
        const target = this.member(Number(value));
        resolved.users = { ...resolved.users, [target.id]: target };
        resolved.members = {
          ...resolved.members,
          [target.id]: { ...member(target, PERMISSIONS.member), user: undefined },
        };
        return { name: key, type: def.type, value: target.id };
      }
      // A channel or role option names one by id, as Discord resolves it in the payload.
      if (def.type === OPTION_TYPE.channel) {
        const id = String(value);
        resolved.channels = {
          ...resolved.channels,
          [id]: { id, type: 0, name: `channel-${id.slice(-4)}`, permissions: PERMISSIONS.app, guild_id: this.guild.id },
        };
        return { name: key, type: def.type, value: id };
      }
      if (def.type === OPTION_TYPE.role) {
        const id = String(value);
        resolved.roles = {
          ...resolved.roles,
          [id]: {
            id,
            name: `role-${id.slice(-4)}`,
            color: 0,
            hoist: false,
            position: 1,
            permissions: '0',
            managed: false,
            mentionable: true,
            flags: 0,
          },
        };
        return { name: key, type: def.type, value: id };
      }
      if (key === focused) return { name: key, type: def.type, value: String(value), focused: true };
      return { name: key, type: def.type, value: optionValue(def, value, as.locale) };
    });
    if (!focused) {
      for (const def of level.options ?? []) {
        if (def.required && !(def.name in values)) throw new Error(`/${path} needs option "${def.name}"`);
      }
    }
    let nested: Json[] = options;
    for (const sub of [...chain].reverse()) nested = [{ name: sub.name, type: sub.type, options: nested }];
    const data: Json = {
      id: definition.id,
      name,
      type: 1,
      options: nested,
      ...(definition.guild_id ? { guild_id: definition.guild_id } : {}),
    };
    if (Object.keys(resolved).length) data.resolved = resolved;
    return { data };
  }

  /**
   * The commands a member sees where they act: in a server that added the bot, its guild and
   * global commands for server installs; elsewhere, only global commands whose contexts include
   * that place, and (where the bot is no member) that users can install.
   */
  private commandsOffered(as: ActAs): Json[] {
    const place = as.place ?? 'server';
    if (place === 'server')
      return this.commandsFor(as.guildId ?? this.guild.id).filter(
        (c) => (c.contexts ?? [0]).includes(0) && (c.integration_types ?? [0]).includes(0),
      );
    return this.globalCommands.filter(
      (c) =>
        (c.contexts ?? [0, 1, 2]).includes(CONTEXT[place]) &&
        (place === 'dm' || (c.integration_types ?? [0]).includes(1)),
    );
  }

  /** Where an interaction comes from, as Discord describes it in the payload. */
  private placeFields(as: ActAs, actor: FakeUser): Json {
    const place = as.place ?? 'server';
    const permissions = PERMISSIONS[as.permissions ?? 'member'];
    if (place === 'dm' || place === 'group-dm') {
      const channelId = `15${actor.id.slice(2)}`;
      return {
        channel_id: channelId,
        channel:
          place === 'dm'
            ? { id: channelId, type: 1, recipients: [actor] }
            : { id: channelId, type: 3, name: 'drama friends', recipients: [actor], owner_id: actor.id },
        user: actor,
        app_permissions: PERMISSIONS.dm,
        authorizing_integration_owners: { '1': actor.id },
        context: CONTEXT[place],
      };
    }
    const guild =
      place === 'elsewhere' ? this.elsewhere : this.guilds.find((g) => g.id === (as.guildId ?? this.guild.id))!;
    return {
      guild_id: guild.id,
      channel_id: guild.channelId,
      channel: {
        id: guild.channelId,
        type: 0,
        guild_id: guild.id,
        name: 'drama-night',
        nsfw: false,
        parent_id: null,
        permissions: PERMISSIONS.manager,
      },
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      member: member(actor, permissions),
      // Where the bot is no member, it acts with what Discord grants user-installed apps.
      app_permissions: place === 'elsewhere' ? PERMISSIONS.userApp : PERMISSIONS.app,
      guild_locale: guild.preferredLocale,
      authorizing_integration_owners: place === 'elsewhere' ? { '1': actor.id } : { '0': guild.id },
      context: 0,
    };
  }

  private dispatch(type: number, extra: Json, as: ActAs): InteractionResult {
    const actor = typeof as.user === 'object' ? as.user : this.member(as.user ?? 1);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}`;
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      ...this.placeFields(as, actor),
      locale: as.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 8 * 1024 * 1024,
      ...extra,
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      payload,
      dispatchedAt: performance.now(),
      originalEdits: 0,
      followUpIds: [],
    };
    if (type === 3) record.originalMessageId = (extra.message as FakeMessage).id;
    this.interactions.set(token, record);
    // DMs go to shard 0; a server's interactions to the shard its id maps to, joined or not.
    this.gateway.dispatch(payload.guild_id ?? '0', 'INTERACTION_CREATE', payload);
    return new InteractionResult(this, record);
  }

  /** True once a shard is identified (the bot is online). */
  get connected(): boolean {
    return this.gateway.connected;
  }

  /** How many gateway sessions are open (two processes holding one shard count twice). */
  get sessions(): number {
    return this.gateway.sessions;
  }

  /** Every IDENTIFY the gateway received, with its shard. */
  get identifies(): ReadonlyArray<{ shard: [number, number] }> {
    return this.gateway.identifies;
  }

  /* ------------------------------------------------------------------ REST */

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    const files: Array<{ name: string; data: Buffer }> = [];
    try {
      ({ body } = await parseBody(req, raw, files));
    } catch (error) {
      return this.reply(res, { method, path, route: undefined, body: raw.toString('utf8'), status: 0 }, 400, {
        code: 50109,
        message: `The request body contains invalid JSON: ${(error as Error).message}`,
      });
    }
    const recorded: RecordedRequest = { method, path, route: undefined, body, status: 0 };
    this.requests.push(recorded);
    const auth = req.headers.authorization;
    if (
      path !== '/gateway' &&
      auth !== `Bot ${this.token}` &&
      !path.startsWith('/interactions/') &&
      !path.startsWith('/webhooks/')
    ) {
      return this.reply(res, recorded, 401, { message: '401: Unauthorized', code: 0 });
    }
    const match = matchRoute(method, path);
    if (!match) {
      this.unhandled.push(`${method} ${path}`);
      return this.reply(res, recorded, 404, { message: '404: Not Found', code: 0 });
    }
    recorded.route = match.route.openapi;
    if (match.route.openapi && this.options.validateBody && (body !== undefined || method !== 'GET')) {
      const problems = this.options.validateBody(match.route.openapi, body);
      if (problems.length) {
        this.violations.push({ route: `${method} ${path}`, problems, body });
        return this.reply(res, recorded, 400, { code: 50035, message: 'Invalid Form Body', errors: problems });
      }
    }
    try {
      const [status, response] = match.route.handle.call(this, match.params, body as Json, url, files);
      this.reply(res, recorded, status, response);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      this.reply(res, recorded, status, {
        code: (error as { code?: number }).code ?? 0,
        message: (error as Error).message,
      });
    }
    this.emit('change');
  }

  private reply(res: ServerResponse, recorded: RecordedRequest, status: number, response: unknown): void {
    recorded.status = status;
    if (status === 204 || response === undefined) {
      // No content type on an empty answer: @discordjs/rest would try to parse it as JSON.
      res.writeHead(204).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(response));
  }

  /** Checks a message body against Discord's limits that the spec cannot express. */
  checkMessage(route: string, body: Json | undefined, requireAllowedMentions: boolean): void {
    if (!body) return;
    const problems = messageLimitProblems(body, { requireAllowedMentions });
    if (problems.length) this.violations.push({ route, problems, body });
  }

  interaction(token: string): InteractionRecord {
    const record = this.interactions.get(token);
    if (!record) throw Object.assign(new Error('Unknown interaction'), { status: 404, code: 10062 });
    return record;
  }

  createMessage(
    channelId: string,
    data: Json,
    extra: Json = {},
    files: Array<{ name: string; data: Buffer }> = [],
  ): FakeMessage {
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.guilds.find((g) => g.channelId === channelId)?.id,
      author: this.botUser,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      attachments: this.storeFiles(files),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      type: 0,
      flags: Number(data.flags ?? 0),
      poll: data.poll,
      ...(data.message_reference
        ? { message_reference: { type: 0, channel_id: channelId, ...data.message_reference } }
        : {}),
      ...extra,
    };
    this.messages.set(message.id, message);
    return message;
  }

  editMessage(id: string, data: Json, files: Array<{ name: string; data: Buffer }> = []): FakeMessage {
    const message = this.messages.get(id);
    if (!message) throw Object.assign(new Error('Unknown Message'), { status: 404, code: 10008 });
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (key in data) (message as Json)[key] = data[key] ?? (key === 'content' ? '' : []);
    }
    if (files.length) message.attachments = this.storeFiles(files);
    // Filling in a deferred ("thinking…") reply is not an edit in Discord's eyes.
    if (message.flags & MESSAGE_FLAG.loading) message.flags &= ~MESSAGE_FLAG.loading;
    else message.edited_timestamp = new Date().toISOString();
    return message;
  }

  storeFiles(files: Array<{ name: string; data: Buffer }>): Json[] {
    return files.map((file) => {
      const id = snowflake();
      this.files.set(id, file);
      return {
        id,
        filename: file.name,
        size: file.data.length,
        url: `https://cdn.local/${id}/${file.name}`,
        proxy_url: `https://cdn.local/${id}/${file.name}`,
        content_type: 'application/json',
      };
    });
  }

  registerCommands(guildId: string | undefined, body: Json[]): Json[] {
    const existing = guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
    const registered = body.map((c) => ({
      ...c,
      id: existing.find((e) => e.name === c.name)?.id ?? snowflake(),
      application_id: this.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      type: c.type ?? 1,
      version: snowflake(),
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: false,
    }));
    if (guildId) this.guildCommands.set(guildId, registered);
    else this.globalCommands.splice(0, this.globalCommands.length, ...registered);
    return registered;
  }

  callback(record: InteractionRecord, body: Json, url: URL): [number, unknown] {
    if (record.callback)
      throw Object.assign(new Error('Interaction has already been acknowledged.'), { status: 400, code: 40060 });
    const latencyMs = performance.now() - record.dispatchedAt;
    if (latencyMs > this.deadlineMs) {
      this.violations.push({
        route: 'interaction callback',
        problems: [`answered after ${Math.round(latencyMs)} ms (Discord allows ${this.deadlineMs} ms)`],
        body,
      });
      throw Object.assign(new Error('Unknown interaction'), { status: 404, code: 10062 });
    }
    record.callback = { type: body.type, data: body.data, latencyMs };
    const data = (body.data ?? {}) as Json;
    const channelId = record.payload.channel_id as string;
    const metadata = {
      interaction_metadata: {
        id: record.id,
        type: record.type,
        user: record.payload.member?.user ?? record.payload.user,
        authorizing_integration_owners: {},
      },
      webhook_id: this.applicationId,
      application_id: this.applicationId,
    };
    if (body.type === CALLBACK.message) {
      this.checkMessage('interaction callback', data, true);
      record.originalMessageId = this.createMessage(channelId, data, { ...metadata, type: 20 }).id;
    } else if (body.type === CALLBACK.deferredMessage) {
      record.originalMessageId = this.createMessage(
        channelId,
        { flags: (Number(data.flags ?? 0) & MESSAGE_FLAG.ephemeral) | MESSAGE_FLAG.loading },
        { ...metadata, type: 20 },
      ).id;
    } else if (body.type === CALLBACK.update) {
      this.checkMessage('interaction callback', data, true);
      this.editMessage(record.originalMessageId!, data);
      record.originalEdits += 1;
    } else if (body.type === CALLBACK.autocomplete) {
      const problems = autocompleteProblems(body);
      if (problems.length) this.violations.push({ route: 'autocomplete', problems, body });
    }
    const message = record.originalMessageId ? this.messages.get(record.originalMessageId) : undefined;
    if (url.searchParams.get('with_response') !== 'true') return [204, undefined];
    return [
      200,
      {
        interaction: {
          id: record.id,
          type: record.type,
          response_message_id: message?.id,
          response_message_loading: body.type === CALLBACK.deferredMessage,
          response_message_ephemeral: Boolean((message?.flags ?? 0) & MESSAGE_FLAG.ephemeral),
        },
        resource: message ? { type: body.type, message } : { type: body.type },
      },
    ];
  }
}
