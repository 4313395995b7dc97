import { ManualClock, MemoryChat, MemoryIssueRepo, MemoryTickets } from '@zenslackchat/adapters-memory';
import { botSettings, type ChatEvent, messages, SupportBot } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../src/fake/index.ts';
import { PagerDutyOnCallAdapter } from '../src/index.ts';
import { PAGERDUTY_FAILURE_CASES } from './pagerduty-failure-cases.ts';

const CHANNEL = 'C-SUPPORT';
const POLICY = 'PPOLICY';
const THREAD = '1700000000.000100';

let fake: FakePagerDuty;
beforeEach(async () => {
  fake = await FakePagerDuty.start();
});
afterEach(() => fake.close());

/** The core's SupportBot on memory chat/tickets/repo, with the real PagerDuty adapter on the fake. */
function bot() {
  const clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));
  const chat = new MemoryChat({ platform: 'slack', clock, workspaceUrl: 'https://acme.slack.com' });
  const tickets = new MemoryTickets({ clock, ticketBaseUrl: 'https://acme.zendesk.com/agent/tickets' });
  const onCall = new PagerDutyOnCallAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'token', apiToken: fake.apiToken },
    timeoutMs: 1500,
    clock,
  });
  const settings = botSettings({ supportChannel: CHANNEL, escalationPolicyId: POLICY });
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const repo = new MemoryIssueRepo();
  const support = new SupportBot({
    chat,
    tickets,
    onCall,
    repo,
    clock,
    logger: silent,
    settings,
  });
  chat.addUser({ id: 'U-ALICE', name: 'Alice', email: 'alice@example.com' });
  const event: ChatEvent = {
    eventId: 'Ev1',
    platform: 'slack',
    channel: CHANNEL,
    messageId: THREAD,
    userId: 'U-ALICE',
    text: 'The VPN is down',
    files: [],
  };
  return { chat, tickets, repo, raise: () => support.handleChatMessage(event) };
}

describe('SupportBot with PagerDuty', () => {
  it('posts who is on call after the ticket confirmation', async () => {
    fake.setOnCall(POLICY, { primary: ['Ann Ames', 'Cy Doe'], secondary: [] });
    const { chat, raise } = bot();
    expect((await raise()).outcome).toBe('ticket-created');
    const texts = chat.messagesIn(CHANNEL, THREAD).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe(messages.onCallNotice([{ name: 'Ann Ames' }, { name: 'Cy Doe' }], []));
  });

  it.each(['timeout', 'rate-limited', 'unavailable', 'unauthorized'] as const)(
    'still opens the ticket and confirms, with no notice, when PagerDuty fails (%s)',
    async (kind) => {
      fake.setOnCall(POLICY, { primary: ['Ann Ames'], secondary: [] });
      fake.failNext(kind, { count: 5 });
      const { chat, tickets, raise } = bot();
      expect((await raise()).outcome).toBe('ticket-created');
      expect(tickets.tickets).toHaveLength(1);
      const confirmation = messages.ticketConfirmation(tickets.ticketUrl(tickets.tickets[0]?.id ?? ''));
      expect(chat.messagesIn(CHANNEL, THREAD).map((m) => m.text)).toEqual([confirmation]);
      expect(fake.requests.filter((r) => r.path === '/oncalls')).toHaveLength(1);
    },
  );

  it.each(PAGERDUTY_FAILURE_CASES)(
    'an on-call answer the bot cannot use ($name) never fails the ticket flow and records no notice',
    async (failure) => {
      fake.setOnCall(POLICY, { primary: ['Ann Ames'], secondary: [] });
      fake.answerNext('/oncalls', failure.answer);
      const { chat, tickets, repo, raise } = bot();
      const result = await raise();
      expect(result.outcome).toBe('ticket-created');
      const issueId = result.outcome === 'ticket-created' ? result.issueId : '';
      expect(tickets.tickets).toHaveLength(1);
      expect((await repo.findById(issueId))?.status).toBe('open');
      const confirmation = messages.ticketConfirmation(tickets.ticketUrl(tickets.tickets[0]?.id ?? ''));
      expect(chat.messagesIn(CHANNEL, THREAD).map((m) => m.text)).toEqual([confirmation]);
      // `oncall:<issue id>` is the notice's delivery key (core's deliveryKeys.onCall): never begun.
      expect(await repo.findDelivery(`oncall:${issueId}`)).toBeUndefined();
    },
  );
});
