/**
 * Kinds of side effect the bot records before performing, so a retry never repeats one.
 * Each kind also serves as the message mapping: `source` and `target` ids say which chat message
 * became which ticket comment and back.
 */
export const DELIVERY_KINDS = [
  /** Ticket created for a chat thread (target: ticket id). */
  'ticket',
  /** Chat reply → ticket comment (source: chat message id, target: comment id). */
  'chat-to-ticket',
  /** Ticket comment → chat reply (source: comment id, target: chat message id). */
  'ticket-to-chat',
  /** A message the bot posts by itself: confirmations, help, notices, reports (target: chat message id). */
  'bot-message',
  /** A chat file uploaded to the ticket system (source: chat message id, target: upload token). */
  'file-upload',
  /** A ticket attachment's bytes put on the chat platform, not yet shown (source: comment id, target: chat file id). */
  'ticket-file',
  /** That file shown in the chat thread (source: comment id, target: chat file id). */
  'ticket-file-share',
  /** A forwarded ticket comment's chat message rewritten after the comment was redacted (source: comment id, target: chat message id). */
  'chat-redaction',
  /** A comment the bot writes on a ticket by itself, e.g. the email flow's chat link (target: comment id). */
  'bot-comment',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_STATES = ['pending', 'done'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A side effect's record: pending from before it is attempted, done once its result is known. */
export interface Delivery {
  /** Deterministic key: the same input always makes the same key. */
  readonly key: string;
  readonly kind: DeliveryKind;
  readonly issueId: string | null;
  /** Id of what caused it (chat message id, ticket comment id), when there is one. */
  readonly sourceId: string | null;
  /** Id of what it produced (ticket, comment or chat message id), once done. */
  readonly targetId: string | null;
  readonly state: DeliveryState;
  /** How many times a run has taken it; above 1 means an earlier attempt may have half-happened. */
  readonly attempts: number;
  readonly createdAt: Date;
  /** Hash of the comment body it writes (`commentHash`), recorded before the write; null for others. */
  readonly contentHash: string | null;
  /** The run that holds (or last held) its lease; null when none ever did. */
  readonly owner: string | null;
  /** Until when `owner` may act on it alone; null once released or done. */
  readonly leaseUntil: Date | null;
}

/** What a use case declares before a side effect. */
export interface DeliveryIntent {
  readonly key: string;
  readonly kind: DeliveryKind;
  readonly issueId: string | null;
  readonly sourceId: string | null;
  /** For comments: the `commentHash` of the body, so the comment is recognised while in flight. */
  readonly contentHash?: string;
}

/** A run's claim on a pending delivery: only `owner` acts on it until `until`. */
export interface DeliveryLease {
  /** A random id of the run asking. */
  readonly owner: string;
  readonly until: Date;
}
