/** Gateway and REST objects shaped the way Discord sends them (only what discord.js reads). */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** Real-looking snowflakes: discord.js derives timestamps from them and REST buckets expect their length. */
export function snowflake(): string {
  increment = (increment + 1n) & 4095n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export function tokenFor(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64url')}.ZmFrZQ.local-discord-server-token`;
}

export const PERMISSIONS = {
  /** View channel, send messages, embed links, attach files, read history, use application commands. */
  member: (1024n | 2048n | 16384n | 32768n | 65536n | (1n << 31n)).toString(),
  /** The same plus Manage Server. */
  manager: (1024n | 2048n | 16384n | 32768n | 65536n | (1n << 31n) | 32n).toString(),
  /** A member's plus Create Events: someone who may plan server events. */
  eventHost: (1024n | 2048n | 16384n | 32768n | 65536n | (1n << 31n) | (1n << 44n)).toString(),
  /** What an app may do in a DM: send messages, embed links, attach files, read history. */
  dm: (2048n | 16384n | 32768n | 65536n).toString(),
  /** What an app installed by a user may do in a server it is not in: the same, plus use external emojis. */
  userApp: (2048n | 16384n | 32768n | 65536n | 262144n).toString(),
  /** The bot's own in the channel: a member's plus Manage Events and Create Events. */
  app: (1024n | 2048n | 16384n | 32768n | 65536n | (1n << 31n) | (1n << 33n) | (1n << 44n)).toString(),
};

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  ownerId: string;
  preferredLocale: string;
}

export function user(id: string, username: string, bot = false): FakeUser {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: '0',
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export function guildCreate(guild: FakeGuild, botUser: FakeUser) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: PERMISSIONS.member,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: guild.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [
      {
        id: guild.channelId,
        type: 0,
        guild_id: guild.id,
        name: 'drama-night',
        position: 0,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        parent_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function member(u: FakeUser, permissions: string) {
  return {
    user: u,
    roles: [],
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    pending: false,
    permissions,
  };
}
