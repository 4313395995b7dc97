import { describe, expect, it, vi } from 'vitest';
import { botFixture, CHANNEL, openIssue } from './support/bot-fixture.ts';
import { overlapping } from './support/overlapping.ts';

const POLICY = 'P-ESCALATION';
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com` });

describe('the on-call notice after a new issue', () => {
  it.each([
    ['nobody on either level', [], [], 'Primary on call: nobody\nSecondary on call: nobody'],
    [
      'one person per level',
      [person('Ann')],
      [person('Bob')],
      'Primary on call: Ann\nSecondary on call: Bob',
    ],
    [
      'several people per level',
      [person('Ann'), person('Cat')],
      [person('Bob'), person('Dan'), person('Eve')],
      'Primary on call: Ann, Cat\nSecondary on call: Bob, Dan, Eve',
    ],
    ['a primary but no secondary', [person('Ann')], [], 'Primary on call: Ann\nSecondary on call: nobody'],
  ])('names %s', async (_label, primary, secondary, expected) => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY } });
    f.onCall.set(POLICY, { primary, secondary });
    const { threadId } = await openIssue(f);
    expect(f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text)).toEqual([
      'Hello, your new support request is https://acme.zendesk.com/agent/tickets/1.',
      expected,
    ]);
  });

  it('still creates the ticket and confirms when the on-call system is down, and logs it', async () => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY } });
    f.onCall.set(POLICY, { primary: [person('Ann')], secondary: [] });
    f.onCall.faults.failNext('unavailable', { count: 3 });
    const { threadId } = await openIssue(f);
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text)).toEqual([
      'Hello, your new support request is https://acme.zendesk.com/agent/tickets/1.',
    ]);
    expect(f.logger.at('warn').map((line) => line.message)).toEqual([
      'on-call lookup failed; notice skipped',
    ]);
  });

  it('posts no notice when no escalation policy is configured', async () => {
    const f = botFixture();
    f.onCall.set(POLICY, { primary: [person('Ann')], secondary: [] });
    const { threadId } = await openIssue(f);
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(1);
  });

  it('posts no notice when no on-call port is wired', async () => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY }, withOnCallPort: false });
    const { threadId } = await openIssue(f);
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(1);
  });

  it('posts the notice once when the issue is handled again, without asking who is on call again', async () => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY } });
    f.onCall.set(POLICY, { primary: [person('Ann')], secondary: [] });
    const { threadId } = await openIssue(f, '1.1');
    f.onCall.faults.failNext('unavailable');
    await openIssue(f, '1.1');
    expect(f.onCall.faults.pending()).toBe(1);
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(2);
  });

  it('does not look for an earlier notice of an issue this run created (one query less per issue)', async () => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY } });
    f.onCall.set(POLICY, { primary: [person('Ann')], secondary: [] });
    const lookups = vi.spyOn(f.repo, 'findDelivery');
    const { threadId } = await openIssue(f, '1.1');
    expect(lookups).not.toHaveBeenCalled();
    await openIssue(f, '1.1');
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(2);
  });

  it('posts the notice once when two runs of one new message race', async () => {
    const f = botFixture({ settings: { escalationPolicyId: POLICY } });
    f.onCall.set(POLICY, { primary: [person('Ann')], secondary: [] });
    const [opened] = await overlapping(() => openIssue(f, '1.1'));
    const threadId = opened?.threadId ?? '';
    expect(f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text)).toEqual([
      'Hello, your new support request is https://acme.zendesk.com/agent/tickets/1.',
      'Primary on call: Ann\nSecondary on call: nobody',
    ]);
  });
});
