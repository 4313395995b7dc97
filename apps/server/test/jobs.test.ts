import { PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import {
  type ChatEvent,
  DeferredError,
  DeliveryBusyError,
  IntegrationError,
  type Issue,
  silentLogger,
  systemClock,
} from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import {
  acceptChatEvent,
  acceptTicketNotice,
  enqueueAdminResolve,
  type IntakeDeps,
} from '../src/jobs/durable-intake.ts';
import type { JobHandlers } from '../src/jobs/job-handlers.ts';
import type { JobTuning } from '../src/jobs/job-tuning.ts';
import { DEAD_LETTER_QUEUE, type DeadLetter } from '../src/jobs/queues.ts';
import { startWorkers } from '../src/jobs/start-workers.ts';
import { chatEvent, TEST_CHANNEL } from './support/chat-events.ts';
import { BACKENDS, openTestDatabase } from './support/databases.ts';

const TUNING: JobTuning = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  retryDelayMaxSeconds: 1,
  expireInSeconds: 60,
  // Several jobs at once, so the per-thread order below is the queue's doing, not a single worker's.
  concurrency: 4,
  pollingIntervalSeconds: 0.5,
  deadLetterRetentionSeconds: 3600,
};
const CHANNEL = TEST_CHANNEL;
// Generous: the machine is shared and pg-boss polls; these bound a wait, they assert no speed.
const WAIT = { timeout: 60_000, interval: 100 } as const;

function message(text: string, threadId?: string): ChatEvent {
  return chatEvent(text, threadId);
}

/** Records every attempt; `plan` decides per text what an attempt throws. */
function recordingHandlers(plan: Map<string, Error[]>) {
  const attempts: { text: string; at: number; ok: boolean }[] = [];
  const handlers: JobHandlers = {
    async handleChatMessage(event) {
      if (event.text.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 300));
      const failure = plan.get(event.text)?.shift();
      attempts.push({ text: event.text, at: Date.now(), ok: failure === undefined });
      if (failure !== undefined) throw failure;
      return { outcome: 'comment-added', issueId: 'i1' };
    },
    handleTicketComments: async () => ({}),
    handleEmailTicket: async () => ({}),
    postDailyReport: async () => ({}),
    async resolveIssue(issueId) {
      attempts.push({ text: `resolve ${issueId}`, at: Date.now(), ok: true });
      return { outcome: 'resolved', issueId };
    },
  };
  return { handlers, attempts };
}

