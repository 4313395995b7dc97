import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  type FileContent,
  type Logger,
  type NewComment,
  type NewFollowUp,
  type NewTicket,
  type StatusChange,
  silentLogger,
  type Ticket,
  type TicketAttachment,
  type TicketComment,
  type TicketHistory,
  type TicketLink,
  type TicketPerson,
  type TicketPort,
  type TicketState,
} from '@zenslackchat/core';
import { downloadAttachment } from './zendesk-attachment-download.ts';
import { isConfirmedClosed, rethrowUpdateFailure } from './zendesk-closed.ts';
import { listCommentsAfter } from './zendesk-comments.ts';
import {
  DEFAULT_ATTACHMENT_TIMEOUT_MS,
  DEFAULT_COMMENT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ZendeskTicketAdapterOptions,
} from './zendesk-config.ts';
import { ZendeskTicketCreator } from './zendesk-create-ticket.ts';
import { invalidResponse } from './zendesk-errors.ts';
import { readHistory } from './zendesk-history.ts';
import { type ZendeskAnswer, ZendeskHttp } from './zendesk-http.ts';
import { zendeskId } from './zendesk-ids.ts';
import { lastStatusChange, ticketStates } from './zendesk-lifecycle.ts';
import { auditComment, parseAnswer, ticketWithAuditSchema } from './zendesk-schemas.ts';
import { showTicket, ticketState } from './zendesk-ticket-reads.ts';
import { uploadFile } from './zendesk-upload.ts';
import { showSelf } from './zendesk-who-am-i.ts';

const DONE = new Set(['solved', 'closed']);

/** The core's `TicketPort` on Zendesk's REST API through node-zendesk. */
export class ZendeskTicketAdapter implements TicketPort {
  readonly system = 'zendesk';
  private readonly http: ZendeskHttp;
  private readonly logger: Logger;
  private readonly agentId: number | undefined;
  private readonly ticketBase: string;
  private readonly pageSize: number;
  private readonly creator: ZendeskTicketCreator;
  private readonly maxAttachmentBytes: number;
  private readonly attachmentTimeoutMs: number;
  private self: Promise<TicketPerson & { readonly id: string }> | undefined;

  constructor(options: ZendeskTicketAdapterOptions) {
    this.logger = options.logger ?? silentLogger;
    this.http = new ZendeskHttp({ ...options, logger: this.logger });
    this.agentId = options.agentId === undefined ? undefined : zendeskId(options.agentId, 'agentId');
    this.ticketBase = options.ticketUrl.replace(/\/+$/, '');
    const pageSize = options.commentPageSize ?? DEFAULT_COMMENT_PAGE_SIZE;
    this.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
    this.creator = new ZendeskTicketCreator(this.http, this.logger, this.agentId);
    this.maxAttachmentBytes = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    if (!(this.maxAttachmentBytes >= 0)) throw new RangeError('maxAttachmentBytes must not be negative');
    this.attachmentTimeoutMs = options.attachmentTimeoutMs ?? DEFAULT_ATTACHMENT_TIMEOUT_MS;
  }

  /** See `ZendeskTicketCreator`: Idempotency-Key, then a look-up by external id after an unknown outcome. */
  createTicket(ticket: NewTicket): Promise<Ticket> {
    return this.creator.create(ticket);
  }

  /** The user the bot's comments are written as: the configured `agentId`, else `GET /users/me`. */
  whoAmI(): Promise<TicketPerson & { readonly id: string }> {
    if (this.agentId !== undefined) return Promise.resolve({ id: String(this.agentId) });
    // Asked once; a failed look-up is asked again next time.
    this.self ??= showSelf(this.http).catch((error: unknown) => {
      this.self = undefined;
      throw error;
    });
    return this.self;
  }

  /** POST /uploads with the file's bytes; see `uploadFile` in zendesk-upload.ts. */
  uploadFile(file: FileContent): Promise<{ readonly token: string }> {
    return uploadFile(this.http, file);
  }

  /**
   * GET of the attachment's `content_url`, credentials to the account's own host only, at most
   * `maxAttachmentBytes`; see zendesk-attachment-download.ts.
   */
  downloadAttachment(attachment: TicketAttachment): Promise<FileContent> {
    return downloadAttachment(attachment, {
      zendeskOrigin: this.http.origin,
      authorization: () => this.http.authorization(),
      maxBytes: this.maxAttachmentBytes,
      timeoutMs: this.attachmentTimeoutMs,
    });
  }

  /** GET /tickets/{id} with the requester sideloaded; undefined on 404. */
  getTicket(ticketId: string): Promise<Ticket | undefined> {
    return showTicket(this.http, ticketId);
  }

