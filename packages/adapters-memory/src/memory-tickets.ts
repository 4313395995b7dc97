import type {
  Clock,
  FileContent,
  NewComment,
  NewFollowUp,
  NewTicket,
  StatusChange,
  Ticket,
  TicketAttachment,
  TicketComment,
  TicketHistory,
  TicketLink,
  TicketPerson,
  TicketPort,
  TicketState,
  TicketStatus,
} from '@zenslackchat/core';
import { IntegrationError, systemClock, TicketClosedError } from '@zenslackchat/core';
import { CallCounter } from './call-counter.ts';
import { FaultInjector } from './fault-injector.ts';
import type {
  MemoryExternalComment,
  MemoryExternalTicket,
  MemoryTicketsOptions,
} from './memory-tickets-config.ts';
import { type Attachment, TicketRecords } from './ticket-records.ts';

/** How long an upload token stays usable, as Zendesk's (https://support.zendesk.com/hc/en-us/articles/4408887057946). */
const UPLOAD_LIFETIME_MS = 60 * 60_000;

/**
 * An in-memory, Zendesk-like TicketPort with a test back door. Ticket and comment ids are
 * increasing integers (comments numbered globally, so they order). `timeout` faults apply the
 * call and then throw, as a lost answer would.
 */
export class MemoryTickets implements TicketPort {
  readonly system = 'memory';
  /** Failures for the next calls. */
  readonly faults = new FaultInjector({ integration: 'memory-tickets', timeoutAfterWork: true });
  readonly #agentId: string;
  readonly #baseUrl: string;
  readonly #records: TicketRecords;
  readonly #byIdempotencyKey = new Map<string, string>();
  readonly #calls = new CallCounter();
  /** The bot's own ticket-side user (`agentId`); absent when built with `whoAmI: false`. */
  readonly whoAmI?: () => Promise<TicketPerson & { readonly id: string }>;

  /** The bytes of every upload, by token (for assertions). */
  readonly uploadedBytes = new Map<string, Uint8Array>();
  readonly #uploads = new Map<string, { readonly file: Attachment; readonly at: number }>();
  readonly #clock: Clock;
  /** Downloadable attachments' bytes, by attachment id. */
  readonly #files = new Map<string, FileContent>();
  #lastUpload = 0;
  #lastAttachment = 0;

