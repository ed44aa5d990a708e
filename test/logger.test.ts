import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('createLogger', () => {
  it('writes one line with level, message and key=value fields, quoting values with spaces', () => {
    const lines: string[] = [];
    createLogger({ level: 'info', write: (l) => lines.push(l) }).info('interaction', {
      command: '/drama info',
      latency_ms: 12,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO interaction command="\/drama info" latency_ms=12$/);
  });

  it('puts its own fields (the shard) on every line, before the event fields', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', fields: { shard: 2 }, write: (l) => lines.push(l) });
    log.info('ready', { guilds: 3 });
    log.warn('gateway disconnected');
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'INFO ready shard=2 guilds=3',
      'WARN gateway disconnected shard=2',
    ]);
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.debug('a');
    log.info('b');
    log.warn('c');
    expect(lines).toHaveLength(1);
  });

  it('redacts secrets anywhere in the line, stacks included', () => {
    const lines: string[] = [];
    const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.abc.secret-part';
    createLogger({ level: 'debug', secrets: [token], write: (l) => lines.push(l) }).error('failed', {
      error: new Error(`bad ${token}`),
      header: `Bot ${token}`,
    });
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
