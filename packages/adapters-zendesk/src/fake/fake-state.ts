import { FakeFiles, type FakeStoredFile } from './fake-attachments.ts';
import type {
  FakeAttachment,
  FakeAudit,
  FakeAuditEvent,
  FakeComment,
  FakeCommentEvent,
  FakeRole,
  FakeStatus,
  FakeTicket,
  FakeUser,
} from './fake-records.ts';
import { FakeUploads } from './fake-uploads-api.ts';

/** What a new comment needs; everything else is filled in. */
export interface CommentInput {
  readonly body: string;
  readonly public: boolean;
  readonly authorId: number;
  readonly channel: string;
  /** Files the fake holds (`files`), attached with their real ids and sizes. */
  readonly attachments?: readonly FakeStoredFile[];
}

/** What a new ticket needs; ids must already be resolved. */
export interface TicketInput {
  readonly subject: string;
  readonly comment: CommentInput;
  readonly requesterId: number;
  readonly submitterId: number;
  readonly externalId?: string | null;
  readonly groupId?: number | null;
  readonly assigneeId?: number | null;
  readonly status?: FakeStatus;
  readonly tags?: readonly string[];
  readonly channel: string;
}

/** The fake's data: users, tickets, comments and id sequences. */
export class FakeState {
  readonly users = new Map<number, FakeUser>();
  readonly tickets = new Map<number, FakeTicket>();
  readonly comments = new Map<number, FakeComment[]>();
  /** Each ticket's audits, oldest first (listed by fake-audits-api.ts). */
  readonly audits = new Map<number, FakeAudit[]>();
  readonly groups = new Set<number>([360000001]);
  /** Every file the fake holds and serves (fake-attachments.ts). */
  readonly files: FakeFiles;
  /** Files uploaded and not yet attached (fake-uploads-api.ts). */
  readonly uploads: FakeUploads;
  private nextTicketId = 1;
  private nextUserId = 5000;
  private nextEventId = 900000001;
  private readonly baseUrl: string;

  /** `baseUrl`: the API base; `cdnOrigin`: where attachment downloads are redirected. */
  constructor(baseUrl: string, cdnOrigin: string) {
    this.baseUrl = baseUrl;
    this.files = new FakeFiles(new URL(baseUrl).origin, cdnOrigin);
    this.uploads = new FakeUploads(this.files);
  }

  /** Adds a user (with the next free id unless `id` is given) and returns it. */
  addUser(name: string, email: string | null, role: FakeRole, id?: number): FakeUser {
    const user: FakeUser = { id: id ?? this.nextUserId++, name, email, role, created_at: now() };
    this.users.set(user.id, user);
    return user;
  }

