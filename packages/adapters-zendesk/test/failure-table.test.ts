import { deliveryKeys, isRetryable, isTicketClosed } from '@zenslackchat/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFaultOptions } from '../src/fake/index.ts';
import { CHANNEL, message, type ZendeskBot, zendeskBot } from './support/zendesk-bot.ts';

// Issue 12 §6: every vendor answer the bot does not understand leaves the issue as it was (status,
// deliveries, comment cursor, chat) and is retried only when it may pass later.
const ROOT = '1700000000.000100';
const REPLY = '1700000000.000200';
const ref = (messageId: string) => ({ platform: 'slack', channel: CHANNEL, messageId });

const closedBody = {
  error: 'RecordInvalid',
  description: 'Record validation errors',
  details: { status: [{ description: 'Status closed prevents ticket update' }] },
};
const otherBody = {
  error: 'RecordInvalid',
  description: 'Record validation errors',
  details: { base: [{ description: 'Type:: is required when solving a ticket', error: null }] },
};
const answer = (status: number, body: unknown): FakeFaultOptions => ({ status, body });

/** One vendor answer: the fault that plays it, and whether the bot should retry. */
interface Row {
  readonly name: string;
  readonly fault: 'malformed' | 'truncated';
  readonly options: FakeFaultOptions;
  readonly retryable: boolean;
}
const ROWS: Row[] = [
  { name: '400', fault: 'malformed', options: answer(400, { error: 'InvalidValue' }), retryable: false },
  { name: '403', fault: 'malformed', options: answer(403, { error: 'Forbidden' }), retryable: false },
  { name: '404', fault: 'malformed', options: answer(404, { error: 'RecordNotFound' }), retryable: false },
  { name: '409', fault: 'malformed', options: answer(409, { error: 'Conflict' }), retryable: true },
  {
    name: '413 (a proxy page)',
    fault: 'malformed',
    options: answer(413, 'Request Entity Too Large'),
    retryable: false,
  },
  {
    name: '422 closed, but a read says open',
    fault: 'malformed',
    options: answer(422, closedBody),
    retryable: false,
  },
  { name: '422 another field', fault: 'malformed', options: answer(422, otherBody), retryable: false },
  {
    name: '422 without details',
    fault: 'malformed',
    options: answer(422, { error: 'RecordInvalid' }),
    retryable: false,
  },
  {
    name: '200 with an unexpected body',
    fault: 'malformed',
    options: answer(200, { ok: true }),
    retryable: false,
  },
  { name: 'a truncated body', fault: 'truncated', options: {}, retryable: true },
];

let b: ZendeskBot;
afterEach(() => b.close());

async function rejected(run: Promise<unknown>): Promise<unknown> {
  const error = await run.then(
    (outcome) => new Error(`expected a failure, got ${JSON.stringify(outcome)}`),
    (thrown: unknown) => thrown,
  );
  expect(isTicketClosed(error)).toBe(false);
  return error;
}

async function openedIssue() {
  const opened = await b.bot.handleChatMessage(message(ROOT, 'The printer is on fire'));
  if (opened.outcome !== 'ticket-created') throw new Error(`expected a ticket, got ${opened.outcome}`);
  return opened;
}

async function snapshot(issueId: string) {
  const issue = await b.repo.findById(issueId);
  const keys = [
    deliveryKeys.chatToTicket(ref(REPLY)),
    deliveryKeys.resolve(ref(REPLY)),
    deliveryKeys.resolvedReply(ref(REPLY)),
  ];
  const done = await Promise.all(keys.map(async (key) => (await b.repo.findDelivery(key))?.state === 'done'));
  return {
    status: issue?.status,
    cursor: issue?.commentCursor,
    done,
    chat: b.chat.messagesIn(CHANNEL, ROOT).length,
  };
}

describe.each(ROWS)('Zendesk answers $name', (row) => {
  it('to a thread reply (addComment): the issue stays open, nothing recorded as done', async () => {
    b = await zendeskBot();
    const { issueId, ticketId } = await openedIssue();
    const before = await snapshot(issueId);
    b.fake.failNext(row.fault, { ...row.options, method: 'PUT', path: `tickets/${ticketId}` });
    const error = await rejected(b.bot.handleChatMessage(message(REPLY, 'Still burning', ROOT)));
    expect(isRetryable(error)).toBe(row.retryable);
    expect(await snapshot(issueId)).toEqual(before);
  });

  it('to a new issue (createTicket): no ticket attached, nothing posted', async () => {
    b = await zendeskBot();
    b.fake.failNext(row.fault, { ...row.options, method: 'POST', path: 'tickets' });
    const error = await rejected(b.bot.handleChatMessage(message(ROOT, 'The printer is on fire')));
    expect(isRetryable(error)).toBe(row.retryable);
    const issue = await b.repo.findByThread({ platform: 'slack', channel: CHANNEL, threadId: ROOT });
    expect(issue?.ticketId ?? null).toBeNull();
    expect((await b.repo.findDelivery(deliveryKeys.ticket(ref(ROOT))))?.state).not.toBe('done');
    expect(b.chat.messagesIn(CHANNEL, ROOT)).toHaveLength(0);
  });

  it('to a resolve (solveTicket): the issue stays open, no confirmation', async () => {
    b = await zendeskBot();
    const { issueId, ticketId } = await openedIssue();
    const before = await snapshot(issueId);
    b.fake.failNext(row.fault, { ...row.options, method: 'PUT', path: `tickets/${ticketId}` });
    const error = await rejected(b.bot.handleChatMessage(message(REPLY, 'resolve', ROOT)));
    expect(isRetryable(error)).toBe(row.retryable);
    expect(await snapshot(issueId)).toEqual(before);
  });
});

describe('Zendesk answers 422 for a ticket a read confirms closed', () => {
  it('to a thread reply: the reply opens a follow-up ticket, which the issue follows (issue 13)', async () => {
    b = await zendeskBot();
    const { issueId, ticketId } = await openedIssue();
    b.fake.setStatus(ticketId, 'closed');
    const outcome = await b.bot.handleChatMessage(message(REPLY, 'Still burning', ROOT));
    expect(outcome).toMatchObject({ outcome: 'follow-up-opened', issueId });
    const issue = await b.repo.findById(issueId);
    expect(issue?.status).toBe('open');
    expect(issue?.ticketId).not.toBe(ticketId);
    expect(b.fake.agentActions.followUpSourceOf(issue?.ticketId ?? '')).toBe(ticketId);
    expect(b.chat.messagesIn(CHANNEL, ROOT).at(-1)?.text).toMatch(/follow-up ticket/);
  });

  it('to a resolve: the ticket is done already, so the bot says so and the issue resolves', async () => {
    b = await zendeskBot();
    const { issueId, ticketId } = await openedIssue();
    b.fake.setStatus(ticketId, 'closed');
    expect(await b.bot.handleChatMessage(message(REPLY, 'resolve', ROOT))).toMatchObject({
      outcome: 'already-resolved',
    });
    expect((await b.repo.findById(issueId))?.status).toBe('resolved');
    expect(b.chat.messagesIn(CHANNEL, ROOT).at(-1)?.text).toMatch(/already solved in Zendesk/);
  });
});
