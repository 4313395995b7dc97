import { TicketClosedError } from '@zenslackchat/core';
import { zendeskFailureOf } from './zendesk-errors.ts';
import type { ZendeskHttp } from './zendesk-http.ts';
import { ticketState } from './zendesk-ticket-reads.ts';

/**
 * Whether a failed update of `ticketId` was refused because the ticket is closed: Zendesk's 422
 * whose details say so, confirmed by reading the ticket's status. Anything short of both is not
 * "closed" (a 422 for another field, or a ticket that reads open, stays the original error).
 */
export async function isConfirmedClosed(
  http: ZendeskHttp,
  ticketId: string,
  error: unknown,
): Promise<boolean> {
  const failure = zendeskFailureOf(error);
  if (failure?.status !== 422 || !failure.saysClosed) return false;
  return (await ticketState(http, ticketId)).status === 'closed';
}

/** Rethrows a failed update: as `TicketClosedError` when `isConfirmedClosed`, else unchanged. */
export async function rethrowUpdateFailure(
  http: ZendeskHttp,
  ticketId: string,
  error: unknown,
): Promise<never> {
  if (await isConfirmedClosed(http, ticketId, error)) throw new TicketClosedError(ticketId, { cause: error });
  throw error;
}
