import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvironment, parseConfig, requireToken } from '../src/config.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.local-discord-server-token';

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      token: undefined,
      clientId: undefined,
      guildId: undefined,
      apiUrl: 'https://discord.com/api',
      databaseUrl: 'sqlite://data/dramabot.sqlite',
      dataDir: 'data',
      catalogAutoBuild: true,
      logLevel: 'info',
      shardCount: undefined,
      shardMode: 'worker',
      shardList: undefined,
      metricsPort: undefined,
    });
  });

  it('compiles a stale catalog at start unless CATALOG_AUTO_BUILD=false', () => {
    expect(parseConfig({ CATALOG_AUTO_BUILD: 'false' }).catalogAutoBuild).toBe(false);
    expect(parseConfig({ CATALOG_AUTO_BUILD: 'true' }).catalogAutoBuild).toBe(true);
    expect(parseConfig({ CATALOG_AUTO_BUILD: '' }).catalogAutoBuild).toBe(true);
    expect(() => parseConfig({ CATALOG_AUTO_BUILD: 'no' })).toThrow(/^CATALOG_AUTO_BUILD must be true or false/);
  });

  it('reads the shards this machine runs, and needs the total to make sense of them', () => {
    expect(parseConfig({ SHARD_COUNT: '4', SHARD_LIST: '3, 2,2' })).toMatchObject({ shardCount: 4, shardList: [2, 3] });
    expect(() => parseConfig({ SHARD_LIST: '0,1' })).toThrow(/^SHARD_LIST needs SHARD_COUNT/);
    expect(() => parseConfig({ SHARD_COUNT: '2', SHARD_LIST: '0,2' })).toThrow(
      /names shard 2, but shards run from 0 to 1/,
    );
    expect(parseConfig({ SHARD_MODE: 'process' }).shardMode).toBe('process');
    expect(parseConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(parseConfig({ METRICS_PORT: '' }).metricsPort).toBeUndefined();
  });

  it('derives the application id from the token when DISCORD_CLIENT_ID is not set', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }).clientId).toBe('1100000000000000001');
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '1200000000000000002' }).clientId).toBe(
      '1200000000000000002',
    );
  });

  it('treats empty values as unset, as a fresh copy of .env.example has them', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ' }).token).toBeUndefined();
  });

  it.each([
    ['DISCORD_TOKEN', 'not-a-token', /^DISCORD_TOKEN is not a bot token/],
    ['DISCORD_GUILD_ID', 'my server', /^DISCORD_GUILD_ID must be a numeric server id/],
    ['DISCORD_API_URL', 'discord.com', /^DISCORD_API_URL must be a URL/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL must start with sqlite:\/\/, redis:\/\/ or postgres:\/\//],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of debug, info, warn, error/],
    ['SHARD_COUNT', '0', /^SHARD_COUNT must be a whole number/],
    ['SHARD_MODE', 'fork', /^SHARD_MODE must be worker or process/],
    ['SHARD_LIST', '0-1', /^SHARD_LIST must list shard ids separated by commas/],
    ['METRICS_PORT', 'http', /^METRICS_PORT must be a port number/],
  ])('rejects a malformed %s with one line that names it and what to do', (name, value, message) => {
    const attempt = () => parseConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/Copy \.env\.example to \.env/);
  });

  it('never puts the token value in an error message', () => {
    const secret = `${'x'.repeat(30)}.not.valid!`;
    try {
      parseConfig({ DISCORD_TOKEN: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('requireToken explains how to get a token or try the playground', () => {
    expect(() => requireToken(parseConfig({}))).toThrow(/DISCORD_TOKEN is not set.*npm run playground/);
    expect(requireToken(parseConfig({ DISCORD_TOKEN: TOKEN }))).toBe(TOKEN);
  });
});

describe('loadEnvironment', () => {
  it('removes blank variables, so libraries that read the environment themselves see them as not set', () => {
    const env: NodeJS.ProcessEnv = { SHARD_COUNT: '', DISCORD_GUILD_ID: '   ', LOG_LEVEL: 'debug' };
    loadEnvironment(env);
    expect('SHARD_COUNT' in env).toBe(false);
    expect('DISCORD_GUILD_ID' in env).toBe(false);
    expect(env.LOG_LEVEL).toBe('debug');
  });
});
