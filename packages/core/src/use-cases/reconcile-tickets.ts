import type { Issue } from '../domain/issue.ts';
import type { SweepRecord } from '../domain/sweep.ts';
import type { TicketState } from '../domain/ticket-lifecycle.ts';
import type { BotContext } from './bot-deps.ts';
import { type CallPacer, pacedTickets } from './call-pacer.ts';
import { handleTicketNotice } from './handle-ticket-notice.ts';

/** How a sweep runs. */
export interface SweepOptions {
  /** Spends the sweep's share of the rate limit; its call count goes into the record. */
  readonly pacer: CallPacer;
  /** Who runs it (a process id): the lease's owner. */
  readonly owner: string;
  /** How long the lease lasts before another process may take over (default 15 min, renewed per page). */
  readonly leaseMs?: number;
}

/** What a sweep run did. */
export type SweepOutcome =
  | { readonly outcome: 'busy' }
  | { readonly outcome: 'swept'; readonly record: SweepRecord };

const LEASE = 'reconcile';
const PAGE = 100;

/**
 * Heals what missed notices left out of step: reads every syncable issue's ticket in bulk (100
 * per call), and for each ticket that changed since its last sync runs the same handling as a
 * notice (new comments forwarded exactly once, status applied). Only issues of this bot's chat
 * platform. One sweep at a time across processes (a lease); one log line and one kept record per
 * sweep.
 */
export async function reconcileTickets(ctx: BotContext, options: SweepOptions): Promise<SweepOutcome> {
  const leaseMs = options.leaseMs ?? 15 * 60_000;
  const lease = () => {
    const now = ctx.clock.now();
    return ctx.repo.acquireLease(LEASE, options.owner, now, new Date(now.getTime() + leaseMs));
  };
  if (!(await lease())) return { outcome: 'busy' };
  const startedAt = ctx.clock.now();
  const paced: BotContext = { ...ctx, tickets: pacedTickets(ctx.tickets, options.pacer) };
  const counts = { checked: 0, changed: 0, healed: 0, failed: 0 };
  const callsBefore = options.pacer.calls;
  try {
    let after: string | null = null;
    for (;;) {
      const page: readonly Issue[] = await ctx.repo.listSyncable(after, PAGE);
      if (page.length === 0) break;
      after = page.at(-1)?.id ?? null;
      if (!(await lease())) throw new Error('reconcile lease lost to another process');
      await sweepPage(paced, page, counts);
    }
  } finally {
    await ctx.repo.releaseLease(LEASE, options.owner);
  }
  const record: SweepRecord = {
    startedAt,
    finishedAt: ctx.clock.now(),
    ...counts,
    calls: options.pacer.calls - callsBefore,
  };
  await ctx.repo.saveSweep(record);
  ctx.logger.info({ ...counts, calls: record.calls }, 'reconcile sweep done');
  return { outcome: 'swept', record };
}

type Counts = { checked: number; changed: number; healed: number; failed: number };

async function sweepPage(ctx: BotContext, all: readonly Issue[], counts: Counts): Promise<void> {
  // A bot answers for its own chat platform's threads; another platform's bot sweeps the rest.
  const page = all.filter((issue) => issue.platform === ctx.chat.platform);
  if (page.length === 0) return;
  const ids = page.flatMap((issue) => (issue.ticketId === null ? [] : [issue.ticketId]));
  let states: readonly TicketState[];
  try {
    states = await ctx.tickets.getTicketStates(ids);
  } catch (error) {
    ctx.logger.warn(
      { err: error, tickets: ids.length },
      'reconcile: bulk read failed; page left for next sweep',
    );
    counts.checked += page.length;
    counts.failed += page.length;
    return;
  }
  const byId = new Map(states.map((state) => [state.id, state]));
  for (const issue of page) {
    counts.checked += 1;
    const ticketId = issue.ticketId;
    if (ticketId === null || issue.threadId === null) continue;
    const state = byId.get(ticketId);
    if (state !== undefined && !changedSince(issue, state)) continue;
    counts.changed += 1;
    try {
      const outcome = await handleTicketNotice(ctx, { ticketId }, state ?? null);
      const healed =
        outcome.outcome === 'comments-forwarded' &&
        (outcome.forwarded > 0 || (outcome.status !== 'unchanged' && outcome.status !== 'stale'));
      if (healed) counts.healed += 1;
    } catch (error) {
      counts.failed += 1;
      ctx.logger.warn({ err: error, issueId: issue.id, ticketId }, 'reconcile: ticket not brought in step');
    }
  }
}

// Zendesk stamps `updated_at` in whole seconds and its clock is not ours: a sync made within a
// minute of the ticket's own last change may have missed a change stamped the same second, so
// such a ticket is checked once more (the re-check moves its sync time past the window).
const SETTLE_MS = 60_000;

function changedSince(issue: Issue, state: TicketState): boolean {
  const recorded = issue.ticketUpdatedAt;
  if (recorded === undefined || issue.syncedAt === undefined) return true;
  if (state.updatedAt > recorded) return true;
  return (
    state.updatedAt.getTime() === recorded.getTime() &&
    issue.syncedAt.getTime() - recorded.getTime() < SETTLE_MS
  );
}
