import type { ThreadKey } from '../domain/issue.ts';

/** A chat message's place: platform, channel and message id. */
export interface MessageRef {
  readonly platform: string;
  readonly channel: string;
  readonly messageId: string;
}

/** The ticket's external id: links it back to the chat message that opened it (`slack:C1:1700.1`). */
export function externalIdOf(ref: MessageRef): string {
  return `${ref.platform}:${ref.channel}:${ref.messageId}`;
}

/** The thread a top-level message opens. */
export function threadOf(ref: MessageRef): ThreadKey {
  return { platform: ref.platform, channel: ref.channel, threadId: ref.messageId };
}

/**
 * The inbound-event source an email notice of ticket system `system` is recorded under (its
 * event id is the ticket id), e.g. `zendesk-email`: a comment notice for a ticket with one waits
 * for the email flow to record the ticket.
 */
export function emailNoticeSource(system: string): string {
  return `${system}-email`;
}

/**
 * Deterministic delivery keys: the same input always yields the same key, so a retried event or
 * webhook finds the record of what it already did.
 */
export const deliveryKeys = {
  ticket: (ref: MessageRef) => `ticket:${externalIdOf(ref)}`,
  confirm: (issueId: string) => `confirm:${issueId}`,
  onCall: (issueId: string) => `oncall:${issueId}`,
  chatToTicket: (ref: MessageRef) => `chat-to-ticket:${externalIdOf(ref)}`,
  ticketToChat: (commentId: string) => `ticket-to-chat:${commentId}`,
  chatRedaction: (commentId: string) => `chat-redaction:${commentId}`,
  /** A ticket comment's attachment uploaded to chat (not shown yet); its chat file id is recorded under it. */
  ticketFile: (commentId: string, attachmentId: string) => `ticket-file:${commentId}:${attachmentId}`,
  /** That uploaded file shown in the chat thread. */
  ticketFileShare: (commentId: string, attachmentId: string) =>
    `ticket-file-share:${commentId}:${attachmentId}`,
  /** One note per edit: `changeId` tells edits of one message apart (the edit's event id). */
  chatEdit: (ref: MessageRef, changeId: string) => `chat-edit:${externalIdOf(ref)}:${changeId}`,
  chatDelete: (ref: MessageRef) => `chat-delete:${externalIdOf(ref)}`,
  help: (ref: MessageRef) => `help:${externalIdOf(ref)}`,
  resolve: (ref: MessageRef) => `resolve:${externalIdOf(ref)}`,
  resolvedReply: (ref: MessageRef) => `resolved-reply:${externalIdOf(ref)}`,
  adminResolve: (issueId: string) => `admin-resolve:${issueId}`,
  emailThread: (ticketId: string) => `email-thread:${ticketId}`,
  emailNote: (ticketId: string) => `email-note:${ticketId}`,
  emailAck: (ticketId: string) => `email-ack:${ticketId}`,
  report: (platform: string, day: string) => `report:${platform}:${day}`,
  ticketSolved: (ticketId: string, at: Date) => `ticket-solved:${ticketId}:${at.toISOString()}`,
  ticketReopened: (issueId: string, resolvedAt: Date) =>
    `ticket-reopened:${issueId}:${resolvedAt.toISOString()}`,
  ticketMerged: (ticketId: string) => `ticket-merged:${ticketId}`,
  ticketDeleted: (ticketId: string) => `ticket-deleted:${ticketId}`,
  replyReopened: (ref: MessageRef) => `reply-reopened:${externalIdOf(ref)}`,
  followUp: (ref: MessageRef) => `follow-up:${externalIdOf(ref)}`,
  followUpTicket: (ref: MessageRef) => `follow-up-ticket:${externalIdOf(ref)}`,
} as const;