  /**
   * PUT /tickets/{id} with a comment (and `status: open` when asked: an API comment does not reopen
   * a solved ticket by itself); returns the new comment's id from the audit. A closed ticket (422,
   * confirmed by a read) throws `TicketClosedError`; an unknown one `NotFound`.
   */
  async addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    const authorId = comment.authorId === undefined ? this.agentId : zendeskId(comment.authorId, 'authorId');
    const fields = {
      body: comment.body,
      public: comment.public,
      ...(authorId !== undefined ? { author_id: authorId } : {}),
      ...(comment.uploads !== undefined && comment.uploads.length > 0
        ? { uploads: [...comment.uploads] }
        : {}),
    };
    const body = { ticket: { comment: fields, ...(comment.reopen === true ? { status: 'open' } : {}) } };
    const answer = await this.http
      .send('tickets.comment', 'PUT', ['tickets', ticketId], { body })
      .catch((error: unknown) => rethrowUpdateFailure(this.http, ticketId, error));
    const added = auditComment(parseAnswer(ticketWithAuditSchema, answer.body, 'tickets.comment').audit);
    if (!added) throw invalidResponse('tickets.comment', 'no Comment event in the audit');
    return { id: added.id };
  }

  /** Newest-first pages down to the cursor; see `listCommentsAfter` in zendesk-comments.ts. */
  async listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    return listCommentsAfter(this.http, ticketId, afterId, this.pageSize);
  }

  /**
   * Sets `status: solved` unless already solved or closed (never `closed`, which cannot be undone).
   * An unassigned ticket is assigned to the bot's agent too (the configured one, else the API's own
   * user from `whoAmI`): Zendesk refuses to solve a ticket without an assignee.
   */
  async solveTicket(ticketId: string): Promise<void> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    const { status, assigneeId } = await ticketState(this.http, ticketId);
    if (DONE.has(status)) return;
    const assign = assigneeId === null ? { assignee_id: Number((await this.whoAmI()).id) } : {};
    let answer: ZendeskAnswer;
    try {
      answer = await this.http.send('tickets.solve', 'PUT', ['tickets', ticketId], {
        body: { ticket: { status: 'solved', ...assign } },
      });
    } catch (error) {
      // Closed between the read and the write: already done.
      if (await isConfirmedClosed(this.http, ticketId, error)) return;
      throw error;
    }
    // Only an answer that shows the ticket done is a solved ticket.
    const { ticket } = parseAnswer(ticketWithAuditSchema, answer.body, 'tickets.solve');
    if (!DONE.has(ticket.status))
      throw invalidResponse('tickets.solve', `status is ${ticket.status.slice(0, 20)}`);
  }

  /**
   * PUT /tickets/{id} with the given external id / group / assignee; nothing to set, no call. A
   * closed ticket (422, confirmed by a read) throws `TicketClosedError`.
   */
  async linkTicket(ticketId: string, link: TicketLink): Promise<void> {
    zendeskId(ticketId, 'ticket id', 'NotFound');
    const ticket = {
      ...(link.externalId !== undefined ? { external_id: link.externalId } : {}),
      ...(link.groupId !== undefined ? { group_id: zendeskId(link.groupId, 'groupId') } : {}),
      ...(link.assigneeId !== undefined ? { assignee_id: zendeskId(link.assigneeId, 'assigneeId') } : {}),
    };
    if (Object.keys(ticket).length === 0) return;
    await this.http
      .send('tickets.link', 'PUT', ['tickets', ticketId], { body: { ticket } })
      .catch((error: unknown) => rethrowUpdateFailure(this.http, ticketId, error));
  }

  /** GET /tickets/show_many: see zendesk-lifecycle.ts. */
  getTicketStates(ticketIds: readonly string[]): Promise<readonly TicketState[]> {
    return ticketStates(this.http, ticketIds);
  }

  /** GET /tickets/{id}/audits, newest first: see zendesk-lifecycle.ts. */
  lastStatusChange(ticketId: string): Promise<StatusChange | undefined> {
    return lastStatusChange(this.http, ticketId);
  }

  /** GET /tickets/{id}/audits, newest first down to the cursor: see zendesk-history.ts. */
  readHistory(ticketId: string, afterId: string | null): Promise<TicketHistory | undefined> {
    return readHistory(this.http, ticketId, afterId);
  }

  /** POST /tickets with `via_followup_source_id`, through the same idempotent create. */
  createFollowUp(followUp: NewFollowUp): Promise<Ticket> {
    return this.creator.create(followUp);
  }

  /** `{ticketUrl}/{id}`. */
  ticketUrl(ticketId: string): string {
    return `${this.ticketBase}/${encodeURIComponent(ticketId)}`;
  }
}
