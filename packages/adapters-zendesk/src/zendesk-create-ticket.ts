import {
  IntegrationError,
  type Logger,
  type NewFollowUp,
  type NewTicket,
  type Ticket,
} from '@zenslackchat/core';
import { isUnknownOutcome, zendeskFailureOf } from './zendesk-errors.ts';
import type { ZendeskAnswer, ZendeskHttp } from './zendesk-http.ts';
import { zendeskId } from './zendesk-ids.ts';
import { toTicket } from './zendesk-mapping.ts';
import { RequesterIds, type ResolvedRequester, resolveRequester } from './zendesk-requester.ts';
import { auditComment, parseAnswer, ticketWithAuditSchema } from './zendesk-schemas.ts';
import { findByExternalId, firstCommentId } from './zendesk-ticket-reads.ts';

// Idempotency keys whose create ended with an unknown outcome; bounded, oldest dropped first.
const MAX_UNCERTAIN = 1000;

/**
 * Ticket creation: POST /tickets with an `Idempotency-Key`. A create whose outcome was unknown
 * (timeout, network, 5xx) throws `Unavailable` and its key is remembered; the retry first looks
 * the ticket up by external id. After a restart the retry relies on the Idempotency-Key alone
 * (Zendesk keeps keys for about two hours).
 */
export class ZendeskTicketCreator {
  private readonly uncertain = new Set<string>();
  private readonly http: ZendeskHttp;
  private readonly logger: Logger;
  private readonly authorId: number | undefined;
  private readonly requesters = new RequesterIds();

  constructor(http: ZendeskHttp, logger: Logger, authorId: number | undefined) {
    this.http = http;
    this.logger = logger;
    this.authorId = authorId;
  }

  /** Opens the ticket, or returns the one an earlier attempt with the same key opened. */
  async create(ticket: NewTicket | NewFollowUp): Promise<Ticket> {
    const key = ticket.idempotencyKey;
    if (!key || key.length > 255) {
      throw new IntegrationError('Invalid', 'idempotency key must be 1..255 characters', {
        integration: 'zendesk',
      });
    }
    if (this.uncertain.has(key)) {
      const earlier = await findByExternalId(this.http, ticket.externalId);
      if (earlier) return this.recovered(key, earlier);
    }
    let requester = await resolveRequester(this.http, ticket.requester, this.logger, this.requesters);
    let answer = await this.send(ticket, key, requester);
    if ('refused' in answer) {
      // The remembered id is stale (the user was deleted or merged in Zendesk): look it up again.
      const email = ticket.requester?.email?.trim() ?? '';
      this.requesters.forget(email);
      this.logger.info(
        { integration: 'zendesk' },
        'zendesk refused a remembered requester; looking it up again',
      );
      requester = await resolveRequester(this.http, ticket.requester, this.logger, this.requesters);
      answer = await this.send(ticket, key, requester);
    }
    if ('refused' in answer) throw answer.refused;
    if ('ticket' in answer) return answer.ticket;
    this.uncertain.delete(key);
    const created = parseAnswer(ticketWithAuditSchema, answer.created.body, 'tickets.create');
    const first = auditComment(created.audit)?.id ?? (await firstCommentId(this.http, created.ticket.id));
    const lookup = answer.created.header('x-idempotency-lookup');
    this.logger.info(
      { integration: 'zendesk', ticketId: created.ticket.id, idempotencyLookup: lookup },
      'zendesk ticket created',
    );
    return toTicket(created.ticket, requester?.person ?? null, first);
  }

  /**
   * One POST /tickets: Zendesk's answer, the ticket an earlier attempt with the same key opened, or
   * the error of a 422 naming the requester when the requester was a remembered id (which the
   * caller may look up again); any other failure throws.
   */
  private async send(
    ticket: NewTicket | NewFollowUp,
    key: string,
    requester: ResolvedRequester | undefined,
  ): Promise<
    { readonly created: ZendeskAnswer } | { readonly ticket: Ticket } | { readonly refused: unknown }
  > {
    const body = {
      ticket: { ...this.fields(ticket), ...(requester ? { requester_id: requester.requesterId } : {}) },
    };
    try {
      return {
        created: await this.http.send('tickets.create', 'POST', ['tickets'], {
          body,
          headers: { 'Idempotency-Key': key },
        }),
      };
    } catch (error) {
      if (isUnknownOutcome(error)) this.remember(key);
      // The key was used with another body: an earlier attempt created the ticket (the body can
      // differ when, say, the requester was found this time and not the first time).
      if (zendeskFailureOf(error)?.error === 'IdempotentRequestError') {
        const earlier = await findByExternalId(this.http, ticket.externalId);
        if (earlier) return { ticket: this.recovered(key, earlier) };
      }
      if (requester?.remembered === true && refusesRequester(error)) {
        return { refused: error };
      }
      throw error;
    }
  }

  // Exactly the documented field names; the tests assert this body field by field.
  private fields(ticket: NewTicket | NewFollowUp) {
    return {
      subject: ticket.subject,
      comment: {
        body: ticket.description,
        public: true,
        ...(this.authorId !== undefined ? { author_id: this.authorId } : {}),
        ...(ticket.uploads !== undefined && ticket.uploads.length > 0
          ? { uploads: [...ticket.uploads] }
          : {}),
      },
      external_id: ticket.externalId,
      ...(ticket.assigneeId !== undefined ? { assignee_id: zendeskId(ticket.assigneeId, 'assigneeId') } : {}),
      ...(ticket.groupId !== undefined ? { group_id: zendeskId(ticket.groupId, 'groupId') } : {}),
      // A follow-up of a closed ticket (Zendesk ignores it on any other ticket).
      ...('sourceTicketId' in ticket
        ? { via_followup_source_id: zendeskId(ticket.sourceTicketId, 'sourceTicketId') }
        : {}),
    };
  }

  private remember(key: string): void {
    this.uncertain.add(key);
    const oldest = this.uncertain.values().next().value;
    if (this.uncertain.size > MAX_UNCERTAIN && oldest !== undefined) this.uncertain.delete(oldest);
  }

  private recovered(key: string, ticket: Ticket): Ticket {
    this.uncertain.delete(key);
    this.logger.warn(
      { integration: 'zendesk', ticketId: ticket.id },
      'zendesk create had an unknown outcome; found its ticket',
    );
    return ticket;
  }
}

/** A 422 whose details name the requester (RecordInvalid on `requester_id` or `requester`). */
function refusesRequester(error: unknown): boolean {
  const failure = zendeskFailureOf(error);
  return failure?.status === 422 && failure.detailFields.some((field) => /requester/i.test(field));
}