describe.each(BACKENDS)('job queue on %s', { timeout: 120_000 }, (backend) => {
  const plan = new Map<string, Error[]>();
  const { handlers, attempts } = recordingHandlers(plan);
  let boss: PgBoss;
  let intake: IntakeDeps;
  let cleanup: () => Promise<void>;
  const done = (text: string) => attempts.filter((a) => a.text === text && a.ok).length;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend, 'zsc_jobs');
    cleanup = opened.cleanup;
    boss = createBoss(
      { database: opened.database, ...(opened.url === undefined ? {} : { url: opened.url }) },
      silentLogger,
      { schedule: false },
    );
    await boss.start();
    await setupQueues(boss, TUNING);
    await startWorkers({
      boss,
      database: opened.database,
      handlers,
      tuning: TUNING,
      clock: systemClock,
      logger: silentLogger,
    });
    const repo = new PostgresIssueRepo(opened.database.db);
    intake = {
      database: opened.database,
      boss,
      repo,
      clock: systemClock,
      logger: silentLogger,
      supportChannel: CHANNEL,
    };
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await cleanup?.();
  });

  it('keeps a comment notice for an untracked ticket only when its email notice came first', async () => {
    const comment = (ticketId: string) =>
      ({ kind: 'comment', ticketId, deliveryId: `d-${ticketId}` }) as const;
    expect(await acceptTicketNotice(intake, comment('9001'))).toBe('unknown');
    expect(await acceptTicketNotice(intake, { kind: 'email', ticketId: '9002' })).toBe('accepted');
    expect(await acceptTicketNotice(intake, comment('9002'))).toBe('accepted');
  });

  it('accepts an event once: a redelivery is a duplicate and runs nothing', async () => {
    const event = message('once');
    expect(await acceptChatEvent(intake, { eventId: event.eventId, event })).toBe('accepted');
    expect(await acceptChatEvent(intake, { eventId: event.eventId, event, retryNum: 1 })).toBe('duplicate');
    await vi.waitFor(() => expect(done('once')).toBe(1), WAIT);
    expect(attempts.filter((a) => a.text === 'once')).toHaveLength(1);
  });

  it('records nothing when the enqueue fails: the transaction rolls back and a redelivery is accepted', async () => {
    const event = message('enqueue fails');
    const down = async () => Promise.reject(new Error('queue down'));
    const failing = { send: down, insert: down } as unknown as PgBoss;
    await expect(
      acceptChatEvent({ ...intake, boss: failing }, { eventId: event.eventId, event }),
    ).rejects.toThrow('queue down');
    expect(await acceptChatEvent(intake, { eventId: event.eventId, event, retryNum: 1 })).toBe('accepted');
    await vi.waitFor(() => expect(done('enqueue fails')).toBe(1), WAIT);
  });

  it('ignores messages from other channels without recording them', async () => {
    const event = { ...message('elsewhere'), channel: 'C0OTHER' };
    expect(await acceptChatEvent(intake, { eventId: event.eventId, event })).toBe('ignored');
  });

  it('keeps a thread in order, also across a retry', async () => {
    const root = message('root');
    plan.set('slow first reply', [new IntegrationError('Unavailable', 'zendesk down')]);
    const replies = [message('slow first reply', root.messageId), message('second reply', root.messageId)];
    for (const event of [root, ...replies]) await acceptChatEvent(intake, { eventId: event.eventId, event });
    await vi.waitFor(() => expect(done('second reply')).toBe(1), WAIT);
    const order = attempts.filter((a) => ['root', 'slow first reply', 'second reply'].includes(a.text));
    expect(order.map((a) => `${a.text}:${a.ok}`)).toEqual([
      'root:true',
      'slow first reply:false',
      'slow first reply:true',
      'second reply:true',
    ]);
  });

  it("runs an admin resolve in its thread's order, between the messages around it", async () => {
    const root = message('slow root before resolve');
    const issue: Issue = {
      id: 'issue-admin',
      platform: 'slack',
      channel: CHANNEL,
      threadId: root.messageId,
      ticketId: '42',
      status: 'open',
      source: 'chat',
      openedAt: new Date(),
      resolvedAt: null,
      commentCursor: null,
    };
    const after = message('reply after resolve', root.messageId);
    await acceptChatEvent(intake, { eventId: root.eventId, event: root });
    await enqueueAdminResolve(intake, issue);
    await acceptChatEvent(intake, { eventId: after.eventId, event: after });
    await vi.waitFor(() => expect(done('reply after resolve')).toBe(1), WAIT);
    const names = [root.text, 'resolve issue-admin', after.text];
    expect(attempts.filter((a) => names.includes(a.text)).map((a) => a.text)).toEqual(names);
    const [job] = (await boss.findJobs('chat-message')).filter(
      (j) => (j.data as { adminResolve?: unknown }).adminResolve !== undefined,
    );
    expect(job).toMatchObject({ singletonKey: `slack:${CHANNEL}:${root.messageId}` });
  });

  it('dead-letters a non-retryable failure at once and carries on with the thread', async () => {
    const root = message('bad root');
    plan.set('bad root', [new IntegrationError('Invalid', 'closed ticket')]);
    const next = message('after bad', root.messageId);
    await acceptChatEvent(intake, { eventId: root.eventId, event: root });
    await acceptChatEvent(intake, { eventId: next.eventId, event: next });
    await vi.waitFor(() => expect(done('after bad')).toBe(1), WAIT);
    expect(attempts.filter((a) => a.text === 'bad root')).toHaveLength(1);
    const letters = await boss.findJobs<DeadLetter>(DEAD_LETTER_QUEUE);
    const letter = letters.find((job) => (job.data.data as { event: ChatEvent }).event.text === 'bad root');
    expect(letter?.data.error).toMatchObject({ reason: 'Invalid', message: 'closed ticket' });
    expect(letter?.data.queue).toBe('chat-message');
  });

  it('dead-letters a retryable failure once the retries are used up', async () => {
    const event = message('always down');
    plan.set(
      'always down',
      [1, 2, 3, 4].map(() => new IntegrationError('Unavailable', 'down')),
    );
    await acceptChatEvent(intake, { eventId: event.eventId, event });
    await vi.waitFor(async () => {
      const letters = await boss.findJobs<DeadLetter>(DEAD_LETTER_QUEUE);
      expect(
        letters.some((job) => (job.data.data as { event: ChatEvent }).event.text === 'always down'),
      ).toBe(true);
    }, WAIT);
    expect(attempts.filter((a) => a.text === 'always down')).toHaveLength(TUNING.retryLimit + 1);
  });

  it('waits as long as the vendor asked before retrying (retryAfterMs)', async () => {
    const event = message('rate limited');
    plan.set('rate limited', [new IntegrationError('RateLimited', 'slow down', { retryAfterMs: 1500 })]);
    await acceptChatEvent(intake, { eventId: event.eventId, event });
    await vi.waitFor(() => expect(done('rate limited')).toBe(1), WAIT);
    const [first, second] = attempts.filter((a) => a.text === 'rate limited');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1400);
  });
  it('runs a deferred job again without spending its retries: deferred past the retry limit, never dead-lettered', async () => {
    const event = message('deferred');
    const deferrals = TUNING.retryLimit + 2;
    plan.set(
      'deferred',
      Array.from({ length: deferrals }, () => new DeferredError('posting slots taken', 100)),
    );
    await acceptChatEvent(intake, { eventId: event.eventId, event });
    await vi.waitFor(() => expect(done('deferred')).toBe(1), WAIT);
    expect(attempts.filter((a) => a.text === 'deferred')).toHaveLength(deferrals + 1);
    const letters = await boss.findJobs<DeadLetter>(DEAD_LETTER_QUEUE);
    expect(letters.some((job) => (job.data.data as { event: ChatEvent }).event.text === 'deferred')).toBe(
      false,
    );
  });

  it("waits for another run's delivery lease to end without spending retries (a crashed process's leases)", async () => {
    const event = message('busy');
    const busyFor = TUNING.retryLimit + 2;
    // Each refusal names a lease that ends 1.2 s later: the job must wait for it, retries unspent.
    plan.set(
      'busy',
      Array.from({ length: busyFor }, () => {
        const now = new Date();
        return new DeliveryBusyError('k', new Date(now.getTime() + 1200), now);
      }),
    );
    await acceptChatEvent(intake, { eventId: event.eventId, event });
    await vi.waitFor(() => expect(done('busy')).toBe(1), WAIT);
    const tries = attempts.filter((a) => a.text === 'busy');
    expect(tries).toHaveLength(busyFor + 1);
    for (let i = 1; i < tries.length; i += 1)
      expect(tries[i]!.at - tries[i - 1]!.at).toBeGreaterThanOrEqual(1100);
    const letters = await boss.findJobs<DeadLetter>(DEAD_LETTER_QUEUE);
    expect(letters.some((job) => (job.data.data as { event: ChatEvent }).event.text === 'busy')).toBe(false);
  });
});
