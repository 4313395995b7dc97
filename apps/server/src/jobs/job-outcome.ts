import { type IntegrationError, isIntegrationError, isRetryable } from '@zenslackchat/core';

/** The loggable fields of a use-case outcome: ids, counts and flags, never text. */
export function summariseOutcome(outcome: unknown): Record<string, string | number | boolean> {
  const summary: Record<string, string | number | boolean> = {};
  if (typeof outcome !== 'object' || outcome === null) return summary;
  for (const [name, value] of Object.entries(outcome)) {
    if (typeof value === 'number' || typeof value === 'boolean') summary[name] = value;
    else if (
      typeof value === 'string' &&
      (name === 'outcome' || name === 'reason' || /Id$|day$/.test(name))
    ) {
      summary[name] = value;
    } else if (value instanceof Date) summary[name] = value.toISOString();
  }
  return summary;
}

/**
 * How a failure is logged and kept: the reason and retry hints, not the stack; for a vendor call,
 * which vendor and call, the HTTP status and the vendor's own error code and description.
 */
export interface FailureSummary {
  readonly name: string;
  readonly reason: string | null;
  readonly message: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly integration?: string;
  readonly call?: string;
  readonly status?: number;
  readonly vendorError?: string;
  readonly vendorDescription?: string;
  readonly vendorFields?: string;
}

/** Describes a thrown value for logs and dead letters. */
export function summariseFailure(error: unknown): FailureSummary {
  const integration = isIntegrationError(error);
  return {
    name: error instanceof Error ? error.name : 'Error',
    reason: integration ? error.reason : null,
    message: error instanceof Error ? error.message : String(error),
    retryable: isRetryable(error),
    retryAfterMs: integration ? (error.retryAfterMs ?? null) : null,
    ...vendorFields(error),
  };
}

// From the error, or from the vendor error behind it (a TicketClosedError keeps the 422 as cause).
function vendorFields(thrown: unknown) {
  const cause = thrown instanceof Error ? thrown.cause : undefined;
  const error: IntegrationError | undefined = isIntegrationError(thrown)
    ? thrown
    : isIntegrationError(cause)
      ? cause
      : undefined;
  if (error === undefined) return {};
  const vendor = error.vendor;
  return {
    ...(error.integration !== undefined && { integration: error.integration }),
    ...(vendor?.call !== undefined && { call: vendor.call }),
    ...(vendor?.status !== undefined && { status: vendor.status }),
    ...(vendor?.code !== undefined && { vendorError: vendor.code }),
    ...(vendor?.description !== undefined && { vendorDescription: vendor.description }),
    ...(vendor?.fields !== undefined && { vendorFields: vendor.fields.join(',') }),
  };
}
