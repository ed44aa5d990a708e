import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Strings that must never reach the log (the token): replaced by [redacted]. */
  secrets?: string[];
  write?: (line: string) => void;
  /** Fields on every line, before the event's own: `shard=2` for one shard of npm run start:sharded. */
  fields?: Record<string, unknown>;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return /[\s="]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** Replaces every occurrence of the secrets (8+ characters) with [redacted]. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return secrets
    .filter((s): s is string => !!s && s.length >= 8)
    .reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/** One line per event: `time LEVEL message key=value ...`; errors add their stack after it. */
export function createLogger({
  level,
  secrets = [],
  write = (line) => process.stderr.write(`${line}\n`),
  fields: always = {},
}: LoggerOptions): Logger {
  const log =
    (at: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      const parts = Object.entries({ ...always, ...fields })
        .filter(([, v]) => v !== undefined && !(v instanceof Error))
        .map(([k, v]) => `${k}=${formatValue(v)}`);
      const errors = Object.values(fields).filter((v): v is Error => v instanceof Error);
      const line = [new Date().toISOString(), at.toUpperCase(), message, ...parts].join(' ');
      write(redact(errors.length ? `${line}\n${errors.map(formatValue).join('\n')}` : line, secrets));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
