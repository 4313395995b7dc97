import type { ChatEvent } from '../domain/chat-event.ts';
import type { EmailTicketNotice, TicketCommentNotice } from '../domain/notices.ts';
import { type BotContext, type BotDeps, botContext } from './bot-deps.ts';
import { handleChatMessage } from './handle-chat-message.ts';
import { handleTicketNotice } from './handle-ticket-notice.ts';
import { openEmailIssue } from './open-email-issue.ts';
import type {
  ChatOutcome,
  CommentsOutcome,
  EmailOutcome,
  ReportOutcome,
  ResolveOutcome,
} from './outcomes.ts';
import { postDailyReport } from './post-daily-report.ts';
import { reconcileTickets, type SweepOptions, type SweepOutcome } from './reconcile-tickets.ts';
import { resolveIssue } from './resolve-issue.ts';

/**
 * The bot's front door: one method per inbound event. Each is safe to run again with the same
 * input (a retried job finishes a half-done run, never repeats a side effect) and lets
 * `IntegrationError`s propagate so the caller can retry by `retryable` / `retryAfterMs`.
 */
export class SupportBot {
  readonly #ctx: BotContext;

  constructor(deps: BotDeps) {
    this.#ctx = botContext(deps);
  }

  /** A chat message (new request, thread reply, or something to ignore). */
  handleChatMessage(event: ChatEvent): Promise<ChatOutcome> {
    return handleChatMessage(this.#ctx, event);
  }

  /** The ticketing system says a ticket changed: forward its new public comments, apply its status. */
  handleTicketComments(notice: TicketCommentNotice): Promise<CommentsOutcome> {
    return handleTicketNotice(this.#ctx, notice);
  }

  /** Brings every syncable issue in step with its ticket (the reconciliation sweep). */
  reconcile(options: SweepOptions): Promise<SweepOutcome> {
    return reconcileTickets(this.#ctx, options);
  }

  /** The ticketing system says a ticket was created by email: open a chat thread for it. */
  handleEmailTicket(notice: EmailTicketNotice): Promise<EmailOutcome> {
    return openEmailIssue(this.#ctx, notice);
  }

  /** An admin resolves an issue: solves its ticket, marks it resolved, confirms once in its thread. */
  resolveIssue(issueId: string): Promise<ResolveOutcome> {
    return resolveIssue(this.#ctx, issueId);
  }

  /** Posts the daily report, once per local day. */
  postDailyReport(): Promise<ReportOutcome> {
    return postDailyReport(this.#ctx);
  }
}
