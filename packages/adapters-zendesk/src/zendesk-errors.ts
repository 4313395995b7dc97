import { IntegrationError, type IntegrationReason, type VendorAnswer } from '@zenslackchat/core';
import type { ZendeskErrorBody } from './zendesk-error-body.ts';

const integration = 'zendesk';

/**
 * The `cause` of an error for a non-2xx answer: which call, the status and what Zendesk said
 * (its code, description and the fields its details name; no values, no request text).
 */
export interface ZendeskFailure extends ZendeskErrorBody {
  readonly operation: string;
  readonly status: number;
}

/** The Zendesk answer behind an error, when it was a non-2xx answer. */
export function zendeskFailureOf(error: unknown): ZendeskFailure | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && typeof (cause as ZendeskFailure).status === 'number'
    ? (cause as ZendeskFailure)
    : undefined;
}

/** Maps a non-2xx answer to the core's error: 429, 401/403, 404, 409, 422/4xx, 5xx. */
export function errorForStatus(
  status: number,
  retryAfter: string | null,
  operation: string,
  body: ZendeskErrorBody,
): IntegrationError {
  const reason = reasonForStatus(status);
  const retryAfterMs = parseRetryAfter(retryAfter);
  const vendorError = body.error;
  const detail = vendorError ? ` (${vendorError})` : '';
  const cause: ZendeskFailure = { ...body, operation, status };
  return new IntegrationError(reason, `zendesk ${operation} answered ${status}${detail}`, {
    integration,
    cause,
    vendor: vendorAnswer(operation, status, body),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

function vendorAnswer(call: string, status: number, body: ZendeskErrorBody): VendorAnswer {
  return {
    call,
    status,
    ...(body.error !== undefined ? { code: body.error } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.detailFields.length > 0 ? { fields: body.detailFields } : {}),
  };
}

/** The reason for an HTTP status. */
export function reasonForStatus(status: number): IntegrationReason {
  if (status === 429) return 'RateLimited';
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  if (status >= 400 && status < 500) return 'Invalid';
  return 'Unavailable';
}

/**
 * A request without a readable answer (timeout, refused, reset, a JSON body cut short): the
 * outcome is unknown, so it is retried (creates and comments recover their first attempt).
 */
export function errorForTransport(operation: string, cause: unknown): IntegrationError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  const unreadable = cause instanceof SyntaxError;
  const what = timedOut ? 'timed out' : unreadable ? 'answered a body that is not JSON' : 'failed to connect';
  return new IntegrationError('Unavailable', `zendesk ${operation} ${what}`, {
    integration,
    cause,
    vendor: { call: operation },
  });
}

/** A 2xx answer whose body is not what the API documents. */
export function invalidResponse(operation: string, problem: string, cause?: unknown): IntegrationError {
  return new IntegrationError('Invalid', `zendesk ${operation} answered an unexpected body: ${problem}`, {
    integration,
    retryable: false,
    vendor: { call: operation, description: `unexpected body: ${problem}`.slice(0, 200) },
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether a failure leaves it unknown if the request took effect (timeout, network, 5xx). */
export function isUnknownOutcome(error: unknown): boolean {
  return error instanceof IntegrationError && error.reason === 'Unavailable' && error.retryable;
}
