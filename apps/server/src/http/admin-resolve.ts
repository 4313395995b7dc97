import { type ChatEvent, Clock, IssueRepo, TicketPort } from '@zenslackchat/core';
import type { DependencyContainer } from 'tsyringe';
import { acceptChatEvent } from '../jobs/durable-intake.ts';
import { intakeDeps } from './integration-routes.ts';

/**
 * Resolves an issue for an admin. An issue with a thread gets a `resolve` command queued in that
 * thread, so the core's own use case solves the ticket, records it and confirms in the thread, in
 * order with the thread's other work (a repeated click is a duplicate). An issue without a thread
 * yet (or outside the monitored channel) has its ticket solved and is marked resolved directly.
 */
export async function adminResolve(container: DependencyContainer, issueId: string): Promise<void> {
  const repo = container.resolve<IssueRepo>(IssueRepo);
  const issue = await repo.findById(issueId);
  if (issue === undefined) throw new Error('no such issue');
  if (issue.status === 'resolved') return;
  if (issue.threadId !== null) {
    const event: ChatEvent = {
      eventId: `admin-resolve:${issue.id}`,
      platform: issue.platform,
      channel: issue.channel,
      messageId: `admin-resolve-${issue.id}`,
      threadId: issue.threadId,
      text: 'resolve',
      files: [],
    };
    const result = await acceptChatEvent(intakeDeps(container), { eventId: event.eventId, event });
    if (result !== 'ignored') return;
  }
  if (issue.ticketId !== null && container.isRegistered(TicketPort)) {
    await container.resolve<TicketPort>(TicketPort).solveTicket(issue.ticketId);
  }
  await repo.markResolved(issueId, container.resolve<Clock>(Clock).now());
}
