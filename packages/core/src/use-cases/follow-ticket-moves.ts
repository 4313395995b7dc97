import { isIntegrationError } from '../errors.ts';
import { mergedElsewhereNotice, mergedNotice, ticketDeletedNotice } from '../messages.ts';
import type { TicketSync } from '../ports/issue-repo.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import { apply, post, type StatusOutcome, type SyncedIssue } from './sync-ticket-status.ts';

/**
 * The ticket was merged into `targetId`: the thread is told, then follows the target from its
 * newest comment on (its history was the other ticket's). When another issue already follows the
 * target, this one is resolved instead.
 */
export async function followMerge(
  ctx: BotContext,
  issue: SyncedIssue,
  targetId: string,
  base: TicketSync,
): Promise<StatusOutcome> {
  const url = ctx.tickets.ticketUrl(issue.ticketId);
  const targetUrl = ctx.tickets.ticketUrl(targetId);
  const key = deliveryKeys.ticketMerged(issue.ticketId);
  const holder = await ctx.repo.findByTicket(targetId);
  if (holder !== undefined && holder.id !== issue.id)
    return mergedElsewhere(ctx, issue, key, targetUrl, base);
  const comments = await ctx.tickets.listCommentsAfter(targetId, null);
  await post(ctx, issue, key, () => mergedNotice(url, targetUrl));
  try {
    await ctx.repo.repointTicket(issue.id, targetId, comments.at(-1)?.id ?? null);
  } catch (error) {
    // Another issue took the target in between: this one ends here.
    if (!isIntegrationError(error) || error.reason !== 'Conflict') throw error;
    return mergedElsewhere(ctx, issue, key, targetUrl, base);
  }
  ctx.logger.info(
    { issueId: issue.id, ticketId: issue.ticketId, targetId },
    'issue follows the merge target',
  );
  return 'merged';
}

async function mergedElsewhere(
  ctx: BotContext,
  issue: SyncedIssue,
  key: string,
  targetUrl: string,
  base: TicketSync,
): Promise<StatusOutcome> {
  if (issue.status === 'open') {
    await post(ctx, issue, `${key}:elsewhere`, () =>
      mergedElsewhereNotice(ctx.tickets.ticketUrl(issue.ticketId), targetUrl),
    );
  }
  await apply(ctx, issue, { ...base, resolvedAt: base.syncedAt }, 'merged');
  return 'merged';
}

/** The ticket is gone: an open issue is told and resolved; its status is recorded as deleted. */
export async function markDeleted(ctx: BotContext, issue: SyncedIssue): Promise<StatusOutcome> {
  const now = ctx.clock.now();
  if (issue.status === 'open') {
    await post(ctx, issue, deliveryKeys.ticketDeleted(issue.ticketId), () =>
      ticketDeletedNotice(ctx.tickets.ticketUrl(issue.ticketId)),
    );
  }
  const sync = { ticketStatus: 'deleted' as const, ticketUpdatedAt: now, syncedAt: now, resolvedAt: now };
  await apply(ctx, issue, sync, 'deleted');
  return 'deleted';
}
