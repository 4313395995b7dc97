import { isatty } from 'node:tty';
import { ecsFormat } from '@elastic/ecs-pino-format';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/index.ts';

/** Header and field paths whose values never reach a log line, whatever the level. */
export const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["set-cookie"]',
  'req.headers["x-slack-signature"]',
  'req.headers["x-zendesk-webhook-signature"]',
  'res.headers["set-cookie"]',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.password',
  '*.signingSecret',
  '*.clientSecret',
  '*.apiToken',
  '*.botToken',
  '*.*.token',
  '*.*.accessToken',
  '*.*.secret',
  '*.*.password',
] as const;

/** Fields with people's words or addresses; redacted unless DEBUG_ENABLED is on. */
export const PERSONAL_PATHS = [
  'text',
  'email',
  'body',
  '*.text',
  '*.email',
  '*.body',
  '*.*.text',
  '*.*.email',
  '*.*.body',
] as const;

/** ECS JSON, or readable lines: `auto` means lines only on a terminal (development). */
export function logFormat(ecs: AppConfig['logging']['ecs'], terminal: boolean): 'ecs' | 'lines' {
  return ecs === true || (ecs === 'auto' && !terminal) ? 'ecs' : 'lines';
}

/** The logger's settings: the configuration's, plus `quiet` (warnings and errors only, for the CLI). */
export type LoggerSettings = AppConfig['logging'] & { readonly quiet?: boolean };

/**
 * Builds the process logger: ECS JSON, or pino-pretty lines when ECS is off or `auto` and the logs
 * go to a terminal; info level (warn when quiet), or debug with personal fields let through when
 * debug is on. Secrets are always redacted. Writes to `destination`, else to stdout (`fd` 1) or
 * stderr (`fd` 2, the CLI's, so its stdout stays JSON); ECS lines asynchronously, flushed on exit.
 */
export function createLogger(
  logging: LoggerSettings,
  destination?: DestinationStream,
  fd: 1 | 2 = 1,
): Logger {
  const paths = logging.debug ? [...SECRET_PATHS] : [...SECRET_PATHS, ...PERSONAL_PATHS];
  const base: LoggerOptions = {
    level: logging.quiet === true ? 'warn' : logging.debug ? 'debug' : 'info',
    redact: { paths, censor: '[redacted]' },
  };
  const terminal = destination === undefined && isatty(fd);
  const ecs = logFormat(logging.ecs, terminal) === 'ecs';
  const options: LoggerOptions = ecs
    ? { ...ecsFormat({ convertReqRes: true, serviceName: 'zenslackchat' }), ...base }
    : base;
  // ECS lines are written asynchronously: under load the lines logged while a write is in flight
  // go out together in the next one (a synchronous write per line cost ~10% of the bot's CPU per
  // issue). pino flushes them synchronously when the process exits, also on process.exit().
  const stream =
    destination ??
    (ecs ? pino.destination({ dest: fd, sync: false }) : pretty({ colorize: terminal, destination: fd }));
  return pino(options, stream);
}
