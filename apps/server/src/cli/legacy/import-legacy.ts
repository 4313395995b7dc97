import { type IssueRepo, isIntegrationError, type TicketPort } from '@zenslackchat/core';
import type { LegacyIssue } from './legacy-issues.ts';

/** What happened (or, in a dry run, would happen) to one legacy issue. */
export interface LegacyOutcome {
  readonly legacyId: number;
  readonly thread: string;
  readonly ticketId: string | null;
  readonly status: 'open' | 'resolved';
  readonly action: 'import' | 'imported' | 'exists';
  /** Set when the ticket was looked up and Zendesk does not know it. */
  readonly note?: string;
}

/** Where comment sync starts: after the ticket's newest comment, so history is never re-posted. */
async function lastCommentId(tickets: TicketPort, ticketId: string): Promise<string | null | undefined> {
  try {
    const comments = await tickets.listCommentsAfter(ticketId, null);
    return comments.at(-1)?.id ?? null;
  } catch (error) {
    if (isIntegrationError(error) && error.reason === 'NotFound') return undefined;
    throw error;
  }
}

async function known(repo: IssueRepo, issue: LegacyIssue): Promise<boolean> {
  const thread = { platform: 'slack', channel: issue.channel_id, threadId: issue.chat_id };
  if ((await repo.findByThread(thread)) !== undefined) return true;
  return issue.ticket_id !== null && (await repo.findByTicket(issue.ticket_id)) !== undefined;
}

/**
 * Imports one legacy issue as a chat issue with its ticket, comment cursor and resolution, in one
 * transaction. Idempotent: an issue already known by thread or ticket is left as it is; two
 * overlapping runs import it once (the thread claim is atomic).
 */
export async function importLegacyIssue(
  repo: IssueRepo,
  tickets: TicketPort | undefined,
  issue: LegacyIssue,
  dryRun: boolean,
): Promise<LegacyOutcome> {
  const base = {
    legacyId: issue.id,
    thread: `${issue.channel_id}:${issue.chat_id}`,
    ticketId: issue.ticket_id,
    status: issue.active ? ('open' as const) : ('resolved' as const),
  };
  if (await known(repo, issue)) return { ...base, action: 'exists' };
  if (dryRun || tickets === undefined) return { ...base, action: 'import' };
  const ticket = issue.ticket_id === null ? undefined : await tickets.getTicket(issue.ticket_id);
  const cursor = issue.ticket_id === null ? null : await lastCommentId(tickets, issue.ticket_id);
  const created = await repo.transaction(async (tx) => {
    const claim = await tx.claimThread({
      platform: 'slack',
      channel: issue.channel_id,
      threadId: issue.chat_id,
      openedAt: issue.opened,
    });
    if (!claim.created) return false;
    if (issue.ticket_id !== null) await tx.attachTicket(claim.issue.id, issue.ticket_id, ticket?.subject);
    if (typeof cursor === 'string') await tx.setCommentCursor(claim.issue.id, cursor);
    if (!issue.active) await tx.markResolved(claim.issue.id, issue.closed ?? issue.opened);
    return true;
  });
  const missing = issue.ticket_id !== null && ticket === undefined;
  return {
    ...base,
    action: created ? 'imported' : 'exists',
    ...(missing ? { note: 'Zendesk does not know this ticket' } : {}),
  };
}