  constructor(options: MemoryTicketsOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#records = new TicketRecords(this.#clock);
    this.#agentId = options.agentId ?? 'agent-bot';
    this.#baseUrl = (options.ticketBaseUrl ?? 'https://example.zendesk.com/agent/tickets').replace(
      /\/+$/,
      '',
    );
    if (options.whoAmI !== false) {
      this.whoAmI = () => this.#call('whoAmI', () => ({ id: this.#agentId, name: 'Support bot' }));
    }
  }

  /** Every ticket, oldest first. */
  get tickets(): readonly Ticket[] {
    return this.#records.all().map((s) => s.ticket);
  }

  /** One ticket, or undefined. */
  ticket(id: string): Ticket | undefined {
    return this.#records.find(id)?.ticket;
  }

  /** A ticket's comments, oldest first (empty for an unknown ticket). */
  comments(ticketId: string): readonly TicketComment[] {
    return [...(this.#records.find(ticketId)?.comments ?? [])];
  }

  /** Adds a comment as an agent or requester would; returns its id. Not counted, never failed. */
  addExternalComment(ticketId: string, comment: MemoryExternalComment): string {
    const author: TicketPerson = {
      ...(comment.authorId === undefined ? {} : { id: comment.authorId }),
      name: comment.authorName,
    };
    const stored = this.#records.get(ticketId);
    const { body, channel } = comment;
    const attachments = (comment.attachments ?? []).map((file) =>
      file.bytes === undefined
        ? { name: file.name, url: file.url }
        : this.#keep(
            { name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', bytes: file.bytes },
            file.url,
          ),
    );
    return this.#records.comment(stored, body, comment.public, author, channel ?? 'web', attachments);
  }

  /** Creates a ticket as an email would (status `new`, channel `email`); returns its id. */
  createExternalTicket(ticket: MemoryExternalTicket): string {
    const requester: TicketPerson = {
      ...(ticket.requesterName === undefined ? {} : { name: ticket.requesterName }),
      ...(ticket.requesterEmail === undefined ? {} : { email: ticket.requesterEmail }),
    };
    const opening = { channel: 'email', agentId: this.#agentId };
    return this.#records.open(ticket.subject, ticket.body, requester, opening).ticket.id;
  }

  /** Changes a ticket's status as an agent (named by `by`) or an automation would. Not counted. */
  setStatus(id: string, status: TicketStatus, by: TicketPerson | null = null): void {
    this.#records.changeStatus(this.#records.get(id), status, by);
  }

  /** Merges `sourceId` into `targetId` as an agent would: notes on both, the source closed. */
  merge(sourceId: string, targetId: string, by: TicketPerson | null = null): void {
    const source = this.#records.get(sourceId);
    const target = this.#records.get(targetId);
    const author = by ?? { id: this.#agentId };
    this.#records.comment(
      target,
      `Request #${sourceId} was closed and merged into this request.`,
      true,
      author,
      'web',
    );
    this.#records.comment(
      source,
      `This request was closed and merged into request #${targetId}.`,
      true,
      author,
      'web',
    );
    this.#records.changeStatus(source, 'closed', by, targetId);
  }

  /** Deletes a ticket as an agent would. */
  deleteTicket(id: string): void {
    this.#records.remove(id);
  }

  /** Port calls so far, of one method or of all. */
  callCount(method?: keyof TicketPort & string): number {
    return this.#calls.total(method);
  }

  createTicket(ticket: NewTicket): Promise<Ticket> {
    return this.#call('createTicket', () => {
      const existing = this.#byIdempotencyKey.get(ticket.idempotencyKey);
      if (existing !== undefined) return this.#records.get(existing).ticket;
      const stored = this.#open(ticket, 'api');
      this.#byIdempotencyKey.set(ticket.idempotencyKey, stored.ticket.id);
      return stored.ticket;
    });
  }

  getTicket(ticketId: string): Promise<Ticket | undefined> {
    return this.#call('getTicket', () => this.#records.find(ticketId)?.ticket);
  }

  addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }> {
    return this.#call('addComment', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'closed') throw new TicketClosedError(ticketId);
      const author = { id: comment.authorId ?? this.#agentId };
      const files = this.#attachments(comment.uploads);
      const id = this.#records.comment(stored, comment.body, comment.public, author, 'api', files);
      if (comment.reopen === true) this.#records.changeStatus(stored, 'open', { id: this.#agentId });
      return { id };
    });
  }

  listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]> {
    return this.#call('listCommentsAfter', () => this.#commentsAfter(ticketId, afterId));
  }

  #commentsAfter(ticketId: string, afterId: string | null): TicketComment[] {
    const comments = this.#records.get(ticketId).comments;
    if (afterId === null) return [...comments];
    if (!/^\d+$/.test(afterId)) {
      throw new IntegrationError('Invalid', `comment id ${afterId} is not numeric`, {
        integration: 'memory-tickets',
      });
    }
    const after = Number(afterId);
    return comments.filter((c) => Number(c.id) > after);
  }

  solveTicket(ticketId: string): Promise<void> {
    return this.#call('solveTicket', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'solved' || stored.ticket.status === 'closed') return;
      this.#records.changeStatus(stored, 'solved', { id: this.#agentId });
    });
  }

  linkTicket(ticketId: string, link: TicketLink): Promise<void> {
    return this.#call('linkTicket', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'closed') throw new TicketClosedError(ticketId);
      this.#records.touch(stored, {
        ...(link.externalId === undefined ? {} : { externalId: link.externalId }),
        ...(link.groupId === undefined ? {} : { groupId: link.groupId }),
        ...(link.assigneeId === undefined ? {} : { assigneeId: link.assigneeId }),
      });
    });
  }

  getTicketStates(ticketIds: readonly string[]): Promise<readonly TicketState[]> {
    return this.#call('getTicketStates', () => {
      if (ticketIds.length > 100) {
        throw new IntegrationError('Invalid', 'at most 100 ids per call', { integration: 'memory-tickets' });
      }
      return ticketIds.flatMap((id) => {
        const stored = this.#records.find(id);
        if (stored === undefined) return [];
        const { status, updatedAt } = stored.ticket;
        return [{ id, status, updatedAt: updatedAt ?? new Date(0) }];
      });
    });
  }

  lastStatusChange(ticketId: string): Promise<StatusChange | undefined> {
    return this.#call('lastStatusChange', () => this.#lastChange(ticketId));
  }

  readHistory(ticketId: string, afterId: string | null): Promise<TicketHistory | undefined> {
    return this.#call('readHistory', () => {
      const stored = this.#records.find(ticketId);
      if (stored === undefined) return undefined;
      const lastChange = this.#lastChange(ticketId);
      const { status, updatedAt } = stored.ticket;
      // A redaction is in the part read when it came after the comment `afterId` existed.
      const after = afterId === null ? 0 : Number(afterId);
      const redacted = stored.redactions.filter((r) => r.after >= after).map((r) => r.commentId);
      return {
        comments: this.#commentsAfter(ticketId, afterId),
        ...(redacted.length === 0 ? {} : { redactedCommentIds: redacted }),
        status,
        ...(lastChange === undefined ? {} : { lastChange }),
        ...(updatedAt === undefined ? {} : { updatedAt }),
      };
    });
  }

  #lastChange(ticketId: string): StatusChange | undefined {
    const history = this.#records.find(ticketId)?.history ?? [];
    const [last, before] = [history.at(-1), history.at(-2)];
    // A close right after a solve gives way to the solve, as the Zendesk adapter reads it.
    return last?.status === 'closed' && before?.status === 'solved' ? before : last;
  }

  createFollowUp(followUp: NewFollowUp): Promise<Ticket> {
    return this.#call('createFollowUp', () => {
      const source = this.#records.get(followUp.sourceTicketId);
      if (source.ticket.status !== 'closed') {
        throw new IntegrationError('Invalid', `ticket ${followUp.sourceTicketId} is not closed`, {
          integration: 'memory-tickets',
        });
      }
      const existing = this.#byIdempotencyKey.get(followUp.idempotencyKey);
      if (existing !== undefined) return this.#records.get(existing).ticket;
      const stored = this.#open(followUp, 'api');
      stored.followUpOf = followUp.sourceTicketId;
      this.#byIdempotencyKey.set(followUp.idempotencyKey, stored.ticket.id);
      return stored.ticket;
    });
  }

  /** Redacts a comment's text as an agent would (the back door of the redaction cases). */
  redactComment(ticketId: string, commentId: string): void {
    this.#records.redact(this.#records.get(ticketId), commentId);
  }

  /** Which ticket a follow-up continues (the back door's view of `via_followup_source_id`). */
  followUpSource(ticketId: string): string | undefined {
    return this.#records.find(ticketId)?.followUpOf;
  }

  ticketUrl(ticketId: string): string {
    return `${this.#baseUrl}/${ticketId}`;
  }

  /** Uploads a file; its token attaches it to one later comment or ticket, as Zendesk's do. */
  uploadFile(file: FileContent): Promise<{ readonly token: string }> {
    return this.#call('uploadFile', () => {
      this.#lastUpload += 1;
      const token = `upload-${this.#lastUpload}`;
      const kept = this.#keep(file, `memory://uploads/${this.#lastUpload}/${file.name}`);
      this.#uploads.set(token, { file: kept, at: this.#clock.now().getTime() });
      this.uploadedBytes.set(token, file.bytes);
      return { token };
    });
  }

  /** An attachment's bytes; `NotFound` (not retryable) for one without bytes or deleted. */
  downloadAttachment(attachment: TicketAttachment): Promise<FileContent> {
    return this.#call('downloadAttachment', () => {
      const file = attachment.id === undefined ? undefined : this.#files.get(attachment.id);
      if (file === undefined) {
        throw new IntegrationError('NotFound', `no attachment ${attachment.id ?? attachment.name}`, {
          integration: 'memory-tickets',
        });
      }
      return { ...file, bytes: file.bytes.slice() };
    });
  }

  /** An attachment's bytes as an agent opening it would see them; undefined without bytes or deleted. Not counted, never failed. */
  attachmentContent(attachmentId: string): FileContent | undefined {
    const file = this.#files.get(attachmentId);
    return file === undefined ? undefined : { ...file, bytes: file.bytes.slice() };
  }

  /** Deletes an attachment's bytes, as an agent redacting it would; its downloads then answer `NotFound`. */
  deleteAttachment(attachmentId: string): void {
    this.#files.delete(attachmentId);
  }

  /** Stores a file's bytes under a fresh attachment id and returns the attachment. */
  #keep(file: FileContent, url: string): Attachment {
    this.#lastAttachment += 1;
    const id = `att-${this.#lastAttachment}`;
    this.#files.set(id, { ...file, bytes: file.bytes.slice() });
    return { id, name: file.name, url, size: file.bytes.byteLength, mimeType: file.mimeType };
  }

  #attachments(tokens: readonly string[] = []): Attachment[] {
    return tokens.map((token) => {
      const upload = this.#uploads.get(token);
      // Zendesk deletes an upload its token has not attached within 60 minutes.
      if (upload === undefined || this.#clock.now().getTime() - upload.at > UPLOAD_LIFETIME_MS) {
        throw new IntegrationError('Invalid', `unknown or expired upload token ${token}`, {
          integration: 'memory-tickets',
        });
      }
      return upload.file;
    });
  }

  #open(ticket: NewTicket, channel: string) {
    return this.#records.open(ticket.subject, ticket.description, ticket.requester ?? null, {
      attachments: this.#attachments(ticket.uploads),
      channel,
      agentId: this.#agentId,
      externalId: ticket.externalId,
      ...(ticket.groupId === undefined ? {} : { groupId: ticket.groupId }),
      ...(ticket.assigneeId === undefined ? {} : { assigneeId: ticket.assigneeId }),
    });
  }

  #call<T>(method: string, work: () => T): Promise<T> {
    this.#calls.count(method);
    return this.faults.run(method, work);
  }
}
