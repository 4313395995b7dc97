import { IntegrationError, isIntegrationError } from '@zenslackchat/core';
import { PostgresAdapterError } from './postgres-adapter-error.ts';

const INTEGRATION = 'postgres';

/** Node socket error codes that mean the server could not be reached or the link dropped. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Messages pg and PGlite use for lost or unobtainable connections (they carry no code). */
const CONNECTION_MESSAGE =
  /connection terminated|connection ended|timeout exceeded when trying to connect|client has encountered a connection error|cannot use a pool after calling end|pglite is closed|instance is already closed|driver has already been destroyed/i;

/** The SQLSTATE of a driver error, or of its cause (Kysely wraps some, e.g. an aborted transaction). */
function sqlState(error: unknown, depth = 0): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return depth < 2 && cause !== undefined ? sqlState(cause, depth + 1) : undefined;
}

function fail(reason: IntegrationError['reason'], message: string, cause: unknown, retryable?: boolean) {
  return new IntegrationError(reason, `postgres: ${message}`, {
    integration: INTEGRATION,
    cause,
    ...(retryable === undefined ? {} : { retryable }),
  });
}

/**
 * Maps a pg / PGlite failure to the core's `IntegrationError`: unique violation → Conflict (not
 * retryable); serialization failure, deadlock, lock timeout → Conflict (retryable); lost or refused
 * connection, shutdown, resource exhaustion → Unavailable (retryable); bad data → Invalid.
 * Errors that already are `IntegrationError` or this package's own errors pass through unchanged.
 */
export function mapDbError(error: unknown): Error {
  if (isIntegrationError(error) || error instanceof PostgresAdapterError) return error;
  const state = sqlState(error);
  if (state !== undefined) {
    if (state === '23505') return fail('Conflict', 'unique constraint violated', error, false);
    if (state === '40001' || state === '40P01' || state === '55P03' || state === '25P02') {
      return fail('Conflict', `transaction conflict (${state})`, error, true);
    }
    if (state.startsWith('08') || state.startsWith('53') || state.startsWith('58')) {
      return fail('Unavailable', `database unavailable (${state})`, error);
    }
    if (state.startsWith('57')) return fail('Unavailable', `operation stopped (${state})`, error);
    if (state.startsWith('22') || state.startsWith('23')) {
      return fail('Invalid', `data rejected (${state})`, error);
    }
    return fail('Invalid', `statement failed (${state})`, error, false);
  }
  const nodeCode = (error as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && NETWORK_CODES.has(nodeCode)) {
    return fail('Unavailable', `connection failed (${nodeCode})`, error);
  }
  if (error instanceof Error && CONNECTION_MESSAGE.test(error.message)) {
    return fail('Unavailable', 'connection lost', error);
  }
  return fail('Unavailable', 'unexpected database failure', error);
}

/** Runs `work`, rethrowing any failure through `mapDbError`. */
export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapDbError(error);
  }
}
