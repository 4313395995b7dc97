import { ConfigError } from '../config/index.ts';

/** Start-up or a command cannot go on for a reason the user can fix; the message says which, in one line. */
export class StartupError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The command line was wrong: the message names what, the caller adds the usage. */
export class UsageError extends StartupError {
  constructor(message: string, options?: ErrorOptions) {
    super('usage', message, options);
  }
}

type Coded = Error & {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
};

function causes(error: unknown): Coded[] {
  const chain: Coded[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!(value instanceof Error) || depth > 8) return;
    chain.push(value);
    const { errors } = value as Coded;
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
    visit(value.cause, depth + 1);
  };
  visit(error, 0);
  return chain;
}

// SQLSTATE classes a user fixes in DATABASE_URL or on the server: connection (08), authorization
// (28), unknown database (3D), insufficient privilege (42501), shutting down / starting (57P).
// https://www.postgresql.org/docs/current/errcodes-appendix.html
const DATABASE_STATES = /^(08|28|3D|42501|57P)/;

function databaseCause(error: Coded): string | undefined {
  const { code } = error;
  if (typeof code !== 'string') return undefined;
  if (/^[0-9A-Z]{5}$/.test(code) && DATABASE_STATES.test(code)) return error.message;
  const at = typeof error.address === 'string' ? `${error.address}:${String(error.port)}` : undefined;
  if (code === 'ECONNREFUSED') return `connection refused at ${at ?? 'the database host'}`;
  if (code === 'ETIMEDOUT') return `connection timed out at ${at ?? 'the database host'}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host ${String(error.hostname)} not found`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${at ?? 'the database host'} is unreachable`;
  return undefined;
}

/**
 * One line for an error that stops start-up or a CLI command, when it has a cause the user can fix
 * (configuration, command line, port, database); undefined otherwise (a bug: show the whole error).
 */
export function explainStartupError(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  const chain = causes(error);
  for (const item of chain) {
    const cause = databaseCause(item);
    if (cause !== undefined) return `database (DATABASE_URL): ${cause}`;
    if (item.message === 'timeout exceeded when trying to connect') {
      return 'database (DATABASE_URL): no connection within the timeout';
    }
  }
  const locked = chain.find((item) => item.code === 'postgres.data_dir_locked');
  return locked?.message;
}
