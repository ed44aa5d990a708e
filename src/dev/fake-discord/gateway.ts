import type { WebSocket } from 'ws';
import { guildCreate } from './payloads.ts';
import type { FakeDiscord, Json } from './server.ts';

interface Shard {
  ws: WebSocket;
  count: number;
  seq: number;
}

/**
 * The fake server's gateway: HELLO, heartbeats, IDENTIFY (with shards), READY and GUILD_CREATE for
 * the guilds of each shard, and the dispatch of interactions to the shard that owns the guild.
 */
export class FakeGateway {
  readonly identifies: Array<{ shard: [number, number] }> = [];
  private readonly sockets = new Set<WebSocket>();
  /**
   * Sessions by shard id. Two processes identifying as the same shard (a rolling restart, a
   * misconfigured deploy) both stay connected and share that shard's interactions in turn.
   */
  private readonly shards = new Map<number, Shard[]>();
  private turn = 0;

  constructor(private readonly discord: FakeDiscord) {}

  /** True once a shard is identified (the bot is online). */
  get connected(): boolean {
    return this.shards.size > 0;
  }

  /** How many sessions are open (two processes holding one shard count twice). */
  get sessions(): number {
    return [...this.shards.values()].reduce((n, sessions) => n + sessions.length, 0);
  }

  connect(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      for (const [id, sessions] of this.shards) {
        const left = sessions.filter((s) => s.ws !== ws);
        if (left.length) this.shards.set(id, left);
        else this.shards.delete(id);
      }
      this.discord.emit('change');
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Json };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (packet.op === 2) this.identify(ws, packet.d);
      else if (packet.op === 6) ws.send(JSON.stringify({ op: 9, d: false }));
    });
  }

  /** Sends an event to the shard that owns the guild; throws when the bot is not connected. */
  dispatch(guildId: string, event: string, d: unknown): void {
    const sessions = this.shards.get(this.shardOf(guildId));
    if (!sessions?.length) throw new Error('the bot is not connected to the gateway');
    this.send(sessions[this.turn++ % sessions.length]!, event, d);
  }

  terminate(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  private shardOf(guildId: string): number {
    const count = [...this.shards.values()][0]?.[0]?.count ?? 1;
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  private send(shard: Shard, event: string, d: unknown): void {
    shard.seq += 1;
    shard.ws.send(JSON.stringify({ op: 0, t: event, s: shard.seq, d }));
  }

  private identify(ws: WebSocket, d: Json): void {
    const discord = this.discord;
    if (d.token !== discord.token && d.token !== `Bot ${discord.token}`) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const [id, count] = (d.shard as [number, number] | undefined) ?? [0, 1];
    this.identifies.push({ shard: [id, count] });
    const shard = { ws, count, seq: 0 };
    this.shards.set(id, [...(this.shards.get(id) ?? []), shard]);
    const mine = discord.guilds.filter((g) => Number((BigInt(g.id) >> 22n) % BigInt(count)) === id);
    this.send(shard, 'READY', {
      v: 10,
      user: discord.botUser,
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${id}-${Date.now()}`,
      resume_gateway_url: discord.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, ''),
      shard: [id, count],
      application: { id: discord.applicationId, flags: 0 },
    });
    for (const g of mine) this.send(shard, 'GUILD_CREATE', guildCreate(g, discord.botUser));
    discord.emit('change');
  }
}
