import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import { type Logger, silentLogger } from '@zenslackchat/core';

/**
 * Adapts the core logger to the `@slack/logger` interface the Slack SDKs take. The SDKs' debug
 * output (request bodies, with tokens redacted but message text included) stays at debug level.
 */
export function toSlackLogger(logger: Logger = silentLogger, name = 'slack'): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let component = name;
  const text = (parts: unknown[]): string =>
    parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : String(p))).join(' ');
  return {
    debug: (...parts: unknown[]) => logger.debug({ component }, text(parts)),
    info: (...parts: unknown[]) => logger.debug({ component }, text(parts)),
    warn: (...parts: unknown[]) => logger.warn({ component }, text(parts)),
    error: (...parts: unknown[]) => logger.error({ component }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      component = next;
    },
  };
}
