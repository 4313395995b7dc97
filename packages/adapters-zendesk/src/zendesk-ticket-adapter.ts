import {
  IntegrationError,
  type Logger,
  type NewComment,
  type NewTicket,
  silentLogger,
  type Ticket,
  type TicketComment,
  type TicketLink,
  type TicketPort,
} from '@zenslackchat/core';
import { listCommentsAfter } from './zendesk-comments.ts';
import {
  DEFAULT_COMMENT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ZendeskTicketAdapterOptions,
} from './zendesk-config.ts';
import { invalidResponse, isUnknownOutcome } from './zendesk-errors.ts';
import { type ZendeskAnswer, ZendeskHttp } from './zendesk-http.ts';
import { isZendeskId, zendeskId } from './zendesk-ids.ts';
import { toPerson, toTicket, usersById } from './zendesk-mapping.ts';
import { resolveRequester } from './zendesk-requester.ts';
import {
  auditComment,
  commentPageSchema,
  parseAnswer,
  showTicketSchema,
  ticketListSchema,
  ticketWithAuditSchema,
  type ZendeskTicket,
} from './zendesk-schemas.ts';

// Idempotency keys whose create ended with an unknown outcome; bounded, oldest dropped first.
const MAX_UNCERTAIN = 1000;

/** The core's `TicketPort` on Zendesk's REST API through node-zendesk. */
export class ZendeskTicketAdapter implements TicketPort {
  readonly system = 'zendesk';
  private readonly http: ZendeskHttp;
  private readonly logger: Logger;
  private readonly agentId: number | undefined;
  private readonly ticketBase: string;
  private readonly pageSize: number;
  private readonly uncertain = new Set<string>();

  constructor(options: ZendeskTicketAdapterOptions) {
    this.http = new ZendeskHttp(options);
    this.logger = options.logger ?? silentLogger;
    this.agentId = options.agentId === undefined ? undefined : zendeskId(options.agentId, 'agentId');
    this.ticketBase = options.ticketUrl.replace(/\/+$/, '');
    this.pageSize = Math.min(
      MAX_PAGE_SIZE,
      Math.max(1, options.commentPageSize ?? DEFAULT_COMMENT_PAGE_SIZE),
    );
  }

  /**
   * POST /tickets with an `Idempotency-Key`. A create whose outcome was unknown (timeout, network,
   * 5xx) throws `Unavailable`; its retry first looks the ticket up by external id. After a restart
   * the retry relies on the Idempotency-Key alone (Zendesk keeps keys for about two hours).
   */
  async createTicket(ticket: NewTicket): Promise<Ticket> {
    const key = ticket.idempotencyKey;
    if (!key || key.length > 255)
      throw new IntegrationError('Invalid', 'idempotency key must be 1..255 characters', {
        integration: 'zendesk',
      });
    if (this.uncertain.has(key)) {
      const earlier = await this.findByExternalId(ticket.externalId);
      if (earlier) return this.recovered(key, earlier);
    }
    const requester = await resolveRequester(this.http, ticket.requester, this.logger);
    const comment = { body: ticket.description, public: true, ...this.author(undefined) };
    const body = {
      ticket: {
        subject: ticket.subject,
        comment,
        external_id: ticket.externalId,
        ...(ticket.assigneeId !== undefined
          ? { assignee_id: zendeskId(ticket.assigneeId, 'assigneeId') }
          : {}),
        ...(ticket.groupId !== undefined ? { group_id: zendeskId(ticket.groupId, 'groupId') } : {}),
        ...(requester ? { requester_id: requester.requesterId } : {}),
      },
    };
    let answer: ZendeskAnswer;
    try {
      answer = await this.http.send('tickets.create', 'POST', ['tickets'], {
        body,
        headers: { 'Idempotency-Key': key },
      });
    } catch (error) {
      // The ticket may exist: the caller retries, and the retry looks it up first.
      if (isUnknownOutcome(error)) this.remember(key);
      throw error;
    }
    this.uncertain.delete(key);
    const created = parseAnswer(ticketWithAuditSchema, answer.body, 'tickets.create');
    const firstCommentId = auditComment(created.audit)?.id ?? (await this.firstCommentId(created.ticket.id));
    this.logger.info(
      {
        integration: 'zendesk',
        ticketId: created.ticket.id,
        idempotencyLookup: answer.header('x-idempotency-lookup'),
      },
      'zendesk ticket created',
    );
    return toTicket(created.ticket, requester?.person ?? null, firstCommentId);
  }

