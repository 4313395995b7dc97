import type { Database } from '@zenslackchat/adapters-postgres';
import type { Logger } from '@zenslackchat/core';
import { fromPglite, PgBoss } from 'pg-boss';
import { setupHousekeepingQueue } from './housekeeping.ts';
import type { JobTuning } from './job-tuning.ts';
import { createQueueWithPolicy, SINGLETON_QUEUES } from './queue-policy.ts';
import { DEAD_LETTER_QUEUE, ORDERED_QUEUES, WORK_QUEUES, type WorkQueue } from './queues.ts';

/** What the job queue runs on: the bot's own database. */
export interface BossTarget {
  readonly database: Database;
  /** The Postgres URL (pg-boss keeps its own small pool); unused on PGlite. */
  readonly url?: string;
}

/**
 * Workers beat every half of this while a job runs; a job whose process died (SIGKILL, OOM) misses
 * its beats and is failed and retried within about this plus one supervision pass, instead of
 * waiting for `expireInSeconds`. pg-boss's minimum is 10.
 */
export const JOB_HEARTBEAT_SECONDS = 10;

/** How often pg-boss refreshes its cached queue sizes (one small query per instance). */
export const QUEUE_CACHE_SECONDS = 2;

/** pg-boss on the bot's database: its own pool on Postgres, the shared instance on PGlite. Not started. */
export function createBoss(target: BossTarget, logger: Logger, options: { schedule: boolean }): PgBoss {
  const common = {
    schema: 'pgboss',
    schedule: options.schedule,
    supervise: true,
    migrate: true,
    // Supervision passes are what fail jobs with missed heartbeats (default every 60 s).
    superviseIntervalSeconds: JOB_HEARTBEAT_SECONDS,
    monitorIntervalSeconds: JOB_HEARTBEAT_SECONDS,
    // The queues' ready counts tell a worker whether to fetch again at once (see start-workers.ts);
    // the default minute would leave a drained backlog to the polling interval.
    queueCacheIntervalSeconds: QUEUE_CACHE_SECONDS,
  } as const;
  const { database } = target;
  let boss: PgBoss;
  if (database.backend === 'pglite') {
    if (database.pglite === undefined) throw new Error('a pglite database must expose its instance');
    boss = new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' });
  } else {
    if (target.url === undefined) throw new Error('a postgres database needs its url for pg-boss');
    boss = new PgBoss({
      ...common,
      connectionString: target.url,
      max: 4,
      application_name: 'zenslackchat-jobs',
      // Wakes workers as soon as a job is committed instead of at their next poll.
      useListenNotify: true,
    });
  }
  boss.on('error', (error) => logger.error({ err: error.message }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ warning: warning.message }, 'job queue warning'));
  return boss;
}

/** Ordered queues run strictly in order per key; the unordered ones one job at a time. */
function policyOf(name: WorkQueue): 'key_strict_fifo' | 'singleton' | 'standard' {
  if (ORDERED_QUEUES.includes(name)) return 'key_strict_fifo';
  return (SINGLETON_QUEUES as readonly string[]).includes(name) ? 'singleton' : 'standard';
}

/** Creates (or updates) every queue with the given retry settings. Idempotent. */
export async function setupQueues(boss: PgBoss, tuning: JobTuning): Promise<void> {
  await setupHousekeepingQueue(boss);
  await boss.createQueue(DEAD_LETTER_QUEUE, {
    retryLimit: 0,
    retentionSeconds: tuning.deadLetterRetentionSeconds,
    deleteAfterSeconds: tuning.deadLetterRetentionSeconds,
  });
  for (const name of WORK_QUEUES) {
    const retry = {
      retryLimit: tuning.retryLimit,
      retryDelay: tuning.retryDelaySeconds,
      retryBackoff: tuning.retryBackoff,
      expireInSeconds: tuning.expireInSeconds,
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
    };
    // pg-boss accepts a maximum delay only together with backoff.
    const max = tuning.retryBackoff ? { retryDelayMax: tuning.retryDelayMaxSeconds } : {};
    await createQueueWithPolicy(boss, name, {
      ...retry,
      ...max,
      policy: policyOf(name),
      deadLetter: DEAD_LETTER_QUEUE,
      notify: true,
    });
    await boss.updateQueue(name, {
      ...retry,
      notify: true,
      retryDelayMax: tuning.retryBackoff ? tuning.retryDelayMaxSeconds : null,
    });
  }
}
