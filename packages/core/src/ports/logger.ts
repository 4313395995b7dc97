/** Structured fields for a log line. Never put tokens, message text or emails here. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A logger with pino's `(fields, message)` shape, so a pino logger fits as it is. */
export interface Logger {
  /** Detail for debugging; may include event details (the server only enables it on request). */
  debug(fields: LogFields, message: string): void;
  /** Normal operation. */
  info(fields: LogFields, message: string): void;
  /** Something was skipped or degraded but the bot carries on. */
  warn(fields: LogFields, message: string): void;
  /** Something failed. */
  error(fields: LogFields, message: string): void;
}
export const Logger = Symbol.for('zenslackchat.Logger');

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
