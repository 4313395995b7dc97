import { IssueRepo } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminResolve } from '../../src/http/admin-resolve.ts';
import type { Backend } from './databases.ts';
import { CHANNEL, databaseEnv, type Fakes, startFakes, startServer, zendeskWebhook } from './e2e-harness.ts';

// Generous: the machine is shared and pg-boss polls; these bound a wait, they assert no speed.
const WAIT = { timeout: 60_000, interval: 100 } as const;

/** The whole bot end to end, in process, against the fakes and the given database backend. */
export function endToEndSuite(backend: Backend): void {
  describe(`zenslackchat end to end on ${backend}`, { timeout: 120_000 }, () => {
    let fakes: Fakes;
    let running: Awaited<ReturnType<typeof startServer>>;
    let dropDatabase: () => Promise<void>;

    beforeAll(async () => {
      const database = await databaseEnv(backend, 'zsc_e2e');
      dropDatabase = database.drop;
      fakes = await startFakes(database.env);
      running = await startServer(fakes.env);
      fakes.slack.connectApp({
        requestUrl: `${running.url}/slack/events/`,
        signingSecret: fakes.env.SLACK_SIGN_SECRET!,
        echoBotPosts: true,
      });
      fakes.slack.addUser({ id: 'U0ALICE', name: 'Alice Asker', email: 'alice@example.com' });
    });
    afterAll(async () => {
      await running?.server.stop();
      await fakes?.close();
      await dropDatabase?.();
    });

    const botPosts = (threadTs: string) =>
      fakes.slack.messages.filter((m) => m.threadTs === threadTs && m.botId !== undefined).map((m) => m.text);
    const ask = async (text: string, threadTs?: string) => {
      const posted = await fakes.slack.postAsUser({
        channel: CHANNEL,
        user: 'U0ALICE',
        text,
        ...(threadTs === undefined ? {} : { threadTs }),
      });
      expect(posted.delivery.status).toBe(200);
      return posted;
    };

    let rootTs = '';
    let keyboardTs = '';
    let ticketId = 0;

    it('turns a signed Slack message into one ticket, a confirmation and the on-call notice', async () => {
      const { ts } = await ask('Printer on fire\nThe third floor printer is smoking.');
      rootTs = ts;
      await vi.waitFor(() => expect(botPosts(ts)).toHaveLength(2), WAIT);
      expect(fakes.zendesk.tickets).toHaveLength(1);
      const ticket = fakes.zendesk.tickets[0]!;
      ticketId = ticket.id;
      expect(ticket.subject).toBe('Printer on fire');
      expect(ticket.assignee_id).toBe(fakes.zendesk.agent.id);
      expect(ticket.group_id).toBe(fakes.zendesk.groupId);
      const [confirmation, onCall] = botPosts(ts);
      expect(confirmation).toContain(`Hello, your new support request is`);
      expect(confirmation).toContain(String(ticket.id));
      expect(onCall).toContain('Alice Primary');
      expect(onCall).toContain('Bob Secondary');
    });

    it('answers a redelivered event 200 and does nothing more', async () => {
      const first = fakes.slack.deliveries.find((d) => d.status === 200)!;
      const message = fakes.slack.messages.find((m) => m.ts === rootTs)!;
      const retry = await fakes.slack.deliverEvent(
        { type: 'message', channel: CHANNEL, user: message.user, text: message.text, ts: message.ts },
        { eventId: first.eventId, retryNum: 1 },
      );
      expect(retry.status).toBe(200);
      await fakes.slack.settle();
      expect(fakes.zendesk.tickets).toHaveLength(1);
      expect(botPosts(rootTs)).toHaveLength(2);
    });

    it('adds thread replies to the ticket as comments, in the order written', async () => {
      await ask('first reply', rootTs);
      await ask('second reply', rootTs);
      await vi.waitFor(() => expect(fakes.zendesk.comments(ticketId).length).toBeGreaterThanOrEqual(3), WAIT);
      const bodies = fakes.zendesk.comments(ticketId).map((c) => c.body);
      const first = bodies.findIndex((b) => b.endsWith('first reply'));
      const second = bodies.findIndex((b) => b.endsWith('second reply'));
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(first);
      expect(bodies[first]).toBe('Alice Asker: first reply');
    });

    it('forwards a public Zendesk comment to the thread once, however often the webhook comes', async () => {
      fakes.zendesk.addComment(ticketId, {
        body: 'Have you tried water?',
        public: true,
        authorName: 'Agent Smith',
      });
      fakes.zendesk.addComment(ticketId, {
        body: 'internal: it is toner',
        public: false,
        authorName: 'Agent Smith',
      });
      const body = { chat_id: `${CHANNEL}:${rootTs}`, ticket_id: String(ticketId) };
      expect((await zendeskWebhook(running.server, '/zendesk/webhook/', body, 'inv-1')).statusCode).toBe(200);
      expect((await zendeskWebhook(running.server, '/zendesk/webhook/', body, 'inv-1')).statusCode).toBe(200);
      await vi.waitFor(
        () => expect(botPosts(rootTs).some((t) => t.includes('Have you tried water?'))).toBe(true),
        WAIT,
      );
      expect((await zendeskWebhook(running.server, '/zendesk/webhook/', body, 'inv-2')).statusCode).toBe(200);
      await fakes.slack.settle();
      const forwarded = botPosts(rootTs).filter((t) => t.includes('Have you tried water?'));
      expect(forwarded).toEqual(['Agent Smith (Zendesk): Have you tried water?']);
      expect(botPosts(rootTs).some((t) => t.includes('toner'))).toBe(false);
    });

    it("never echoes a comment by the bot's own agent (ZENDESK_USER_ID), even with no record of writing it", async () => {
      fakes.zendesk.addComment(ticketId, {
        body: 'Written as the bot agent in the Zendesk UI',
        public: true,
        authorName: 'Bot Agent',
        authorId: fakes.zendesk.agent.id,
      });
      fakes.zendesk.addComment(ticketId, {
        body: 'A marker after it',
        public: true,
        authorName: 'Agent Smith',
      });
      const body = { chat_id: `${CHANNEL}:${rootTs}`, ticket_id: String(ticketId) };
      expect((await zendeskWebhook(running.server, '/zendesk/webhook/', body, 'inv-agent')).statusCode).toBe(
        200,
      );
      await vi.waitFor(
        () => expect(botPosts(rootTs).some((t) => t.includes('A marker after it'))).toBe(true),
        WAIT,
      );
      expect(botPosts(rootTs).some((t) => t.includes('Written as the bot agent'))).toBe(false);
    });

    it('solves the ticket on `resolve` and confirms in the thread', async () => {
      await ask('resolve', rootTs);
      await vi.waitFor(() => expect(fakes.zendesk.ticket(ticketId)?.status).toBe('solved'), WAIT);
      await vi.waitFor(
        () => expect(botPosts(rootTs).some((t) => t.startsWith('Understood.'))).toBe(true),
        WAIT,
      );
      expect(fakes.zendesk.comments(ticketId).some((c) => c.body.includes('resolve'))).toBe(false);
    });

    it('opens a Slack thread for an emailed ticket', async () => {
      const emailed = fakes.zendesk.createEmailTicket({
        subject: 'VPN is down',
        body: 'Cannot connect since this morning.',
        requesterName: 'Mail User',
        requesterEmail: 'mail@example.com',
      });
      const response = await zendeskWebhook(running.server, '/zendesk/email/webhook/', {
        ticket_id: emailed,
      });
      expect(response.statusCode).toBe(200);
      await zendeskWebhook(running.server, '/zendesk/email/webhook/', { ticket_id: emailed });
      await vi.waitFor(
        () =>
          expect(
            fakes.slack.messages.filter((m) => m.text.startsWith('(From Zendesk Email): VPN is down')),
          ).toHaveLength(1),
        WAIT,
      );
      const opening = fakes.slack.messages.find((m) => m.text.startsWith('(From Zendesk Email)'))!;
      expect(opening.threadTs).toBeUndefined();
      await vi.waitFor(() => expect(fakes.zendesk.ticket(emailed)?.external_id).not.toBeNull(), WAIT);
      await fakes.slack.settle();
      expect(fakes.zendesk.tickets).toHaveLength(2);
    });

    it('retries a rate-limited ticket creation and still makes exactly one ticket', async () => {
      fakes.zendesk.failNext('rate-limited', { retryAfterMs: 1000 });
      const { ts } = await ask('Keyboard missing keys');
      keyboardTs = ts;
      await vi.waitFor(() => expect(botPosts(ts)).toHaveLength(2), WAIT);
      expect(fakes.zendesk.tickets.filter((t) => t.subject === 'Keyboard missing keys')).toHaveLength(1);
    });

    it('lets an admin resolve an issue: the core solves the ticket and confirms in its thread, once', async () => {
      const issue = await running.server.container
        .resolve<IssueRepo>(IssueRepo)
        .findByThread({ platform: 'slack', channel: CHANNEL, threadId: keyboardTs });
      await adminResolve(running.server.container, issue!.id);
      await adminResolve(running.server.container, issue!.id);
      await vi.waitFor(() => expect(fakes.zendesk.ticket(issue!.ticketId!)?.status).toBe('solved'), WAIT);
      await vi.waitFor(
        () => expect(botPosts(keyboardTs).filter((t) => t.startsWith('Understood.'))).toHaveLength(1),
        WAIT,
      );
      const jobs = (await running.server.boss.findJobs('chat-message')).filter(
        (job) => (job.data as { adminResolve?: { issueId: string } }).adminResolve?.issueId === issue!.id,
      );
      expect(jobs.length).toBeGreaterThanOrEqual(1);
      expect(jobs[0]!.singletonKey).toBe(`slack:${CHANNEL}:${keyboardTs}`);
    });

    it('posts the daily report next day with the right counts, once however often the job runs', async () => {
      running.clock.offsetMs = 24 * 3600 * 1000;
      await running.server.boss.send('daily-report', {});
      await running.server.boss.send('daily-report', {});
      const reports = () => fakes.slack.messages.filter((m) => m.text.startsWith('Daily report:'));
      await vi.waitFor(() => expect(reports()).toHaveLength(1), WAIT);
      const yesterday = new Date().toISOString().slice(0, 10);
      // Open: the emailed ticket; resolved yesterday: the printer and the keyboard.
      expect(reports()[0]!.text.split('\n')[0]).toBe(
        `Daily report: 1 open issue; 2 issues resolved on ${yesterday}.`,
      );
      expect(reports()[0]!.channel).toBe(CHANNEL);
      expect(reports()[0]!.threadTs).toBeUndefined();
      await vi.waitFor(
        async () =>
          expect(
            (await running.server.boss.findJobs('daily-report')).every((j) => j.state === 'completed'),
          ).toBe(true),
        WAIT,
      );
      expect(reports()).toHaveLength(1);
      const [schedule] = await running.server.boss.getSchedules('daily-report');
      expect(schedule).toMatchObject({ cron: fakes.env.REPORT_CRON, timezone: 'UTC' });
    });

    it('never logs message text or e-mail addresses at the default level', () => {
      const all = running.logs.text();
      expect(all).not.toContain('Printer on fire');
      expect(all).not.toContain('alice@example.com');
      expect(all).not.toContain(fakes.env.SLACK_BOT_TOKEN!);
      expect(
        running.logs.records().some((r) => r.message === 'job done' && typeof r.issueId === 'string'),
      ).toBe(true);
    });
  });
}
