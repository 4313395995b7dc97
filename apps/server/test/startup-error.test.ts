import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/index.ts';
import { explainStartupError, StartupError } from '../src/server/startup-error.ts';

// The causes a real server cannot be made to produce here (the local Postgres trusts every user),
// built as pg and Node raise them. https://www.postgresql.org/docs/current/errcodes-appendix.html
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => new Error('migration failed at unknown', { cause });

describe('explainStartupError', () => {
  it('names a failed password, through the wrapping error', () => {
    expect(
      explainStartupError(wrapped(pgError('28P01', 'password authentication failed for user "bot"'))),
    ).toBe('database (DATABASE_URL): password authentication failed for user "bot"');
  });

  it('finds a refused connection inside an AggregateError (localhost tried on ::1 and 127.0.0.1)', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:5433`), {
        code: 'ECONNREFUSED',
        address,
        port: 5433,
      });
    const error = wrapped(new AggregateError([refused('::1'), refused('127.0.0.1')], 'connect failed'));
    expect(explainStartupError(error)).toBe('database (DATABASE_URL): connection refused at ::1:5433');
  });

  it('passes configuration and start-up errors through, and leaves unknown errors (bugs) alone', () => {
    expect(explainStartupError(new ConfigError(['PORT: bad']))).toContain('PORT: bad');
    expect(explainStartupError(new StartupError('port.in_use', 'port 1 is in use'))).toBe('port 1 is in use');
    expect(explainStartupError(new TypeError('x is not a function'))).toBeUndefined();
    expect(explainStartupError(pgError('42P01', 'relation "x" does not exist'))).toBeUndefined();
  });
});
