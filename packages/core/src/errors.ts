/** Base error of the core package: a stable string `code`, the cause kept through `ErrorOptions`. */
export class CoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Why an integration (chat, tickets, on-call, store) call failed, independent of the vendor. */
export const INTEGRATION_REASONS = [
  'RateLimited',
  'Unauthorized',
  'NotFound',
  'Conflict',
  'Unavailable',
  'Invalid',
] as const;
export type IntegrationReason = (typeof INTEGRATION_REASONS)[number];

const RETRYABLE_BY_DEFAULT: Readonly<Record<IntegrationReason, boolean>> = {
  RateLimited: true,
  Unauthorized: false,
  NotFound: false,
  Conflict: true,
  Unavailable: true,
  Invalid: false,
};

/**
 * What the vendor answered a failed call, for the one log line that reports it: the call, the
 * HTTP status and the vendor's own error code and description. Never tokens or message text.
 */
export interface VendorAnswer {
  /** The adapter's name for the call, e.g. `tickets.comment`. */
  readonly call: string;
  readonly status?: number;
  /** The vendor's error code, e.g. Zendesk's `RecordInvalid`. */
  readonly code?: string;
  /** The vendor's description of the error, cut short. */
  readonly description?: string;
  /** The request fields the vendor's details name (names only, never values). */
  readonly fields?: readonly string[];
}

export interface IntegrationErrorOptions extends ErrorOptions {
  /** Which integration failed, for logs: `slack`, `zendesk`, `pagerduty`, `postgres`... */
  readonly integration?: string;
  /** Overrides the reason's default retryability. */
  readonly retryable?: boolean;
  /** How long the vendor asked us to wait before trying again. */
  readonly retryAfterMs?: number;
  /** The call and the vendor's answer, when the adapter knows them. */
  readonly vendor?: VendorAnswer;
}

/**
 * The one error every port throws for a failed outside call. The job layer decides retries from
 * `reason`, `retryable` and `retryAfterMs`, never from vendor status codes.
 */
export class IntegrationError extends CoreError {
  readonly reason: IntegrationReason;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly integration: string | undefined;
  readonly vendor: VendorAnswer | undefined;

  constructor(reason: IntegrationReason, message: string, options: IntegrationErrorOptions = {}) {
    super(`integration.${reason}`, message, options);
    this.reason = reason;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[reason];
    this.retryAfterMs = options.retryAfterMs;
    this.integration = options.integration;
    this.vendor = options.vendor;
  }
}

/** True when `error` is an IntegrationError (also across duplicated package copies). */
export function isIntegrationError(error: unknown): error is IntegrationError {
  return (
    error instanceof IntegrationError ||
    (error instanceof Error &&
      typeof (error as Partial<IntegrationError>).reason === 'string' &&
      typeof (error as Partial<IntegrationError>).retryable === 'boolean')
  );
}

/**
 * Whether a failed run should be retried: integration errors say so; a closed ticket stays closed;
 * unknown errors are retried.
 */
export function isRetryable(error: unknown): boolean {
  if (isTicketClosed(error)) return false;
  return isIntegrationError(error) ? error.retryable : true;
}

/**
 * The ticket is closed for good and takes no more comments. Thrown by a ticket adapter only when
 * it has positively identified that state (e.g. Zendesk's 422 confirmed by reading the ticket's
 * status); any other refusal stays an `IntegrationError` and changes nothing in the bot.
 */
export class TicketClosedError extends CoreError {
  readonly ticketId: string;

  constructor(ticketId: string, options?: ErrorOptions) {
    super('ticket.closed', `ticket ${ticketId} is closed`, options);
    this.ticketId = ticketId;
  }
}

/** True when `error` is a TicketClosedError (also across duplicated package copies). */
export function isTicketClosed(error: unknown): error is TicketClosedError {
  return (
    error instanceof TicketClosedError ||
    (error instanceof CoreError && error.code === 'ticket.closed' && 'ticketId' in error)
  );
}
