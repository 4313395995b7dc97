import type { StatusOutcome } from './sync-ticket-status.ts';

/** Why a chat message was not acted on. */
export const CHAT_IGNORE_REASONS = [
  'other-channel',
  'processing-disabled',
  'subtype',
  'own-message',
  'bot-not-allowed',
  'empty',
  'untracked-thread',
  /** An edit or deletion of a message that never reached a ticket (a command, an untracked thread). */
  'untracked-message',
  /** An edit or deletion whose ticket is closed: nothing can be added to it. */
  'ticket-closed',
] as const;
export type ChatIgnoreReason = (typeof CHAT_IGNORE_REASONS)[number];

/** What handling a chat message did; the same input gives the same outcome on a re-run. */
export type ChatOutcome =
  | { readonly outcome: 'ignored'; readonly reason: ChatIgnoreReason }
  | { readonly outcome: 'ticket-created'; readonly issueId: string; readonly ticketId: string }
  | { readonly outcome: 'help-sent'; readonly issueId: string }
  | { readonly outcome: 'resolved'; readonly issueId: string; readonly ticketId: string }
  | { readonly outcome: 'already-resolved'; readonly issueId: string }
  | {
      /** A reply on a closed ticket opened a follow-up ticket, which the issue now follows. */
      readonly outcome: 'follow-up-opened';
      readonly issueId: string;
      readonly ticketId: string;
      readonly commentId: string;
    }
  | {
      /** An edit or deletion in chat became an internal note on the ticket. */
      readonly outcome: 'change-noted';
      readonly issueId: string;
      readonly ticketId: string;
      readonly commentId: string;
    }
  | {
      readonly outcome: 'comment-added';
      readonly issueId: string;
      readonly ticketId: string;
      readonly commentId: string;
    };

/** What an admin's resolve did; the same issue gives the same outcome on a re-run. */
export type ResolveOutcome =
  | { readonly outcome: 'ignored'; readonly reason: 'unknown-issue' }
  | { readonly outcome: 'already-resolved'; readonly issueId: string }
  | { readonly outcome: 'resolved'; readonly issueId: string; readonly ticketId: string };

/** What handling a ticket comment notice did. */
export type CommentsOutcome =
  | { readonly outcome: 'ignored'; readonly reason: 'unknown-ticket' }
  /** The ticket's issue lives on another chat platform: that platform's bot handles it. */
  | { readonly outcome: 'ignored'; readonly reason: 'other-platform'; readonly issueId: string }
  | {
      readonly outcome: 'comments-forwarded';
      readonly issueId: string;
      /** How many comments were posted to chat by this run. */
      readonly forwarded: number;
      /** How many were passed over (internal notes, the bot's own comments). */
      readonly skipped: number;
      /** What the status sync did, when the notice handling ran one. */
      readonly status?: StatusOutcome;
    };

/** What handling an emailed ticket notice did. */
export type EmailOutcome =
  | { readonly outcome: 'ignored'; readonly reason: 'unknown-ticket' | 'already-tracked' }
  | {
      readonly outcome: 'thread-opened';
      readonly issueId: string;
      readonly ticketId: string;
      readonly threadId: string;
    };

/** What the daily report run did. */
export type ReportOutcome =
  | { readonly outcome: 'ignored'; readonly reason: 'already-posted' }
  | {
      readonly outcome: 'report-posted';
      readonly day: string;
      readonly openCount: number;
      readonly resolvedCount: number;
      readonly periodStart: Date;
      readonly periodEnd: Date;
    };

/** What posting the on-call notice did; never a failure. */
export type OnCallOutcome = 'posted' | 'not-configured' | 'lookup-failed';
