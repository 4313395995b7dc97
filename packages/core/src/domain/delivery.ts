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
  /** How many times it has been begun; above 1 means an earlier attempt may have half-happened. */
  readonly attempts: number;
  readonly createdAt: Date;
}

/** What a use case declares before a side effect. */
export interface DeliveryIntent {
  readonly key: string;
  readonly kind: DeliveryKind;
  readonly issueId: string | null;
  readonly sourceId: string | null;
}
