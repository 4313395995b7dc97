import { IntegrationError, type IntegrationReason } from '@zenslackchat/core';

/** Integration name carried by every error this package throws. */
export const SLACK = 'slack';

const UNAUTHORIZED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
  'no_permission',
  'not_allowed_token_type',
  'not_in_channel',
  'ekm_access_denied',
  'team_access_not_granted',
]);
const NOT_FOUND = new Set([
  'channel_not_found',
  'user_not_found',
  'users_not_found',
  'thread_not_found',
  'message_not_found',
  'team_not_found',
  'file_not_found',
]);
const UNAVAILABLE = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Maps a Slack platform error code (`ok:false` body) to the core's reason. */
export function reasonForSlackError(code: string): IntegrationReason {
  if (code === 'ratelimited' || code === 'rate_limited') return 'RateLimited';
  if (UNAUTHORIZED.has(code)) return 'Unauthorized';
  if (NOT_FOUND.has(code)) return 'NotFound';
  if (UNAVAILABLE.has(code)) return 'Unavailable';
  return 'Invalid';
}

/**
 * Maps an HTTP status other than 200 and 429 to the core's reason. Slack answers its documented
 * errors as HTTP 200 with `ok:false`, so these come from a proxy or a wrong API URL: a 409 may
 * pass later, other 4xx will not.
 */
export function reasonForHttpStatus(status: number): IntegrationReason {
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  if (status === 408 || status >= 500) return 'Unavailable';
  return 'Invalid';
}

/** Slack error codes are lower-case words; anything else is a body that was not Slack's JSON. */
const SLACK_CODE = /^[a-z][a-z0-9_.]*$/;

/** The `ok:false` error code behind a mapped error, when Slack gave one (e.g. `user_not_found`). */
export function slackErrorCode(error: unknown): string | undefined {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; data?: { error?: unknown } }) : undefined;
  const code = cause?.code === 'slack_webapi_platform_error' ? cause.data?.error : undefined;
  return typeof code === 'string' && SLACK_CODE.test(code) ? code : undefined;
}

interface SlackErrorShape {
  readonly code?: unknown;
  readonly retryAfter?: unknown;
  readonly statusCode?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly original?: unknown;
  readonly message?: unknown;
}

/**
 * Turns anything `@slack/web-api` throws into an `IntegrationError` (integration `slack`): 429 →
 * RateLimited with `retryAfterMs`; auth codes → Unauthorized; `*_not_found` → NotFound; network,
 * timeouts, 5xx and bodies that are not Slack's JSON → Unavailable; other platform errors →
 * Invalid. Never includes the token (nor the body).
 */
export function toSlackIntegrationError(error: unknown, method: string): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SlackErrorShape;
  const options = { integration: SLACK, cause: error };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
      return new IntegrationError('RateLimited', `Slack ${method}: rate limited`, {
        ...options,
        ...(seconds === undefined ? {} : { retryAfterMs: seconds * 1000 }),
      });
    }
    case 'slack_webapi_platform_error': {
      const code = e.data?.error;
      // The client reports a body it could not parse (truncated, HTML) as the "error" itself: that
      // is not an answer we understand, so nothing is concluded from it and a retry may pass.
      if (typeof code !== 'string' || !SLACK_CODE.test(code))
        return new IntegrationError('Unavailable', `Slack ${method}: unexpected answer`, options);
      return new IntegrationError(reasonForSlackError(code), `Slack ${method}: ${code}`, options);
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      return new IntegrationError(reasonForHttpStatus(status), `Slack ${method}: HTTP ${status}`, options);
    }
    case 'slack_webapi_request_error': {
      const original = e.original instanceof Error ? e.original.name : 'Error';
      const what = original === 'TimeoutError' || original === 'AbortError' ? 'timed out' : 'request failed';
      return new IntegrationError('Unavailable', `Slack ${method}: ${what}`, options);
    }
  }
  // A 429 without a usable Retry-After surfaces as a plain Error from the client.
  if (typeof e.message === 'string' && e.message.startsWith('Retry header did not contain')) {
    return new IntegrationError('RateLimited', `Slack ${method}: rate limited`, options);
  }
  return new IntegrationError('Unavailable', `Slack ${method}: unexpected failure`, options);
}
