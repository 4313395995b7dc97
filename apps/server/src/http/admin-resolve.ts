import { Clock, IssueRepo, TicketPort } from '@zenslackchat/core';
import type { DependencyContainer } from 'tsyringe';
import { botCanRun } from '../container/chat-platforms.ts';
import { enqueueAdminResolve } from '../jobs/durable-intake.ts';
import { intakeDeps } from './integration-routes.ts';

/**
 * Resolves an issue for an admin: queues a durable job that runs the core's `resolveIssue` (solve
 * the ticket, mark it resolved, confirm once in its thread) in order with the thread's other work.
 * A resolved issue is left alone. Without a bot to run jobs (Slack or Zendesk no longer
 * configured) the issue's ticket is solved when possible and the issue is marked resolved here.
 */
export async function adminResolve(container: DependencyContainer, issueId: string): Promise<void> {
  const repo = container.resolve<IssueRepo>(IssueRepo);
  const issue = await repo.findById(issueId);
  if (issue === undefined) throw new Error('no such issue');
  if (issue.status === 'resolved') return;
  // The same condition as the workers' (start-jobs): only then does a queued job ever run.
  if (botCanRun(container)) {
    await enqueueAdminResolve(intakeDeps(container), issue);
    return;
  }
  if (issue.ticketId !== null && container.isRegistered(TicketPort)) {
    await container.resolve<TicketPort>(TicketPort).solveTicket(issue.ticketId);
  }
  await repo.markResolved(issueId, container.resolve<Clock>(Clock).now());
}
