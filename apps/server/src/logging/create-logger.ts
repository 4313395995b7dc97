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

/**
 * Builds the process logger: ECS JSON by default, pino-pretty when ECS is off; info level, or
 * debug with personal fields let through when debug is on. Secrets are always redacted. Writes to
 * `destination`, else to stdout (`fd` 1) or stderr (`fd` 2, the CLI's, so its stdout stays JSON).
 */
export function createLogger(
  logging: AppConfig['logging'],
  destination?: DestinationStream,
  fd: 1 | 2 = 1,
): Logger {
  const paths = logging.debug ? [...SECRET_PATHS] : [...SECRET_PATHS, ...PERSONAL_PATHS];
  const base: LoggerOptions = {
    level: logging.debug ? 'debug' : 'info',
    redact: { paths, censor: '[redacted]' },
  };
  const options: LoggerOptions = logging.ecs
    ? { ...ecsFormat({ convertReqRes: true, serviceName: 'zenslackchat' }), ...base }
    : base;
  const stream =
    destination ??
    (logging.ecs ? pino.destination(fd) : pretty({ colorize: process.stdout.isTTY, destination: fd }));
  return pino(options, stream);
}
