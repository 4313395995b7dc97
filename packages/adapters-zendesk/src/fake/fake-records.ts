/** Roles a fake Zendesk user can have. */
export const FAKE_ROLES = ['end-user', 'agent', 'admin'] as const;
export type FakeRole = (typeof FAKE_ROLES)[number];

/** Ticket statuses the Zendesk API accepts. */
export const FAKE_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type FakeStatus = (typeof FAKE_STATUSES)[number];

/** A user as the API returns it. */
export interface FakeUser {
  id: number;
  name: string;
  email: string | null;
  role: FakeRole;
  created_at: string;
}

/** A ticket as the API returns it. */
export interface FakeTicket {
  id: number;
  url: string;
  subject: string;
  raw_subject: string;
  description: string;
  status: FakeStatus;
  type: string | null;
  priority: string | null;
  external_id: string | null;
  group_id: number | null;
  assignee_id: number | null;
  requester_id: number;
  submitter_id: number;
  tags: string[];
  via: { channel: string; source?: FakeViaSource };
  created_at: string;
  updated_at: string;
}

/** A via object's `source` (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-object-reference). */
export interface FakeViaSource {
  from?: { ticket_id?: number; subject?: string };
  to?: Record<string, unknown>;
  rel: string | null;
}

/** An attachment on a comment. */
export interface FakeAttachment {
  id: number;
  file_name: string;
  content_url: string;
  content_type: string;
  size: number;
}

/** A comment as the API lists it. */
export interface FakeComment {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: FakeAttachment[];
  audit_id: number;
  via: { channel: string };
  created_at: string;
}

/**
 * An audit's Comment event: a listed comment without `via` and `created_at` (the audit has the time).
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference
 */
export type FakeCommentEvent = Omit<FakeComment, 'via' | 'created_at'>;

/** One audit event: a comment, a field change, or a comment's redaction. */
export type FakeAuditEvent =
  | FakeCommentEvent
  | { id: number; type: 'Create' | 'Change'; field_name: string; value: unknown; previous_value?: unknown }
  | FakeRedactionEvent;

/**
 * A comment's text redacted: "Comment redaction event" (`CommentRedactionEvent`, with the
 * redacted comment's `comment_id`) in
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference
 */
export interface FakeRedactionEvent {
  id: number;
  type: 'CommentRedactionEvent';
  comment_id: number;
}

/** An audit as create and update responses return it. */
export interface FakeAudit {
  id: number;
  ticket_id: number;
  author_id: number;
  created_at: string;
  events: FakeAuditEvent[];
  via?: { channel: string; source?: FakeViaSource };
}

/** A request the fake received, with its body parsed when it was JSON. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/api/v2/tickets.json`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** A response the fake's routes produce. */
export interface FakeResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Builds an API error response the way Zendesk shapes them. */
export function apiError(
  status: number,
  error: string,
  description?: string,
  details?: unknown,
): FakeResponse {
  return {
    status,
    body: { error, ...(description ? { description } : {}), ...(details ? { details } : {}) },
  };
}
