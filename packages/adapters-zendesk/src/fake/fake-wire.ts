import type { FakeAudit, FakeAuditEvent, FakeComment, FakeTicket, FakeUser } from './fake-records.ts';

/**
 * How much a fake answer carries: `full` is every field of the documented example, `minimal`
 * leaves out what the docs mark optional or leave out of their examples (null-valued fields
 * included), so the adapter is proven to need only what it parses.
 */
export const FAKE_MODES = ['full', 'minimal'] as const;
export type FakeMode = (typeof FAKE_MODES)[number];

/** A ticket as the Tickets API shows it. */
export function ticketWire(ticket: FakeTicket, mode: FakeMode): Record<string, unknown> {
  if (mode === 'minimal') {
    // Only what every ticket has; optional ids and texts are absent when null.
    return {
      id: ticket.id,
      status: ticket.status,
      requester_id: ticket.requester_id,
      ...present({
        subject: ticket.subject,
        description: ticket.description,
        external_id: ticket.external_id,
        group_id: ticket.group_id,
        assignee_id: ticket.assignee_id,
      }),
    };
  }
  // The JSON format and Show Ticket example of https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#json-format
  return {
    allow_attachments: true,
    allow_channelback: false,
    assignee_id: ticket.assignee_id,
    brand_id: 360000001,
    collaborator_ids: [],
    created_at: ticket.created_at,
    custom_fields: [],
    custom_status_id: 123,
    description: ticket.description,
    due_at: null,
    email_cc_ids: [],
    external_id: ticket.external_id,
    follower_ids: [],
    followup_ids: [],
    forum_topic_id: null,
    from_messaging_channel: false,
    group_id: ticket.group_id,
    has_incidents: false,
    id: ticket.id,
    is_public: true,
    organization_id: null,
    priority: ticket.priority,
    problem_id: null,
    raw_subject: ticket.raw_subject,
    recipient: null,
    requester_id: ticket.requester_id,
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    status: ticket.status,
    subject: ticket.subject,
    submitter_id: ticket.submitter_id,
    tags: ticket.tags,
    type: ticket.type,
    updated_at: ticket.updated_at,
    url: ticket.url,
    // A follow-up names the closed ticket it continues (fake-follow-up.ts).
    via: { channel: ticket.via.channel, source: ticket.via.source ?? { from: {}, rel: null, to: {} } },
  };
}

/**
 * A listed comment: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#json-format
 * Minimal keeps the List Comments example's own fields but its `created_at` and `metadata`.
 */
export function commentWire(comment: FakeComment, mode: FakeMode): Record<string, unknown> {
  const base = {
    attachments: comment.attachments.map((file) => attachmentWire(file, mode)),
    author_id: comment.author_id,
    body: comment.body,
    id: comment.id,
    public: comment.public,
    type: 'Comment',
  };
  if (mode === 'minimal') return base;
  return {
    ...base,
    audit_id: comment.audit_id,
    created_at: comment.created_at,
    html_body: comment.html_body,
    metadata: { system: {}, custom: {} },
    plain_body: comment.plain_body,
    via: { channel: comment.via.channel, source: { from: {}, rel: null, to: {} } },
  };
}

/**
 * An audit, as create and update answers carry it:
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#json-format
 * Its Comment event has no `created_at` or `via`, and in the audits page example (minimal here)
 * only attachments, body, id, public and type:
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference/
 */
export function auditWire(audit: FakeAudit, mode: FakeMode): Record<string, unknown> {
  const events = audit.events.map((event) => eventWire(event, mode));
  if (mode === 'minimal') return { events };
  return {
    author_id: audit.author_id,
    created_at: audit.created_at,
    events,
    id: audit.id,
    metadata: { custom: {}, system: { ip_address: '127.0.0.1' } },
    ticket_id: audit.ticket_id,
    via: { channel: 'api', source: { from: {}, rel: null, to: {} } },
  };
}

/**
 * A user, sideloaded, searched or created: https://developer.zendesk.com/api-reference/ticketing/users/users/#json-format
 * Minimal: id and name, and the email only when the user has one (guests and agents may not).
 */
export function userWire(user: FakeUser, mode: FakeMode): Record<string, unknown> {
  if (mode === 'minimal') return { id: user.id, name: user.name, ...present({ email: user.email }) };
  return {
    active: true,
    created_at: user.created_at,
    email: user.email,
    id: user.id,
    locale: 'en-US',
    name: user.name,
    organization_id: null,
    role: user.role,
    suspended: false,
    time_zone: 'Eastern Time (US & Canada)',
    updated_at: user.created_at,
    url: `https://example.zendesk.com/api/v2/users/${user.id}.json`,
    verified: user.email !== null,
  };
}

/** An audit event: Create and Change as they are, a Comment as the mode shows it. */
export function eventWire(event: FakeAuditEvent, mode: FakeMode): Record<string, unknown> {
  if (event.type !== 'Comment') {
    // Create and Change events: id, type, field_name, value (and previous_value for a change).
    return { ...event };
  }
  const base = {
    attachments: event.attachments.map((file) => attachmentWire(file, mode)),
    body: event.body,
    id: event.id,
    public: event.public,
    type: 'Comment',
  };
  if (mode === 'minimal') return base;
  return {
    ...base,
    audit_id: event.audit_id,
    author_id: event.author_id,
    html_body: event.html_body,
    plain_body: event.plain_body,
  };
}

// Minimal: the fields of the List Comments example's attachment (content_type, content_url,
// file_name, id, size, thumbnails), https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#list-comments;
// full adds the rest of https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#json-format
function attachmentWire(file: FakeComment['attachments'][number], mode: FakeMode): Record<string, unknown> {
  const base = {
    content_type: file.content_type,
    content_url: file.content_url,
    file_name: file.file_name,
    id: file.id,
    size: file.size,
    thumbnails: [],
  };
  if (mode === 'minimal') return base;
  return {
    ...base,
    deleted: false,
    inline: false,
    malware_access_override: false,
    malware_scan_result: 'malware_not_found',
    mapped_content_url: file.content_url,
    url: `https://example.zendesk.com/api/v2/attachments/${file.id}.json`,
  };
}

function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  );
}
