import {
  TICKET_STATUSES,
  type Ticket,
  type TicketAttachment,
  type TicketComment,
  type TicketPerson,
  type TicketStatus,
} from '@zenslackchat/core';
import { invalidResponse } from './zendesk-errors.ts';
import type { ZendeskAttachment, ZendeskComment, ZendeskTicket, ZendeskUser } from './zendesk-schemas.ts';

/** Maps a Zendesk ticket; `requester` and `firstCommentId` come from other parts of the answer. */
export function toTicket(
  raw: ZendeskTicket,
  requester: TicketPerson | null,
  firstCommentId: string | null,
): Ticket {
  return {
    id: raw.id,
    subject: raw.subject ?? '',
    description: raw.description ?? '',
    status: toStatus(raw.status),
    externalId: raw.external_id ?? null,
    groupId: raw.group_id,
    assigneeId: raw.assignee_id,
    requester,
    ...optionalDate(raw.created_at),
    ...updatedDate(raw.updated_at),
    firstCommentId,
  };
}

/** Maps a Zendesk comment, naming its author from sideloaded users when present. */
export function toComment(raw: ZendeskComment, users: ReadonlyMap<string, ZendeskUser>): TicketComment {
  const authorId = raw.author_id ?? null;
  const author = authorId === null ? undefined : users.get(authorId);
  return {
    id: raw.id,
    author: {
      ...(authorId !== null ? { id: authorId } : {}),
      ...(author?.name ? { name: author.name } : {}),
    },
    public: raw.public,
    channel: raw.via?.channel ?? 'unknown',
    body: raw.plain_body ?? raw.body ?? '',
    attachments: (raw.attachments ?? []).map(toAttachment),
    ...optionalDate(raw.created_at),
  };
}

/** Maps an attachment: its link always, its id, size and type when Zendesk gave them. */
export function toAttachment(raw: ZendeskAttachment): TicketAttachment {
  return {
    name: raw.file_name,
    url: raw.content_url,
    ...(raw.id !== undefined ? { id: raw.id } : {}),
    ...(raw.size !== undefined && raw.size !== null ? { size: raw.size } : {}),
    ...(raw.content_type !== undefined && raw.content_type !== null ? { mimeType: raw.content_type } : {}),
  };
}

/** A person from a sideloaded user, or just the id when the user was not sideloaded. */
export function toPerson(
  userId: string | null,
  users: ReadonlyMap<string, ZendeskUser>,
): TicketPerson | null {
  if (userId === null) return null;
  const user = users.get(userId);
  return {
    id: userId,
    ...(user?.name ? { name: user.name } : {}),
    ...(user?.email ? { email: user.email } : {}),
  };
}

/** Users by id. */
export function usersById(users: readonly ZendeskUser[] | undefined): ReadonlyMap<string, ZendeskUser> {
  return new Map((users ?? []).map((user) => [user.id, user]));
}

function toStatus(status: string): TicketStatus {
  const known = TICKET_STATUSES.find((candidate) => candidate === status);
  if (!known) throw invalidResponse('ticket', `unknown status ${JSON.stringify(status.slice(0, 20))}`);
  return known;
}

// The last change time orders syncs; an absent or unreadable one is left out.
function updatedDate(value: string | null | undefined): { updatedAt?: Date } {
  const date = value ? new Date(value) : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? {} : { updatedAt: date };
}

// The bot never needs a creation time: an absent or unreadable one is left out, not an error.
function optionalDate(value: string | null | undefined): { createdAt?: Date } {
  if (value === null || value === undefined) return {};
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? {} : { createdAt: date };
}
