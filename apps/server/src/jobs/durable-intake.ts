import { type Database, withTransaction } from '@zenslackchat/adapters-postgres';
import type { ChatEvent, Clock, Issue, IssueRepo, Logger } from '@zenslackchat/core';
import { fromKysely, type PgBoss } from 'pg-boss';
import {
  chatOrderingKey,
  issueOrderingKey,
  type JobPayloads,
  ticketOrderingKey,
  type WorkQueue,
} from './queues.ts';

/** What the Slack events endpoint hands over. */
export interface ChatIntake {
  readonly eventId: string;
  readonly event: ChatEvent;
  readonly retryNum?: number;
}

/** What the Zendesk webhooks hand over. */
export interface TicketIntake {
  readonly kind: 'comment' | 'email';
  readonly ticketId: string;
  readonly externalId?: string;
  /** Zendesk's delivery id when the webhook sent one; redeliveries repeat it. */
  readonly deliveryId?: string;
}

export type ChatAcceptResult = 'accepted' | 'duplicate' | 'ignored';
export type TicketAcceptResult = 'accepted' | 'duplicate' | 'unknown';

/** Dependencies of the durable intake. */
export interface IntakeDeps {
  readonly database: Database;
  readonly boss: PgBoss;
  /** For look-ups outside the intake transaction. */
  readonly repo: IssueRepo;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The monitored channel; messages elsewhere are ignored before touching the database. */
  readonly supportChannel: string | undefined;
}

/**
 * Records `source`/`eventId` and enqueues the job in one transaction: both happen or neither, and
 * a second call with the same event id enqueues nothing. Without an event id it only enqueues.
 */
async function recordAndSend<Q extends WorkQueue>(
  deps: IntakeDeps,
  inbound: { readonly source: string; readonly eventId: string | undefined },
  job: { readonly queue: Q; readonly data: JobPayloads[Q]; readonly key: string },
): Promise<'accepted' | 'duplicate'> {
  return withTransaction(deps.database.db, async (trx, repo) => {
    if (inbound.eventId !== undefined) {
      const first = await repo.recordInboundEvent(inbound.source, inbound.eventId, deps.clock.now());
      if (!first) return 'duplicate';
    }
    await deps.boss.send(job.queue, job.data, { db: fromKysely(trx), singletonKey: job.key });
    return 'accepted';
  });
}

/** The Slack endpoint's accept step: durable record + enqueue of a chat message. */
export async function acceptChatEvent(deps: IntakeDeps, intake: ChatIntake): Promise<ChatAcceptResult> {
  const { event } = intake;
  if (deps.supportChannel !== undefined && event.channel !== deps.supportChannel) return 'ignored';
  const result = await recordAndSend(
    deps,
    { source: event.platform, eventId: intake.eventId },
    { queue: 'chat-message', data: { event }, key: chatOrderingKey(event) },
  );
  deps.logger.info(
    { eventId: intake.eventId, retryNum: intake.retryNum, channel: event.channel, result },
    'chat event received',
  );
  // Event details (text, user) only at debug level, which needs DEBUG_ENABLED.
  deps.logger.debug({ eventId: intake.eventId, event }, 'chat event details');
  return result;
}

/**
 * Queues an admin's resolve of `issue` on the chat-message queue with the issue's thread as
 * ordering key, so it runs after the thread's earlier messages and before its later ones. The
 * core's `resolveIssue` is idempotent, so a repeated click queues a job that does nothing new.
 */
export async function enqueueAdminResolve(deps: IntakeDeps, issue: Issue): Promise<void> {
  await recordAndSend(
    deps,
    { source: 'admin', eventId: undefined },
    { queue: 'chat-message', data: { adminResolve: { issueId: issue.id } }, key: issueOrderingKey(issue) },
  );
  deps.logger.info({ issueId: issue.id, ticketId: issue.ticketId }, 'admin resolve queued');
}

/**
 * The Zendesk webhooks' accept step. Comments on tickets the bot does not track are `unknown`;
 * an email notice is recorded once per ticket, a comment notice once per delivery id (the core's
 * comment cursor makes a repeated comment notice harmless).
 */
export async function acceptTicketNotice(
  deps: IntakeDeps,
  intake: TicketIntake,
): Promise<TicketAcceptResult> {
  const key = ticketOrderingKey(intake.ticketId);
  let result: TicketAcceptResult;
  if (intake.kind === 'email') {
    result = await recordAndSend(
      deps,
      { source: 'zendesk-email', eventId: intake.ticketId },
      { queue: 'email-ticket', data: { notice: { ticketId: intake.ticketId } }, key },
    );
  } else {
    const issue = await deps.repo.findByTicket(intake.ticketId);
    if (issue === undefined) {
      result = 'unknown';
    } else {
      const notice = {
        ticketId: intake.ticketId,
        ...(intake.externalId === undefined ? {} : { externalId: intake.externalId }),
      };
      result = await recordAndSend(
        deps,
        { source: 'zendesk', eventId: intake.deliveryId },
        { queue: 'ticket-comment', data: { notice }, key },
      );
    }
  }
  deps.logger.info(
    { ticketId: intake.ticketId, kind: intake.kind, deliveryId: intake.deliveryId, result },
    'ticket notice received',
  );
  return result;
}
