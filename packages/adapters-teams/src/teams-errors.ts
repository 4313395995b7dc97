import { IntegrationError, type IntegrationReason } from '@zenslackchat/core';

/** Integration name carried by every error this package throws. */
export const TEAMS = 'teams';

interface HttpErrorShape {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly response?: {
    readonly status?: unknown;
    readonly headers?: unknown;
    readonly data?: { readonly error?: { readonly code?: unknown } };
  };
}

/** Maps an HTTP status of the Bot Connector or the token endpoint to the core's reason. */
export function reasonForTeamsStatus(status: number): IntegrationReason {
  if (status === 429) return 'RateLimited';
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  // 412 is Teams' "precondition failed" under load: back off and retry (rate-limit doc).
  if (status === 408 || status === 412 || status >= 500) return 'Unavailable';
  return 'Invalid';
}

/** Retry-After in ms from a header value (seconds or an HTTP date); undefined when absent or bad. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Turns anything the Teams SDK's HTTP client (axios) throws into an `IntegrationError`
 * (integration `teams`): statuses by `reasonForTeamsStatus`, 429 with `retryAfterMs`, network
 * errors and timeouts → Unavailable. Never includes tokens or message text.
 */
export function toTeamsIntegrationError(error: unknown, operation: string): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorShape;
  const options = { integration: TEAMS, cause: error };
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  if (status === undefined) {
    const code = typeof e.code === 'string' ? e.code : 'network error';
    return new IntegrationError('Unavailable', `Teams ${operation}: ${code}`, options);
  }
  const reason = reasonForTeamsStatus(status);
  const vendorCode =
    typeof e.response?.data?.error?.code === 'string' ? ` ${e.response.data.error.code}` : '';
  const headers = (e.response?.headers ?? {}) as Record<string, unknown>;
  const wait = reason === 'RateLimited' ? retryAfterMs(headers['retry-after']) : undefined;
  return new IntegrationError(reason, `Teams ${operation}: HTTP ${status}${vendorCode}`, {
    ...options,
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
}
