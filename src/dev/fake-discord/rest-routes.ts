import type { IncomingMessage } from 'node:http';
import { snowflake, user } from './payloads.ts';
import type { FakeDiscord, Json } from './server.ts';

/**
 * The fake server's REST v10 routes: the ones the bot calls, each with the OpenAPI route its body
 * is validated against (when it sends one).
 */

type Handler = (
  this: FakeDiscord,
  params: Record<string, string>,
  body: Json,
  url: URL,
  files: Array<{ name: string; data: Buffer }>,
) => [number, unknown];
interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  openapi: string | undefined;
  handle: Handler;
}

function route(method: string, template: string, openapi: string | undefined, handle: Handler): Route {
  const keys: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    })}$`,
  );
  return { method, pattern, keys, openapi, handle };
}

const ORIGINAL = '@original';
/** Where the bot is not a member, an interaction may have at most this many follow-ups. */
const MAX_FOLLOW_UPS_WITHOUT_BOT = 5;
const ROUTES: Route[] = [
  route('GET', '/gateway/bot', undefined, function () {
    const url = this.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '');
    return [
      200,
      { url, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
    ];
  }),
  route('GET', '/users/@me', undefined, function () {
    return [200, this.botUser];
  }),
  route('POST', '/users/@me/channels', undefined, function (_p, body) {
    const recipient = String((body as { recipient_id?: unknown }).recipient_id ?? '');
    const known = [...this.dmChannels].find(([, userId]) => userId === recipient)?.[0];
    const id = known ?? snowflake();
    this.dmChannels.set(id, recipient);
    return [
      200,
      { id, type: 1, last_message_id: null, flags: 0, recipients: [user(recipient, `user${recipient.slice(-4)}`)] },
    ];
  }),
  route('GET', '/applications/@me', undefined, function () {
    return [
      200,
      {
        id: this.applicationId,
        name: 'dramabot',
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        flags: 0,
        verify_key: 'x',
        icon: null,
      },
    ];
  }),
  route('PUT', '/applications/:app/commands', 'PUT /applications/{application_id}/commands', function (_p, body) {
    return [200, this.registerCommands(undefined, (body as unknown as Json[]) ?? [])];
  }),
  route('GET', '/applications/:app/commands', undefined, function () {
    return [200, this.globalCommands];
  }),
  route(
    'PUT',
    '/applications/:app/guilds/:guild/commands',
    'PUT /applications/{application_id}/guilds/{guild_id}/commands',
    function (p, body) {
      return [200, this.registerCommands(p.guild, (body as unknown as Json[]) ?? [])];
    },
  ),
  route('GET', '/applications/:app/guilds/:guild/commands', undefined, function (p) {
    return [200, this.guildCommands.get(p.guild!) ?? []];
  }),
  route(
    'POST',
    '/interactions/:id/:token/callback',
    'POST /interactions/{interaction_id}/{interaction_token}/callback',
    function (p, body, url) {
      return this.callback(this.interaction(p.token!), body, url);
    },
  ),
  route('GET', '/webhooks/:app/:token/messages/:message', undefined, function (p) {
    const record = this.interaction(p.token!);
    const id = p.message === ORIGINAL ? record.originalMessageId : p.message;
    const message = id ? this.messages.get(id) : undefined;
    if (!message) throw Object.assign(new Error('Unknown Message'), { status: 404, code: 10008 });
    return [200, message];
  }),
  route(
    'PATCH',
    '/webhooks/:app/:token/messages/:message',
    'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
    function (p, body, _u, files) {
      const record = this.interaction(p.token!);
      const id = p.message === ORIGINAL ? record.originalMessageId : p.message;
      if (!id) throw Object.assign(new Error('Unknown Message'), { status: 404, code: 10008 });
      this.checkMessage('edit reply', body, true);
      const message = this.editMessage(id, body, files);
      if (id === record.originalMessageId) record.originalEdits += 1;
      return [200, message];
    },
  ),
  route('DELETE', '/webhooks/:app/:token/messages/:message', undefined, function (p) {
    const record = this.interaction(p.token!);
    const id = p.message === ORIGINAL ? record.originalMessageId : p.message;
    if (id) this.messages.delete(id);
    return [204, undefined];
  }),
  route('POST', '/webhooks/:app/:token', 'POST /webhooks/{webhook_id}/{webhook_token}', function (p, body, _u, files) {
    const record = this.interaction(p.token!);
    if (!record.callback) throw Object.assign(new Error('Unknown Webhook'), { status: 404, code: 10015 });
    this.checkMessage('follow-up', body, true);
    const message = this.createMessage(
      record.payload.channel_id,
      body,
      {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        interaction_metadata: {
          id: record.id,
          type: record.type,
          user: record.payload.member?.user ?? record.payload.user,
          authorizing_integration_owners: {},
        },
      },
      files,
    );
    record.followUpIds.push(message.id);
    const withoutBot = record.payload.context !== 0 || record.payload.authorizing_integration_owners['0'] === undefined;
    if (withoutBot && record.followUpIds.length > MAX_FOLLOW_UPS_WITHOUT_BOT)
      this.violations.push({
        route: 'follow-up',
        problems: [
          `follow-up ${record.followUpIds.length} to one interaction where the bot is not a member (Discord allows ${MAX_FOLLOW_UPS_WITHOUT_BOT})`,
        ],
        body,
      });
    return [200, message];
  }),
  route('POST', '/channels/:channel/messages', 'POST /channels/{channel_id}/messages', function (p, body, _u, files) {
    // The bot may only post where it is a member: not in a server that never added it.
    if (p.channel === this.elsewhere.channelId)
      throw Object.assign(new Error('Missing Access'), { status: 403, code: 50001 });
    this.checkMessage('channel message', body, true);
    const dmWith = this.dmChannels.get(p.channel!);
    if (dmWith && this.dmsClosed.has(dmWith))
      throw Object.assign(new Error('Cannot send messages to this user'), { status: 403, code: 50007 });
    return [200, this.createMessage(p.channel!, body, {}, files)];
  }),
  route('GET', '/channels/:channel/messages/:message', undefined, function (p) {
    const message = this.messages.get(p.message!);
    if (!message) throw Object.assign(new Error('Unknown Message'), { status: 404, code: 10008 });
    return [200, message];
  }),
  route(
    'PATCH',
    '/channels/:channel/messages/:message',
    'PATCH /channels/{channel_id}/messages/{message_id}',
    function (p, body, _u, files) {
      this.checkMessage('message edit', body, false);
      return [200, this.editMessage(p.message!, body, files)];
    },
  ),
  route('POST', '/guilds/:guild/scheduled-events', 'POST /guilds/{guild_id}/scheduled-events', function (p, body) {
    const event = {
      ...body,
      id: snowflake(),
      guild_id: p.guild,
      creator_id: this.applicationId,
      status: 1,
      entity_id: null,
      user_count: 0,
      image: null,
    };
    this.scheduledEvents.push(event);
    return [200, event];
  }),
];

export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1]!])) };
  }
  return undefined;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or multipart/form-data with payload_json and files[n] (how discord.js sends attachments). */
export async function parseBody(
  req: IncomingMessage,
  raw: Buffer,
  files: Array<{ name: string; data: Buffer }>,
): Promise<{ body: unknown }> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string')
        files.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body };
  }
  return { body: JSON.parse(raw.toString('utf8')) };
}
