import type { ChatEvent, EmailTicketNotice, Issue, TicketCommentNotice } from '@zenslackchat/core';

/** The queues the workers drain, one per kind of work. */
export const WORK_QUEUES = [
  'chat-message',
  'ticket-comment',
  'email-ticket',
  'daily-report',
  'reconcile',
] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/** Where jobs go after failing for good; `replay-dead-letters` sends them back. */
export const DEAD_LETTER_QUEUE = 'dead-letters';

/** An admin's resolve, queued in its thread's order like a chat message. */
export interface AdminResolveJob {
  readonly adminResolve: { readonly issueId: string };
}

/** Payload of each work queue. */
export interface JobPayloads {
  readonly 'chat-message': { readonly event: ChatEvent } | AdminResolveJob;
  readonly 'ticket-comment': { readonly notice: TicketCommentNotice };
  readonly 'email-ticket': { readonly notice: EmailTicketNotice };
  readonly 'daily-report': Record<string, never>;
  /** The reconciliation sweep (RECONCILE_CRON, or `pnpm zenslackchat reconcile`). */
  readonly reconcile: Record<string, never>;
}

/** A job that failed for good, as kept in the dead-letter queue. */
export interface DeadLetter {
  readonly queue: WorkQueue;
  /** The ordering key it was sent with, if any. */
  readonly key: string | null;
  readonly data: unknown;
  readonly error: { readonly name: string; readonly reason: string | null; readonly message: string };
  readonly sourceId: string;
  readonly failedAt: string;
}

/**
 * The ordering key of a chat message: its thread (a top-level message is its own thread's root),
 * so a thread's messages are handled one at a time in the order they arrived.
 */
export function chatOrderingKey(event: ChatEvent): string {
  return `${event.platform}:${event.channel}:${event.threadId ?? event.messageId}`;
}

/**
 * The ordering key of work on an issue outside a chat event (an admin's resolve): its thread's key
 * when it has one, so it queues behind the thread's messages; else its ticket's; else the issue.
 */
export function issueOrderingKey(issue: Issue): string {
  if (issue.threadId !== null) return `${issue.platform}:${issue.channel}:${issue.threadId}`;
  return issue.ticketId === null ? `issue:${issue.id}` : ticketOrderingKey(issue.ticketId);
}

/** The ordering key of ticket work: the ticket. */
export function ticketOrderingKey(ticketId: string): string {
  return `ticket:${ticketId}`;
}

/** Queues whose jobs run strictly in order per key (pg-boss `key_strict_fifo`). */
export const ORDERED_QUEUES: readonly WorkQueue[] = ['chat-message', 'ticket-comment', 'email-ticket'];
