import type { PgBoss, Queue } from 'pg-boss';

/**
 * Creates a queue, or brings an existing one to `options.policy`. pg-boss fixes a queue's policy
 * when it creates it (`createQueue` leaves an existing queue alone, `updateQueue` cannot change
 * it), so a queue created under another policy by an earlier version is deleted and created again:
 * its pending jobs go with it, which suits only queues whose schedule sends them again (the daily
 * report, housekeeping; their schedules are registered after this, at every start).
 */
export async function createQueueWithPolicy(
  boss: PgBoss,
  name: string,
  options: Omit<Queue, 'name'>,
): Promise<void> {
  const existing = await boss.getQueue(name);
  if (existing !== null && existing.policy !== (options.policy ?? 'standard')) await boss.deleteQueue(name);
  await boss.createQueue(name, options);
}

/**
 * Queues that run no two jobs at once (pg-boss `singleton`: at most one active job; the next waits
 * for it), because they have no ordering key to keep the same work apart: two instances' schedules,
 * a manual run beside the scheduled one, or a retry. A run re-dispatched by pg-boss while the first
 * still runs (its heartbeat lost) is the delivery lease's to stop, not this policy's.
 */
export const SINGLETON_QUEUES = ['daily-report', 'housekeeping', 'reconcile'] as const;
