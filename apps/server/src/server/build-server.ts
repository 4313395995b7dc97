import { type Database, migrateToLatest, openDatabase } from '@zenslackchat/adapters-postgres';
import { type Clock, systemClock } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { DestinationStream, Logger as Pino } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import { type AdapterOverrides, buildContainer } from '../container/build-container.ts';
import { ServerTokens } from '../container/tokens.ts';
import { checkIntakeStatement } from '../jobs/commit-intake-batch.ts';
import { createBoss, setupQueues } from '../jobs/create-boss.ts';
import { type JobTuning, jobTuningFrom } from '../jobs/job-tuning.ts';
import { createLogger } from '../logging/create-logger.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { buildApp } from './build-app.ts';
import { type Role, runsWorkers } from './roles.ts';
import { copyAdminsToSandbox } from './sandbox-admins.ts';
import { sandboxSetup } from './sandbox-wiring.ts';
import { startJobs } from './start-jobs.ts';
import { logStartup } from './startup-log.ts';

/** How to build a server beyond its configuration (tests and the sandbox use these). */
export interface BuildOptions {
  readonly role?: Role;
  readonly adapters?: AdapterOverrides;
  readonly clock?: Clock;
  readonly tuning?: Partial<JobTuning>;
  /** Where logs go (default stdout). */
  readonly logStream?: DestinationStream;
  /** With no `logStream`: 1 for stdout (default), 2 for stderr. */
  readonly logFd?: 1 | 2;
  /** Warnings and errors only, and no start-up summary (CLI commands). */
  readonly quiet?: boolean;
  /** In-memory chat and tickets behind the real core, database and queue, plus the sandbox page. */
  readonly sandbox?: boolean;
}

/** A built server: the fastify app (not listening), its container, and the job lifecycle. */
export interface ZenServer {
  readonly app: FastifyInstance;
  readonly container: DependencyContainer;
  readonly role: Role;
  readonly database: Database;
  readonly boss: PgBoss;
  readonly logger: Pino;
  /** Starts the workers and the report schedule when the role runs jobs. Idempotent. */
  start(): Promise<void>;
  /** Stops taking requests, lets in-flight jobs finish (up to 20 s), closes the database. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Opens and migrates the database, starts the job queue and builds the fastify app with every
 * route of the role. Nothing listens and no worker runs until the caller says so (`listen`, `start`).
 */
export async function buildServer(given: AppConfig, options: BuildOptions = {}): Promise<ZenServer> {
  const role = options.role ?? 'all';
  const clock = options.clock ?? systemClock;
  const sandbox = options.sandbox === true ? sandboxSetup(given, clock) : undefined;
  const config = sandbox?.config ?? given;
  const adapters = sandbox?.adapters ?? options.adapters;
  const quiet = options.quiet === true;
  const logger = createLogger({ ...config.logging, quiet }, options.logStream, options.logFd);
  if (!quiet) logStartup(config, logger, role);
  const tuning = { ...jobTuningFrom(config.jobs), ...options.tuning };
  const database = await openDatabase({ ...config.database, logger });
  let boss: PgBoss | undefined;
  try {
    await migrateToLatest(database.db, logger);
    if (sandbox !== undefined) await copyAdminsToSandbox(given.database, database, logger);
    boss = createBoss(
      { database, ...(config.database.url === undefined ? {} : { url: config.database.url }) },
      logger.child({ component: 'jobs' }),
      { schedule: role !== 'web' },
    );
    await boss.start();
    await setupQueues(boss, tuning);
    await checkIntakeStatement(boss);
  } catch (error) {
    await boss?.stop({ graceful: false }).catch(() => {});
    await database.close();
    throw error;
  }
  const started = boss;
  let jobsRunning = true;
  let workersStarted = false;
  started.on('stopped', () => {
    jobsRunning = false;
  });
  let container: DependencyContainer;
  let app: FastifyInstance;
  try {
    container = buildContainer({
      config,
      logger,
      database,
      boss: started,
      clock,
      tuning,
      ...(adapters === undefined ? {} : { adapters }),
    });
    await bootstrapAdmin(config.admin, container.resolve(ServerTokens.AdminUserStore), clock, logger);
    app = await buildApp(container, {
      role,
      logger,
      database,
      jobsRunning: () => jobsRunning,
      // "Processing" on the home page: workers here once started, or in other processes (web role).
      workers: () =>
        !runsWorkers(role) ? 'elsewhere' : workersStarted && jobsRunning ? 'running' : 'stopped',
      sandbox,
      clock,
    });
  } catch (error) {
    await started.stop({ graceful: false }).catch(() => {});
    await database.close();
    throw error;
  }

  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const ready = container;
  return {
    app,
    container: ready,
    role,
    database,
    boss: started,
    logger,
    start: () => {
      starting ??= startJobs(ready, role).then(() => {
        workersStarted = true;
      });
      return starting;
    },
    stop: () => {
      stopping ??= (async () => {
        await app.close();
        await started.stop({ graceful: true, timeout: 20_000, close: true });
        await database.close();
        logger.info({}, 'zenslackchat stopped');
      })();
      return stopping;
    },
  };
}
