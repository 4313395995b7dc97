import { AdminUserStore, migrateToLatest, openDatabase } from '@zenslackchat/adapters-postgres';
import { isIntegrationError, systemClock } from '@zenslackchat/core';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config/index.ts';
import { botCanRun } from '../container/chat-platforms.ts';
import { ServerTokens } from '../container/tokens.ts';
import { createBoss, setupQueues } from '../jobs/create-boss.ts';
import type { JobHandlers } from '../jobs/job-handlers.ts';
import { jobTuningFrom } from '../jobs/job-tuning.ts';
import { type Reconciler, runReconcile } from '../jobs/reconcile-run.ts';
import { replayDeadLetters } from '../jobs/replay-dead-letters.ts';
import { createLogger } from '../logging/create-logger.ts';
import { buildServer } from '../server/build-server.ts';
import { hashPassword } from '../web/index.ts';

/** A command's printable result. */
export type CommandResult = Readonly<Record<string, unknown>>;

/** Where a command's log lines go (default stdout). */
export interface CommandIo {
  readonly logStream?: DestinationStream;
  /** With no `logStream`: 1 for stdout, 2 for stderr (the CLI's default). */
  readonly logFd?: 1 | 2;
  /** Warnings and errors only, and no start-up summary (the CLI's answer is what matters). */
  readonly quiet?: boolean;
}

/** Applies the bot's migrations and installs/updates the job queue schema and queues. */
export async function migrate(config: AppConfig, io: CommandIo = {}): Promise<CommandResult> {
  const logger = createLogger(
    { ...config.logging, debug: false, quiet: io.quiet === true },
    io.logStream,
    io.logFd,
  );
  const database = await openDatabase({ ...config.database, logger });
  try {
    const report = await migrateToLatest(database.db, logger);
    const url = config.database.url;
    const boss = createBoss({ database, ...(url === undefined ? {} : { url }) }, logger, { schedule: false });
    await boss.start();
    await setupQueues(boss, jobTuningFrom(config.jobs));
    await boss.stop({ graceful: false, close: true });
    return { applied: report.applied };
  } finally {
    await database.close();
  }
}

/** Runs `work` against a worker-role server that starts no workers, then stops it. */
async function withServer<T>(
  config: AppConfig,
  io: CommandIo,
  work: (server: Awaited<ReturnType<typeof buildServer>>) => Promise<T>,
) {
  const server = await buildServer(config, { role: 'worker', ...io });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Posts the daily report now (once per local day, like the schedule). */
export function report(config: AppConfig, io: CommandIo = {}): Promise<CommandResult> {
  return withServer(config, io, async (server) => {
    if (!botCanRun(server.container)) {
      throw new Error(
        'the report needs Zendesk and a chat platform (Slack with SRE_SUPPORT_CHANNEL, or Teams) configured',
      );
    }
    const bot = server.container.resolve<JobHandlers>(ServerTokens.SupportBot);
    return (await bot.postDailyReport()) as CommandResult;
  });
}

/** Runs one reconciliation sweep now (the same as a RECONCILE_CRON run; busy when one is running). */
export function reconcile(config: AppConfig, io: CommandIo = {}): Promise<CommandResult> {
  return withServer(config, io, async (server) => {
    if (!server.container.isRegistered(ServerTokens.SupportBot) || config.bot.supportChannel === undefined) {
      throw new Error('reconcile needs Slack, Zendesk and SRE_SUPPORT_CHANNEL configured');
    }
    const bot = server.container.resolve<Reconciler>(ServerTokens.SupportBot);
    return (await runReconcile(bot, config.reconcile, systemClock)) as CommandResult;
  });
}

const adminSchema = z.object({
  email: z.string().trim().email('--email / ADMIN_EMAIL must be an e-mail address'),
  password: z.string().min(12, 'the password (or ADMIN_PASSWORD) must be at least 12 characters'),
});

/** Creates a web admin with a scrypt password hash; refuses an email that exists. */
export async function createAdmin(
  config: AppConfig,
  flags: { readonly email?: string | undefined; readonly password?: string | undefined },
): Promise<CommandResult> {
  const parsed = adminSchema.safeParse({
    email: flags.email ?? config.admin?.email,
    password: flags.password ?? config.admin?.password,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const store = new AdminUserStore(database.db);
    const passwordHash = await hashPassword(parsed.data.password);
    const user = await store.create({ email: parsed.data.email, passwordHash, createdAt: systemClock.now() });
    return { created: user.email, id: user.id };
  } catch (error) {
    if (isIntegrationError(error) && error.reason === 'Conflict')
      throw new Error('an admin with that email exists');
    throw error;
  } finally {
    await database.close();
  }
}

/** Sends dead-lettered jobs back to their queues. */
export function replay(config: AppConfig, limit: number, io: CommandIo = {}): Promise<CommandResult> {
  return withServer(config, io, async (server) => ({
    ...(await replayDeadLetters(server.database, server.boss, limit)),
  }));
}