  /** GET /tickets/{id} with the requester sideloaded; undefined on 404. */
  async getTicket(ticketId: string): Promise<Ticket | undefined> {
    if (!isZendeskId(ticketId)) return undefined;
    let body: unknown;
    try {
      body = (
        await this.http.send('tickets.show', 'GET', ['tickets', ticketId], { query: { include: 'users' } })
      ).body;
    } catch (error) {
      if (error instanceof IntegrationError && error.reason === 'NotFound') return undefined;
      throw error;
    }
    const { ticket, users } = parseAnswer(showTicketSchema, body, 'tickets.show');
    return toTicket(
      ticket,
      toPerson(ticket.requester_id, usersById(users)),
      await this.firstCommentId(ticket.id),
    );
  }

  /** PUT /tickets/{id} with a comment; returns the new comment's id from the audit. */
  async addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    const body = {
      ticket: { comment: { body: comment.body, public: comment.public, ...this.author(comment.authorId) } },
    };
    const answer = await this.http.send('tickets.comment', 'PUT', ['tickets', ticketId], { body });
    const added = auditComment(parseAnswer(ticketWithAuditSchema, answer.body, 'tickets.comment').audit);
    if (!added) throw invalidResponse('tickets.comment', 'no Comment event in the audit');
    return { id: added.id };
  }

  /** Newest-first pages down to the cursor; see `listCommentsAfter` in zendesk-comments.ts. */
  async listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    return listCommentsAfter(this.http, ticketId, afterId, this.pageSize);
  }

  /** Sets `status: solved` unless already solved or closed (never `closed`, which cannot be undone). */
  async solveTicket(ticketId: string): Promise<void> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    if (await this.isDone(ticketId)) return;
    try {
      await this.http.send('tickets.solve', 'PUT', ['tickets', ticketId], {
        body: { ticket: { status: 'solved' } },
      });
    } catch (error) {
      // Closed between the read and the write: already done.
      if (error instanceof IntegrationError && error.reason === 'Invalid' && (await this.isDone(ticketId)))
        return;
      throw error;
    }
  }

  /** PUT /tickets/{id} with the given external id / group / assignee; nothing to set, no call. */
  async linkTicket(ticketId: string, link: TicketLink): Promise<void> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    const ticket = {
      ...(link.externalId !== undefined ? { external_id: link.externalId } : {}),
      ...(link.groupId !== undefined ? { group_id: zendeskId(link.groupId, 'groupId') } : {}),
      ...(link.assigneeId !== undefined ? { assignee_id: zendeskId(link.assigneeId, 'assigneeId') } : {}),
    };
    if (Object.keys(ticket).length === 0) return;
    await this.http.send('tickets.link', 'PUT', ['tickets', ticketId], { body: { ticket } });
  }

  /** `{ticketUrl}/{id}`. */
  ticketUrl(ticketId: string): string {
    return `${this.ticketBase}/${encodeURIComponent(ticketId)}`;
  }

  private author(authorId: string | undefined): { author_id?: number } {
    if (authorId !== undefined) return { author_id: zendeskId(authorId, 'authorId') };
    return this.agentId !== undefined ? { author_id: this.agentId } : {};
  }

  private async isDone(ticketId: string): Promise<boolean> {
    const answer = await this.http.send('tickets.show', 'GET', ['tickets', ticketId]);
    const { status } = parseAnswer(showTicketSchema, answer.body, 'tickets.show').ticket;
    return status === 'solved' || status === 'closed';
  }

  private async findByExternalId(externalId: string): Promise<Ticket | undefined> {
    const answer = await this.http.send('tickets.find', 'GET', ['tickets'], {
      query: { external_id: externalId },
    });
    const { tickets } = parseAnswer(ticketListSchema, answer.body, 'tickets.find');
    const oldest = tickets
      .filter((t) => t.external_id === externalId)
      .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))[0];
    return oldest ? this.complete(oldest) : undefined;
  }

  private async complete(ticket: ZendeskTicket): Promise<Ticket> {
    return toTicket(ticket, toPerson(ticket.requester_id, new Map()), await this.firstCommentId(ticket.id));
  }

  private async firstCommentId(ticketId: string): Promise<string | null> {
    const answer = await this.http.send('comments.first', 'GET', ['tickets', ticketId, 'comments'], {
      query: { sort_order: 'asc', per_page: 1 },
    });
    return parseAnswer(commentPageSchema, answer.body, 'comments.first').comments[0]?.id ?? null;
  }

  private remember(key: string): void {
    this.uncertain.add(key);
    if (this.uncertain.size > MAX_UNCERTAIN)
      this.uncertain.delete(this.uncertain.values().next().value as string);
  }

  private recovered(key: string, ticket: Ticket): Ticket {
    this.uncertain.delete(key);
    this.logger.warn(
      { integration: 'zendesk', ticketId: ticket.id },
      'zendesk create outcome was unknown; found the ticket by external id',
    );
    return ticket;
  }
}
