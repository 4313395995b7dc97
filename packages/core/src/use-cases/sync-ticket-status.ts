import type { Issue } from '../domain/issue.ts';
import { isDoneStatus, type StatusChange, type TicketState } from '../domain/ticket-lifecycle.ts';
import { CoreError } from '../errors.ts';
import { ticketReopenedNotice, ticketSolvedNotice } from '../messages.ts';
import type { TicketSync } from '../ports/issue-repo.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import { followMerge, markDeleted } from './follow-ticket-moves.ts';
import { postOnce } from './post-once.ts';

/** What a status sync did to the issue. */
export const STATUS_OUTCOMES = ['unchanged', 'resolved', 'reopened', 'merged', 'deleted', 'stale'] as const;
export type StatusOutcome = (typeof STATUS_OUTCOMES)[number];

/** An issue with a ticket and a thread: what a sync works on. */
export type SyncedIssue = Issue & { readonly ticketId: string; readonly threadId: string };

/**
 * A read of the ticket made after the issue was read: its state, and the change that brought it
 * into its status when the read holds it.
 */
export interface FreshRead {
  readonly state: TicketState;
  readonly change: StatusChange | undefined;
}

/**
 * Makes the issue follow its ticket's status: solved or closed → resolved at Zendesk's solve time,
 * open again → reopened, merged → follows the target, gone (`fresh` undefined: a read of its own
 * found nothing) → resolved. Each change is told once in the thread: the message is keyed by what
 * it reports (the solve time, the resolution it ends) and posted before the state is recorded, so
 * a re-run after a crash finds the same key and two overlapping runs post it once. `fresh` must be
 * a read made after `issue` was read: a read from before could predate a resolve or a reopen the
 * bot made in between and undo it.
 */
export async function syncTicketStatus(
  ctx: BotContext,
  issue: Issue,
  fresh: FreshRead | undefined,
): Promise<StatusOutcome> {
  const synced = withThread(issue);
  if (fresh === undefined) return markDeleted(ctx, synced);
  const { state: current, change } = fresh;
  if (synced.ticketUpdatedAt !== undefined && current.updatedAt < synced.ticketUpdatedAt) return 'stale';
  const base = {
    ticketStatus: current.status,
    ticketUpdatedAt: current.updatedAt,
    syncedAt: ctx.clock.now(),
  };
  if (isDoneStatus(current.status)) {
    // A merge closes the source; its history names the target.
    if (current.status === 'closed' && change?.mergedInto)
      return followMerge(ctx, synced, change.mergedInto, base);
    return resolve(ctx, synced, current, change, base);
  }
  if (synced.status === 'resolved' && synced.resolvedAt !== null) {
    await post(ctx, synced, deliveryKeys.ticketReopened(synced.id, synced.resolvedAt), () =>
      ticketReopenedNotice(ctx.tickets.ticketUrl(synced.ticketId)),
    );
    return apply(ctx, synced, { ...base, resolvedAt: null }, 'reopened');
  }
  return apply(ctx, synced, base, 'unchanged');
}

async function resolve(
  ctx: BotContext,
  issue: SyncedIssue,
  state: TicketState,
  change: StatusChange | undefined,
  base: TicketSync,
): Promise<StatusOutcome> {
  const at = change !== undefined && isDoneStatus(change.status) ? change.at : state.updatedAt;
  if (issue.status === 'resolved') {
    // Solved again after a reopen the bot never heard of: that reopening happens here first.
    const missedCycle = issue.resolvedAt !== null && change !== undefined && at > issue.resolvedAt;
    if (!missedCycle) return apply(ctx, issue, { ...base, resolvedAt: at }, 'unchanged');
    if ((await apply(ctx, issue, { ...base, resolvedAt: null }, 'reopened')) === 'stale') return 'stale';
  }
  // The bot's own solve (a `resolve` running now) confirms itself; it is not news from Zendesk.
  const byBot = change?.by?.id !== undefined && change.by.id === ctx.settings.ticketAgentId;
  if (!byBot) {
    await post(ctx, issue, deliveryKeys.ticketSolved(issue.ticketId, at), () =>
      ticketSolvedNotice(ctx.tickets.ticketUrl(issue.ticketId), state.status, change?.by?.name ?? null),
    );
  }
  return apply(ctx, issue, { ...base, resolvedAt: at }, 'resolved');
}

/** Records a sync; a newer one already recorded makes this one `stale`. */
export async function apply(
  ctx: BotContext,
  issue: SyncedIssue,
  sync: TicketSync,
  outcome: StatusOutcome,
): Promise<StatusOutcome> {
  const result = await ctx.repo.applyTicketSync(issue.id, sync);
  if (!result.applied) return 'stale';
  ctx.logger.info(
    { issueId: issue.id, ticketId: issue.ticketId, status: sync.ticketStatus, outcome },
    'ticket status synced',
  );
  return outcome;
}

/** Posts a bot message in the issue's thread once per key, after `before` (idempotent) when given. */
export function post(
  ctx: BotContext,
  issue: Issue & { readonly threadId: string },
  key: string,
  text: () => string,
  before?: () => Promise<void>,
) {
  return postOnce(ctx, {
    key,
    kind: 'bot-message',
    issueId: issue.id,
    channel: issue.channel,
    threadId: issue.threadId,
    text,
    ...(before !== undefined && { before }),
  });
}

function withThread(issue: Issue): SyncedIssue {
  const { ticketId, threadId } = issue;
  if (ticketId === null) throw new CoreError('issue.ticket-pending', `issue ${issue.id} has no ticket yet`);
  // An emailed ticket whose thread is still being opened; the job layer retries this later.
  if (threadId === null)
    throw new CoreError('issue.thread-pending', `issue ${issue.id} has no chat thread yet`);
  return { ...issue, ticketId, threadId };
}
