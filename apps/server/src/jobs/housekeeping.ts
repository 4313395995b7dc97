import type { Clock, Logger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { createQueueWithPolicy } from './queue-policy.ts';

/** The queue of the daily housekeeping job. */
export const HOUSEKEEPING_QUEUE = 'housekeeping';

/**
 * How long inbound event ids are kept for duplicate detection: far beyond any vendor's retry
 * window (Slack retries for minutes, Zendesk webhooks for hours), so pruning never readmits one.
 */
export const INBOUND_EVENT_RETENTION_DAYS = 30;

/** When housekeeping runs: daily at a quiet hour, UTC. */
export const HOUSEKEEPING_CRON = '17 3 * * *';

/** What housekeeping prunes (PostgresIssueRepo has it; it is not part of the core's port). */
export interface InboundEventPruner {
  /** Deletes inbound event ids received before `before`; returns how many. */
  pruneInboundEvents(before: Date): Promise<number>;
}

/** What the housekeeping job needs. */
export interface HousekeepingDeps {
  readonly pruner: InboundEventPruner;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Forgets inbound event ids older than the retention. Idempotent: a re-run deletes nothing new. */
export async function runHousekeeping(deps: HousekeepingDeps): Promise<{ readonly pruned: number }> {
  const before = new Date(deps.clock.now().getTime() - INBOUND_EVENT_RETENTION_DAYS * 24 * 3600 * 1000);
  const pruned = await deps.pruner.pruneInboundEvents(before);
  deps.logger.info({ pruned, before: before.toISOString() }, 'inbound event ids pruned');
  return { pruned };
}

/**
 * Creates the housekeeping queue: one run at a time (`singleton`), a failed run retries a few
 * times (tomorrow's run follows anyway).
 */
export async function setupHousekeepingQueue(boss: PgBoss): Promise<void> {
  await createQueueWithPolicy(boss, HOUSEKEEPING_QUEUE, {
    policy: 'singleton',
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 600,
  });
}

/**
 * Works the housekeeping queue and registers its daily schedule (one job per occurrence however
 * many instances run, as with the report). Needs the queue from `setupHousekeepingQueue`.
 */
export async function startHousekeeping(boss: PgBoss, deps: HousekeepingDeps): Promise<void> {
  await boss.work(HOUSEKEEPING_QUEUE, async () => {
    await runHousekeeping(deps);
  });
  await boss.schedule(HOUSEKEEPING_QUEUE, HOUSEKEEPING_CRON, {}, { tz: 'UTC' });
}
