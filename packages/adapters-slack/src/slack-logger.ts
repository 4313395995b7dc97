import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import { type Logger, silentLogger } from '@zenslackchat/core';

/**
 * Adapts the core logger to the `@slack/logger` interface the Slack SDKs take. The SDKs' debug
 * and info output (request bodies, tokens redacted but message text included) goes to debug;
 * `errorsAs: 'warn'` downgrades SDK errors that are really a visitor's mistake (a bad OAuth state).
 */
export function toSlackLogger(
  logger: Logger = silentLogger,
  name = 'slack',
  errorsAs: 'error' | 'warn' = 'error',
): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let component = name;
  const text = (parts: unknown[]): string =>
    parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : String(p))).join(' ');
  return {
    debug: (...parts: unknown[]) => logger.debug({ component }, text(parts)),
    info: (...parts: unknown[]) => logger.debug({ component }, text(parts)),
    warn: (...parts: unknown[]) => logger.warn({ component }, text(parts)),
    error: (...parts: unknown[]) => logger[errorsAs]({ component }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      component = next;
    },
  };
}
