import { ManualClock, MemoryIssueRepo, MemoryTickets } from '@zenslackchat/adapters-memory';
import { botSettings, type ChatEvent, isIntegrationError, SupportBot } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';
import { SLACK_FAILURE_CASES } from './slack-failure-cases.ts';

const CHANNEL = 'C0SUPPORT';
let fake: FakeSlack;
beforeEach(async () => {
  fake = await FakeSlack.start({ channels: [CHANNEL] });
  fake.addUser({ id: 'U0ALICE', name: 'Alice', email: 'alice@example.com' });
});
afterEach(() => fake.close());

/** The core's SupportBot with the real Slack adapter on the fake, tickets and issues in memory. */
function bot() {
  const clock = new ManualClock(new Date());
  const repo = new MemoryIssueRepo();
  const tickets = new MemoryTickets({ clock, ticketBaseUrl: 'https://acme.zendesk.com/agent/tickets' });
  const chat = new SlackChatAdapter({
    token: fake.token,
    apiUrl: fake.url,
    timeoutMs: 1500,
    unknownUserTtlMs: 0,
  });
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const support = new SupportBot({
    chat,
    tickets,
    repo,
    clock,
    logger: silent,
    settings: botSettings({ supportChannel: CHANNEL }),
  });
  const ts = fake.addMessage({ channel: CHANNEL, user: 'U0ALICE', text: 'The VPN is down' });
  const event: ChatEvent = {
    eventId: 'Ev1',
    platform: 'slack',
    channel: CHANNEL,
    messageId: ts,
    userId: 'U0ALICE',
    text: 'The VPN is down',
    files: [],
  };
  const issue = () => repo.findByThread({ platform: 'slack', channel: CHANNEL, threadId: ts });
  const botPosts = () => fake.messages.filter((m) => m.botId !== undefined);
  return { repo, tickets, issue, botPosts, raise: () => support.handleChatMessage(event) };
}

const failed = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isIntegrationError(error)) throw new Error(`expected an IntegrationError, got ${String(error)}`);
  return error;
};

describe('a Slack failure changes none of the bot’s state, and the retry finishes the work once', () => {
  it.each(SLACK_FAILURE_CASES)('confirmation post fails: $name', async (failure) => {
    const b = bot();
    fake.answerNext('chat.postMessage', failure.answer);
    expect((await failed(b.raise())).reason).toBe(failure.reason);
    const issue = await b.issue();
    expect(issue?.status).toBe('open');
    expect(b.tickets.tickets).toHaveLength(1);
    // `confirm:<issue id>` is the confirmation's delivery key (core's deliveryKeys.confirm).
    expect((await b.repo.findDelivery(`confirm:${issue?.id}`))?.state).toBe('pending');
    expect(b.botPosts()).toHaveLength(0);

    expect((await b.raise()).outcome).toBe('ticket-created');
    expect(b.tickets.tickets).toHaveLength(1);
    expect(b.botPosts()).toHaveLength(1);
    expect((await b.repo.findDelivery(`confirm:${issue?.id}`))?.state).toBe('done');
  });

  it('a confirmation Slack posted but whose answer was cut off is found on the retry, not posted twice', async () => {
    const b = bot();
    fake.answerNext('chat.postMessage', {
      body: '{"ok":true,"channel":"C0SUPPORT","ts":"17',
      afterWork: true,
    });
    expect((await failed(b.raise())).reason).toBe('Unavailable');
    expect(b.botPosts()).toHaveLength(1);
    expect((await b.raise()).outcome).toBe('ticket-created');
    expect(b.botPosts()).toHaveLength(1);
    const issue = await b.issue();
    expect((await b.repo.findDelivery(`confirm:${issue?.id}`))?.targetId).toBe(b.botPosts()[0]?.ts);
  });

  it.each(SLACK_FAILURE_CASES)('requester lookup (users.info) fails: $name', async (failure) => {
    const b = bot();
    fake.answerNext('users.info', failure.answer);
    expect((await failed(b.raise())).reason).toBe(failure.reason);
    expect(b.tickets.tickets).toHaveLength(0);
    expect((await b.issue())?.ticketId ?? null).toBeNull();
    expect(b.botPosts()).toHaveLength(0);

    expect((await b.raise()).outcome).toBe('ticket-created');
    expect(b.tickets.tickets.map((t) => t.requester?.email)).toEqual(['alice@example.com']);
    expect(b.botPosts()).toHaveLength(1);
  });

  it.each(SLACK_FAILURE_CASES)('ticket link (chat.getPermalink) fails: $name', async (failure) => {
    const b = bot();
    fake.answerNext('chat.getPermalink', failure.answer);
    expect((await failed(b.raise())).reason).toBe(failure.reason);
    expect(b.tickets.tickets).toHaveLength(0);
    expect(b.botPosts()).toHaveLength(0);
    expect((await b.raise()).outcome).toBe('ticket-created');
    expect(b.tickets.tickets).toHaveLength(1);
  });
});
