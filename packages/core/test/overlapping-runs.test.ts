import { describe, expect, it } from 'vitest';
import { postOnCallNotice } from '../src/index.ts';
import { botFixture, CHANNEL, chatEvent, type Fixture, openIssue, reply } from './support/bot-fixture.ts';
import { overlapping, wasBusy, whileHeld } from './support/overlapping.ts';

// Two runs of one job at once (pg-boss re-dispatching a job whose first run still runs): a vendor
// call of the first run has done its work but not answered when the second starts. The second
// must be refused (retryable `delivery.busy`), its retry must find the work done, and every side
// effect must exist once. The memory adapters yield a macrotask in every call.

const ROOT = '1700000000.000100';

async function withIssue() {
  const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
  f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
  const opened = await openIssue(f, ROOT);
  return { f, ...opened };
}

const texts = (f: Fixture, threadId?: string) => f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);

describe('two overlapping runs of one use case make each side effect once', () => {
  it('a new chat issue: one ticket, one confirmation, one on-call notice', async () => {
    const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
    f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    const event = chatEvent({ messageId: ROOT, text: 'Printer on fire' });
    const runs = await whileHeld(f.tickets.faults, 'createTicket', () => f.bot.handleChatMessage(event));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(runs.retried).toEqual(runs.first);
    expect(f.tickets.tickets).toHaveLength(1);
    expect(texts(f, ROOT)).toHaveLength(2);
  });

  it('a thread reply: one ticket comment', async () => {
    const { f, ticketId } = await withIssue();
    const event = reply(ROOT, '1700000001.000100', 'More detail');
    const runs = await whileHeld(f.tickets.faults, 'addComment', () => f.bot.handleChatMessage(event));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(runs.retried).toEqual(runs.first);
    expect(f.tickets.comments(ticketId).filter((c) => c.body.includes('More detail'))).toHaveLength(1);
  });

  it('a resolve command: one solve, one confirmation', async () => {
    const { f } = await withIssue();
    const event = reply(ROOT, '1700000001.000100', 'resolve');
    const runs = await whileHeld(f.tickets.faults, 'solveTicket', () => f.bot.handleChatMessage(event));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(f.tickets.callCount('solveTicket')).toBe(1);
    expect(texts(f, ROOT).filter((t) => t.includes('resolved'))).toHaveLength(1);
  });

  it('an admin resolve: one solve, one confirmation', async () => {
    const { f, issueId } = await withIssue();
    const runs = await whileHeld(f.tickets.faults, 'solveTicket', () => f.bot.resolveIssue(issueId));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(f.tickets.callCount('solveTicket')).toBe(1);
    expect(texts(f, ROOT).filter((t) => t.includes('resolved'))).toHaveLength(1);
  });

  it('a help command: one help message', async () => {
    const { f } = await withIssue();
    const event = reply(ROOT, '1700000001.000100', 'help');
    const before = texts(f, ROOT).length;
    const runs = await whileHeld(f.chat.faults, 'postMessage', () => f.bot.handleChatMessage(event));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(texts(f, ROOT)).toHaveLength(before + 1);
  });

  it('an emailed ticket: one thread, one internal note', async () => {
    const f = botFixture();
    const ticketId = f.tickets.createExternalTicket({ subject: 'VPN', body: 'VPN is down' });
    const runs = await whileHeld(f.chat.faults, 'postMessage', () => f.bot.handleEmailTicket({ ticketId }));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(runs.retried).toEqual(runs.first);
    expect(f.chat.messagesIn(CHANNEL).filter((m) => m.threadId === undefined)).toHaveLength(1);
    expect(f.tickets.comments(ticketId).filter((c) => !c.public)).toHaveLength(1);
  });

  it('a comment notice: each ticket comment forwarded once', async () => {
    const { f, ticketId } = await withIssue();
    f.tickets.addExternalComment(ticketId, { body: 'On it', public: true, authorName: 'Dana' });
    const runs = await whileHeld(f.chat.faults, 'postMessage', () =>
      f.bot.handleTicketComments({ ticketId }),
    );
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(texts(f, ROOT).filter((t) => t === 'Dana (Zendesk): On it')).toHaveLength(1);
  });

  it('the daily report: one report', async () => {
    const { f } = await withIssue();
    f.clock.set(new Date('2026-06-16T08:00:00Z'));
    const runs = await whileHeld(f.chat.faults, 'postMessage', () => f.bot.postDailyReport());
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(f.chat.messagesIn(CHANNEL).filter((m) => m.threadId === undefined)).toHaveLength(1);
    expect(await f.repo.listReports(10)).toHaveLength(1);
  });

  it('the on-call notice: one notice', async () => {
    const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
    f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    // An issue whose notice is not posted yet (opening one would post it).
    const { issue } = await f.repo.claimThread({
      platform: 'slack',
      channel: CHANNEL,
      threadId: '1700000009.000100',
      openedAt: f.clock.now(),
    });
    const target = { issueId: issue.id, channel: CHANNEL, threadId: '1700000009.000100' };
    const deps = { ...f, onCall: f.onCall };
    const runs = await whileHeld(f.chat.faults, 'postMessage', () => postOnCallNotice(deps, target));
    expect(wasBusy(runs.refusal)).toBe(true);
    expect(texts(f, '1700000009.000100')).toEqual(['Primary on call: Ann\nSecondary on call: nobody']);
  });
});

describe('two runs started together, interleaved by the adapters alone, make each side effect once', () => {
  it('for a new issue, a reply, a comment notice and the daily report', async () => {
    const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
    f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    await overlapping(() => f.bot.handleChatMessage(chatEvent({ messageId: ROOT, text: 'Help' })));
    await overlapping(() => f.bot.handleChatMessage(reply(ROOT, '1700000001.000100', 'Detail')));
    f.tickets.addExternalComment('1', { body: 'On it', public: true, authorName: 'Dana' });
    await overlapping(() => f.bot.handleTicketComments({ ticketId: '1' }));
    f.clock.set(new Date('2026-06-16T08:00:00Z'));
    await overlapping(() => f.bot.postDailyReport());
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.tickets.comments('1').filter((c) => c.body.includes('Detail'))).toHaveLength(1);
    expect(texts(f, ROOT)).toHaveLength(3);
    expect(f.chat.messagesIn(CHANNEL).filter((m) => m.threadId === undefined)).toHaveLength(1);
  });
});
