import {
  IntegrationError,
  type StatusChange,
  type TicketComment,
  type TicketHistory,
  type TicketStatus,
} from '@zenslackchat/core';
import { z } from 'zod';
import type { ZendeskHttp } from './zendesk-http.ts';
import { isZendeskId } from './zendesk-ids.ts';
import { instant, knownStatus, MERGE_NOTE } from './zendesk-lifecycle.ts';
import { toComment, usersById } from './zendesk-mapping.ts';
import { commentSchema, id, parseAnswer, userSchema, type ZendeskUser } from './zendesk-schemas.ts';

// What a history read needs of each audit; other fields and event types are ignored.
const auditPageSchema = z.object({
  audits: z.array(
    z.object({
      author_id: id.nullable().optional(),
      created_at: instant,
      via: z
        .object({ channel: z.union([z.string(), z.number()]).transform(String) })
        .nullable()
        .optional(),
      events: z.array(z.object({ type: z.string() }).loose()),
    }),
  ),
  users: z.array(userSchema).optional(),
  next_page: z.string().nullable().optional(),
});
type Audit = z.infer<typeof auditPageSchema>['audits'][number];

// The status field as a ticket's creation sets it or an update changes it.
const statusEventSchema = z.object({
  type: z.enum(['Create', 'Change']),
  field_name: z.literal('status'),
  value: z.string(),
  previous_value: z.string().nullable().optional(),
});
// A Comment event as the audits list gives it: the documented example has only attachments, body,
// id, public and type; author and time come from the audit when the event leaves them out.
const commentEventSchema = commentSchema.extend({ type: z.literal('Comment') });

// A comment's text redacted: "Comment redaction event" in the audit events reference.
const redactionEventSchema = z.object({ type: z.literal('CommentRedactionEvent'), comment_id: id });

// A runaway guard: 100 pages of 100 audits is far beyond any real ticket.
const MAX_PAGES = 100;

/**
 * GET /tickets/{id}/audits?sort_order=desc&include=users, newest first down to the audit of the
 * comment `afterId` (everything when null): the comments after it, oldest first, the status the
 * newest status event sets, the last status change as `lastStatusChange` reads it, and the
 * comments redacted since. One request
 * unless more than 100 audits are newer than the cursor. Undefined for a ticket that does not exist.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#list-audits-for-a-ticket
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference/
 */
export async function readHistory(
  http: ZendeskHttp,
  ticketId: string,
  afterId: string | null,
): Promise<TicketHistory | undefined> {
  if (!isZendeskId(ticketId)) return undefined;
  const audits: Audit[] = [];
  const users: ZendeskUser[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await auditPage(http, ticketId, page);
    if (body === undefined) return undefined;
    const answer = parseAnswer(auditPageSchema, body, 'tickets.audits');
    users.push(...(answer.users ?? []));
    const end = answer.audits.findIndex((audit) => holdsCursor(audit, afterId));
    audits.push(...(end === -1 ? answer.audits : answer.audits.slice(0, end + 1)));
    if (end !== -1 || !answer.next_page || answer.audits.length === 0) break;
  }
  return fromAudits(audits, usersById(users), afterId);
}

async function auditPage(http: ZendeskHttp, ticketId: string, page: number): Promise<unknown> {
  const query = { sort_order: 'desc', per_page: '100', page: String(page), include: 'users' };
  try {
    return (await http.send('tickets.audits', 'GET', ['tickets', ticketId, 'audits'], { query })).body;
  } catch (error) {
    if (error instanceof IntegrationError && error.reason === 'NotFound') return undefined;
    throw error;
  }
}

/** One newest-first audits page read as a whole history (the documented-payload test's entry). */
export function historyOfPage(body: unknown, afterId: string | null): TicketHistory {
  const answer = parseAnswer(auditPageSchema, body, 'tickets.audits');
  return fromAudits(answer.audits, usersById(answer.users), afterId);
}

function fromAudits(
  newestFirst: readonly Audit[],
  users: ReadonlyMap<string, ZendeskUser>,
  afterId: string | null,
): TicketHistory {
  const comments: TicketComment[] = [];
  const redacted: string[] = [];
  let status: TicketStatus | undefined;
  let lastChange: StatusChange | undefined;
  let passedClose = false;
  for (const audit of newestFirst) {
    for (const event of audit.events) {
      const redaction = redactionEventSchema.safeParse(event);
      if (redaction.success && !redacted.includes(redaction.data.comment_id)) {
        redacted.push(redaction.data.comment_id);
      }
      const comment = commentEventSchema.safeParse(event);
      if (comment.success && !reached(comment.data.id, afterId)) {
        const raw = { ...comment.data, created_at: audit.created_at };
        const authored = { ...raw, author_id: raw.author_id ?? audit.author_id ?? null };
        const via = audit.via === undefined || audit.via === null ? {} : { via: audit.via };
        comments.push(toComment({ ...authored, ...via }, users));
      }
    }
    const change = audit.events
      .map((event) => statusEventSchema.safeParse(event))
      .find((p) => p.success)?.data;
    if (change === undefined) continue;
    status ??= knownStatus(change.value, 'tickets.audits');
    if (lastChange !== undefined || change.type !== 'Change') continue;
    // A close right after a solve gives way to the solve (closing a solved ticket is automation).
    if (change.value === 'closed' && change.previous_value === 'solved') {
      passedClose = true;
      continue;
    }
    if (passedClose && change.value !== 'solved') continue;
    lastChange = statusChange(audit, change.value, users);
  }
  const newest = newestFirst[0];
  return {
    comments: comments.reverse(),
    ...(redacted.length === 0 ? {} : { redactedCommentIds: redacted.reverse() }),
    ...(status === undefined ? {} : { status }),
    ...(lastChange === undefined ? {} : { lastChange }),
    ...(newest === undefined ? {} : { updatedAt: new Date(newest.created_at) }),
  };
}

function statusChange(audit: Audit, value: string, users: ReadonlyMap<string, ZendeskUser>): StatusChange {
  const note = audit.events
    .map((event) => commentEventSchema.safeParse(event))
    .map((parsed) => (parsed.success ? MERGE_NOTE.exec(parsed.data.body ?? '')?.[1] : undefined))
    .find((target) => target !== undefined);
  const authorId = audit.author_id ?? null;
  const name = authorId === null ? undefined : users.get(authorId)?.name;
  return {
    status: knownStatus(value, 'tickets.audits'),
    at: new Date(audit.created_at),
    by: authorId === null ? null : { id: authorId, ...(name ? { name } : {}) },
    mergedInto: note ?? null,
  };
}

// The audit that added the cursor's comment (or an older one: Zendesk ids grow over time).
function holdsCursor(audit: Audit, afterId: string | null): boolean {
  if (afterId === null) return false;
  return audit.events.some((event) => {
    const comment = commentEventSchema.safeParse(event);
    return comment.success && reached(comment.data.id, afterId);
  });
}

function reached(commentId: string, afterId: string | null): boolean {
  if (afterId === null) return false;
  if (commentId === afterId) return true;
  return /^\d+$/.test(afterId) && BigInt(commentId) < BigInt(afterId);
}
