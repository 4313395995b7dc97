import type { Database } from '@zenslackchat/adapters-postgres';
import {
  type ChatEvent,
  type Clock,
  emailNoticeSource,
  type Issue,
  type IssueRepo,
  isOwnMessage,
  type Logger,
} from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { commitIntakeBatch, type IntakeItem, type IntakeOutcome } from './commit-intake-batch.ts';
import type { IntakeBatcher } from './intake-batcher.ts';
import type { OwnIdentity } from './own-identity.ts';
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
  /** Groups concurrent accepts into one transaction; without it each accept commits alone. */
  readonly batcher?: IntakeBatcher<IntakeItem, IntakeOutcome>;
  /** The bot's own identity when known: its own posts (Slack echoes them) are ignored at once. */
  readonly self?: OwnIdentity;
  /** Per platform, its channel and own identity; a platform not listed uses the two above. */
  readonly platforms?: ReadonlyMap<string, PlatformIntake>;
}

/** What the intake knows of one chat platform. */
export interface PlatformIntake {
  readonly supportChannel: string;
  readonly self?: OwnIdentity;
}

/**
 * Records `source`/`eventId` and enqueues the job in one transaction (the batcher's, shared with
 * other accepts, or its own): both happen or neither, and a second call with the same event id
 * enqueues nothing. Without an event id it only enqueues.
 */
function recordAndSend<Q extends WorkQueue>(
  deps: IntakeDeps,
  inbound: { readonly source: string; readonly eventId: string | undefined },
  job: { readonly queue: Q; readonly data: JobPayloads[Q]; readonly key: string },
): Promise<IntakeOutcome> {
  const item: IntakeItem = { ...inbound, ...job } as IntakeItem;
  if (deps.batcher !== undefined) return deps.batcher.submit(item);
  return commitIntakeBatch(deps)([item]).then(([outcome]) => outcome ?? 'duplicate');
}

/** Why an event is dropped before any database work, or undefined when it is not. */
function ignoredAtIntake(deps: IntakeDeps, event: ChatEvent): string | undefined {
  const platform = deps.platforms?.get(event.platform);
  const supportChannel = platform === undefined ? deps.supportChannel : platform.supportChannel;
  if (supportChannel !== undefined && event.channel !== supportChannel) return 'other-channel';
  // The core's own check, applied early; the workers apply it again (defence in depth).
  const self = (platform === undefined ? deps.self : platform.self)?.known();
  return self !== undefined && isOwnMessage(event, self) ? 'own-message' : undefined;
}

/** The Slack endpoint's accept step: durable record + enqueue of a chat message. */
export async function acceptChatEvent(deps: IntakeDeps, intake: ChatIntake): Promise<ChatAcceptResult> {
  const { event } = intake;
  const reason = ignoredAtIntake(deps, event);
  if (reason !== undefined) {
    deps.logger.debug(
      { eventId: intake.eventId, channel: event.channel, reason },
      'chat event ignored at intake',
    );
    return 'ignored';
  }
  const result = await recordAndSend(
    deps,
    { source: event.platform, eventId: intake.eventId },
    { queue: 'chat-message', data: { event }, key: chatOrderingKey(event) },
  );
  // The Slack plugin logs one info line per event with its id and this result; details at debug.
  deps.logger.debug(
    { eventId: intake.eventId, retryNum: intake.retryNum, channel: event.channel, result, event },
    'chat event recorded',
  );
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
      { source: emailNoticeSource('zendesk'), eventId: intake.ticketId },
      { queue: 'email-ticket', data: { notice: { ticketId: intake.ticketId } }, key },
    );
  } else {
    // An untracked ticket's notice is kept when its email notice came first: the email job is
    // about to record the ticket (the core retries the notice until it has).
    const known =
      (await deps.repo.findByTicket(intake.ticketId)) !== undefined ||
      (await deps.repo.hasInboundEvent(emailNoticeSource('zendesk'), intake.ticketId));
    if (!known) {
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
