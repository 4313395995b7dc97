import {
  type ChatEvent,
  type EmailTicketNotice,
  IntegrationError,
  type TicketCommentNotice,
} from '@zenslackchat/core';
import type { JobPayloads, WorkQueue } from './queues.ts';

/** The use cases the workers call (the core's SupportBot fits this shape). */
export interface JobHandlers {
  handleChatMessage(event: ChatEvent): Promise<unknown>;
  handleTicketComments(notice: TicketCommentNotice): Promise<unknown>;
  handleEmailTicket(notice: EmailTicketNotice): Promise<unknown>;
  postDailyReport(): Promise<unknown>;
  /** An admin's resolve of an issue. */
  resolveIssue(issueId: string): Promise<unknown>;
  /** One reconciliation sweep (see reconcile-run.ts); a worker without it fails the job as Invalid. */
  reconcileNow?(): Promise<unknown>;
}

/** Runs the use case of a queue with its (already validated) payload. */
export function dispatchJob<Q extends WorkQueue>(
  handlers: JobHandlers,
  queue: Q,
  data: JobPayloads[Q],
): Promise<unknown> {
  switch (queue) {
    case 'chat-message': {
      const payload = data as JobPayloads['chat-message'];
      return 'event' in payload
        ? handlers.handleChatMessage(payload.event)
        : handlers.resolveIssue(payload.adminResolve.issueId);
    }
    case 'ticket-comment':
      return handlers.handleTicketComments((data as JobPayloads['ticket-comment']).notice);
    case 'email-ticket':
      return handlers.handleEmailTicket((data as JobPayloads['email-ticket']).notice);
    case 'reconcile':
      if (handlers.reconcileNow === undefined) {
        return Promise.reject(
          new IntegrationError('Invalid', 'this worker cannot run sweeps', { integration: 'jobs' }),
        );
      }
      return handlers.reconcileNow();
    default:
      return handlers.postDailyReport();
  }
}
