import { createClient } from '@redis/client';
import { FINISHED, type Guard, type PutResult, type Records, type RemoveResult, type WriteOptions } from './records.ts';

/**
 * Records on Redis: a map is a hash, a tally another hash of counts. Every change is one Lua
 * script, which Redis runs atomically, so "read the previous value, write, move the count" cannot
 * interleave with another process. A member's value is stored as `<bucket>\x1f<value>`, so the
 * script knows which count to move when the value changes.
 *
 * The client queues nothing while disconnected (disableOfflineQueue): a command during an outage
 * fails at once, so a member told "nothing was saved" never sees it saved when Redis returns.
 */
const SEP = '\x1f';

const GUARDED = `if KEYS[3] ~= '' and redis.call('HEXISTS', KEYS[3], ARGV[3]) == 1 then return {1} end`;
const BUCKET_OF = `local function bucket_of(v) local i = string.find(v, '\\31', 1, true); return string.sub(v, 1, i - 1) end`;

const PUT = `${GUARDED}
${BUCKET_OF}
local prev = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if KEYS[2] ~= '' then
  if prev then local old = bucket_of(prev); if old ~= '' then redis.call('HINCRBY', KEYS[2], old, -1) end end
  redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
end
if prev then return {0, prev} end
return {0}`;

const REMOVE = `${GUARDED}
${BUCKET_OF}
local prev = redis.call('HGET', KEYS[1], ARGV[1])
if not prev then return {0} end
redis.call('HDEL', KEYS[1], ARGV[1])
if KEYS[2] ~= '' then local old = bucket_of(prev); if old ~= '' then redis.call('HINCRBY', KEYS[2], old, -1) end end
return {0, prev}`;

const CLEAR = `${BUCKET_OF}
local all = redis.call('HVALS', KEYS[1])
if KEYS[2] ~= '' then
  for _, v in ipairs(all) do local old = bucket_of(v); if old ~= '' then redis.call('HINCRBY', KEYS[2], old, -1) end end
end
redis.call('DEL', KEYS[1])
return #all`;

const SET_TALLIES = `redis.call('DEL', KEYS[1])
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`;

const IF_OWNER = (then: string) => `if redis.call('GET', KEYS[1]) == ARGV[1] then ${then} end return 0`;
const FINISH = IF_OWNER(`redis.call('SET', KEYS[1], '${FINISHED}', 'PX', ARGV[2]) return 1`);
const RELEASE = IF_OWNER(`redis.call('DEL', KEYS[1]) return 1`);

type Client = ReturnType<typeof connectClient>;
type Reply = [number, string?];

const decode = (stored: string | undefined) =>
  stored === undefined ? undefined : stored.slice(stored.indexOf(SEP) + 1);

export interface RedisOptions {
  namespace?: string;
}

function connectClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Keep trying to come back, at most every 2 s; commands fail meanwhile instead of waiting.
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

export async function openRedis(url: string, options: RedisOptions = {}): Promise<RedisRecords> {
  const client = connectClient(url);
  // Errors reach the caller of each command; the client's own event must have a listener.
  client.on('error', () => {});
  await client.connect();
  return new RedisRecords(client, `${options.namespace ?? 'dramabot'}:`);
}

export class RedisRecords implements Records {
  readonly backend = 'redis' as const;

  constructor(
    private readonly client: Client,
    private readonly prefix: string,
  ) {}

  async put(map: string, member: string, value: string, { tally, unless }: WriteOptions = {}): Promise<PutResult> {
    const reply = await this.eval<Reply>(
      PUT,
      [this.key(map), tally ? this.key(tally.key) : '', unless ? this.key(unless.map) : ''],
      [member, `${tally?.bucket ?? ''}${SEP}${value}`, unless?.member ?? '', tally?.bucket ?? ''],
    );
    return reply[0] === 1 ? { refused: true } : { refused: false, previous: decode(reply[1]) };
  }

  async remove(
    map: string,
    member: string,
    options: { tallyKey?: string; unless?: Guard } = {},
  ): Promise<RemoveResult> {
    const reply = await this.eval<Reply>(
      REMOVE,
      [
        this.key(map),
        options.tallyKey ? this.key(options.tallyKey) : '',
        options.unless ? this.key(options.unless.map) : '',
      ],
      [member, '', options.unless?.member ?? ''],
    );
    return reply[0] === 1 ? { refused: true } : { refused: false, removed: decode(reply[1]) };
  }

  async add(map: string, member: string, value: string): Promise<boolean> {
    return (await this.client.hSetNX(this.key(map), member, `${SEP}${value}`)) === 1;
  }

  async get(map: string, member: string): Promise<string | undefined> {
    return decode((await this.client.hGet(this.key(map), member)) ?? undefined);
  }

  async entries(map: string): Promise<Map<string, string>> {
    return (await this.entriesOfMany([map]))[0]!;
  }

  async entriesOfMany(maps: readonly string[]): Promise<Array<Map<string, string>>> {
    // Sent together: the client pipelines commands issued in the same tick.
    const all = await Promise.all(maps.map((map) => this.client.hGetAll(this.key(map))));
    return all.map((hash) => new Map(Object.entries(hash).map(([member, stored]) => [member, decode(stored)!])));
  }

  async clear(map: string, tallyKey?: string): Promise<number> {
    return this.eval<number>(CLEAR, [this.key(map), tallyKey ? this.key(tallyKey) : ''], []);
  }

  async tallies(key: string, buckets?: readonly string[]): Promise<Map<string, number>> {
    const hash = buckets
      ? Object.fromEntries(
          (await this.client.hmGet(this.key(key), [...buckets])).map((n, i) => [buckets[i]!, n ?? '0'] as const),
        )
      : await this.client.hGetAll(this.key(key));
    return new Map(
      Object.entries(hash)
        .map(([bucket, n]) => [bucket, Number(n)] as const)
        .filter(([, n]) => n > 0),
    );
  }

  async setTallies(key: string, counts: ReadonlyMap<string, number>): Promise<void> {
    await this.eval(
      SET_TALLIES,
      [this.key(key)],
      [...counts].flatMap(([bucket, n]) => [bucket, String(n)]),
    );
  }

  async claim(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (
      (await this.client.set(this.claimKey(name), owner, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      })) === 'OK'
    );
  }

  async finishClaim(name: string, owner: string, keepMs: number): Promise<void> {
    await this.eval(FINISH, [this.claimKey(name)], [owner, String(keepMs)]);
  }

  async releaseClaim(name: string, owner: string): Promise<void> {
    await this.eval(RELEASE, [this.claimKey(name)], [owner]);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    // Not connected (Redis down): drop the socket instead of waiting to say goodbye. A QUIT
    // that gets no answer (Redis died a moment ago) gives up after a second.
    if (!this.client.isReady) {
      this.client.destroy();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 1_000)));
    const said = await Promise.race([this.client.quit().catch(() => 'failed' as const), gaveUp]);
    clearTimeout(timer);
    if (said === 'timeout' || said === 'failed') this.client.destroy();
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private claimKey(name: string): string {
    return `${this.prefix}claim:${name}`;
  }

  private eval<T>(script: string, keys: string[], args: string[]): Promise<T> {
    return this.client.sendCommand(['EVAL', script, String(keys.length), ...keys, ...args]) as Promise<T>;
  }
}