  /** The user with that email (case-insensitive), if any. */
  userByEmail(email: string): FakeUser | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((user) => user.email?.toLowerCase() === wanted);
  }

  /** Creates a ticket with its first comment; returns the ticket and its audit. */
  createTicket(input: TicketInput): { ticket: FakeTicket; audit: FakeAudit } {
    const id = this.nextTicketId++;
    const at = now();
    const ticket: FakeTicket = {
      id,
      url: `${this.baseUrl}/tickets/${id}.json`,
      subject: input.subject,
      raw_subject: input.subject,
      description: input.comment.body,
      status: input.status ?? (input.assigneeId ? 'open' : 'new'),
      type: null,
      priority: null,
      external_id: input.externalId ?? null,
      group_id: input.groupId ?? null,
      assignee_id: input.assigneeId ?? null,
      requester_id: input.requesterId,
      submitter_id: input.submitterId,
      tags: [...(input.tags ?? [])],
      via: { channel: input.channel },
      created_at: at,
      updated_at: at,
    };
    this.tickets.set(id, ticket);
    this.comments.set(id, []);
    const auditId = this.nextEventId++;
    const comment = commentEvent(this.appendComment(id, auditId, input.comment));
    const changes = (['subject', 'status', 'external_id', 'group_id', 'assignee_id'] as const).map(
      (field): FakeAuditEvent => ({
        id: this.nextEventId++,
        type: 'Create',
        field_name: field,
        value: ticket[field],
      }),
    );
    const audit = {
      id: auditId,
      ticket_id: id,
      author_id: input.comment.authorId,
      created_at: at,
      events: [comment, ...changes],
      via: { channel: input.comment.channel },
    };
    this.audits.set(id, [audit]);
    return { ticket, audit };
  }

  /**
   * Redacts a comment's text (every character becomes ▇, as Zendesk shows redacted text) in the
   * comments list and in the audit that added it, and records the redaction in a new audit.
   * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#redact-string-in-comment
   */
  redactComment(ticket: FakeTicket, commentId: number, authorId: number): boolean {
    const comment = this.comments.get(ticket.id)?.find((c) => c.id === commentId);
    if (comment === undefined) return false;
    const blocks = (text: string) => text.replace(/\S/g, '▇');
    comment.body = blocks(comment.body);
    comment.plain_body = blocks(comment.plain_body);
    comment.html_body = `<div class="zd-comment"><p>${comment.body}</p></div>`;
    for (const audit of this.audits.get(ticket.id) ?? []) {
      for (const event of audit.events) {
        if (event.type === 'Comment' && event.id === commentId) Object.assign(event, commentEvent(comment));
      }
    }
    ticket.updated_at = now();
    const redaction = {
      id: this.nextEventId++,
      type: 'CommentRedactionEvent' as const,
      comment_id: commentId,
    };
    const audit = {
      id: this.nextEventId++,
      ticket_id: ticket.id,
      author_id: authorId,
      created_at: now(),
      events: [redaction],
    };
    this.audits.get(ticket.id)?.push(audit);
    return true;
  }

  /** Applies field changes and an optional comment to a ticket; returns it and the audit. */
  updateTicket(
    ticket: FakeTicket,
    authorId: number,
    fields: Partial<Pick<FakeTicket, 'status' | 'external_id' | 'group_id' | 'assignee_id' | 'subject'>>,
    comment?: CommentInput,
  ): { ticket: FakeTicket; audit: FakeAudit } {
    const auditId = this.nextEventId++;
    const events: FakeAuditEvent[] = [];
    if (comment) events.push(commentEvent(this.appendComment(ticket.id, auditId, comment)));
    for (const [field, value] of Object.entries(fields) as [keyof typeof fields, never][]) {
      if (value === undefined || ticket[field] === value) continue;
      events.push({
        id: this.nextEventId++,
        type: 'Change',
        field_name: field,
        value,
        previous_value: ticket[field],
      });
      ticket[field] = value;
    }
    if (fields.subject !== undefined) ticket.raw_subject = fields.subject;
    if (events.length > 0) ticket.updated_at = now();
    const audit: FakeAudit = {
      id: auditId,
      ticket_id: ticket.id,
      author_id: authorId,
      created_at: now(),
      events,
      ...(comment ? { via: { channel: comment.channel } } : {}),
    };
    if (events.length > 0) this.audits.get(ticket.id)?.push(audit);
    return { ticket, audit };
  }

  private appendComment(ticketId: number, auditId: number, input: CommentInput): FakeComment {
    const attachments: FakeAttachment[] = (input.attachments ?? []).map(FakeFiles.attachmentOf);
    const comment: FakeComment = {
      id: this.nextEventId++,
      type: 'Comment',
      author_id: input.authorId,
      body: input.body,
      html_body: `<div class="zd-comment"><p>${escapeHtml(input.body)}</p></div>`,
      plain_body: input.body,
      public: input.public,
      attachments,
      audit_id: auditId,
      via: { channel: input.channel },
      created_at: now(),
    };
    this.comments.get(ticketId)?.push(comment);
    return comment;
  }
}

// The audit's Comment event carries no `via` or `created_at` (see FakeCommentEvent).
function commentEvent({ via: _via, created_at: _createdAt, ...event }: FakeComment): FakeCommentEvent {
  return event;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
