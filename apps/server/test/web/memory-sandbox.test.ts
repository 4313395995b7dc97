import { describe, expect, it } from 'vitest';
import { SANDBOX_CHANNEL, sandboxFixture } from './sandbox-fixture.ts';

describe('MemorySandbox', () => {
  it('round-trips a message to a ticket, an agent comment back to the thread, and resolve', async () => {
    const { sandbox, tickets } = sandboxFixture();
    await sandbox.postChatMessage({ user: 'Alex Doe', text: 'The build is broken' });
    let state = await sandbox.snapshot();
    expect(state.channel).toBe(SANDBOX_CHANNEL);
    const root = state.messages[0];
    expect(root).toMatchObject({ user: 'Alex Doe', text: 'The build is broken', fromBot: false });
    expect(root?.threadId).toBeUndefined();
    expect(state.tickets).toHaveLength(1);
    const ticket = state.tickets[0];
    expect(ticket?.subject).toContain('The build is broken');
    expect(state.messages.some((m) => m.fromBot && m.threadId === root?.id)).toBe(true);

    await sandbox.addAgentComment({ ticketId: ticket?.id ?? '', body: 'Looking into it', public: true });
    await sandbox.addAgentComment({ ticketId: ticket?.id ?? '', body: 'internal: blame Bob', public: false });
    state = await sandbox.snapshot();
    const replies = state.messages.filter((m) => m.threadId === root?.id).map((m) => m.text);
    expect(replies.some((text) => text.includes('Looking into it'))).toBe(true);
    expect(replies.some((text) => text.includes('blame Bob'))).toBe(false);
    expect(state.tickets[0]?.comments.map((c) => c.author)).toContain('Sam (agent)');

    await sandbox.postChatMessage({ user: 'Alex Doe', text: 'resolve', threadId: root?.id ?? '' });
    expect(tickets.ticket(ticket?.id ?? '')?.status).toBe('solved');
    expect((await sandbox.snapshot()).tickets[0]?.status).toBe('solved');
  });

  it('opens a thread in the channel for an emailed ticket, newest ticket first', async () => {
    const { sandbox } = sandboxFixture();
    await sandbox.postChatMessage({ user: 'Kim', text: 'first' });
    await sandbox.sendEmail({ from: 'customer@example.com', subject: 'Printer on fire', body: 'Help' });
    const state = await sandbox.snapshot();
    expect(state.tickets.map((t) => t.subject)).toEqual([
      'Printer on fire',
      expect.stringContaining('first'),
    ]);
    expect(state.messages.some((m) => m.fromBot && m.threadId === undefined)).toBe(true);
  });

  it('turns a reply in the thread of an emailed ticket into a ticket comment', async () => {
    const { sandbox, tickets } = sandboxFixture();
    await sandbox.sendEmail({ from: 'customer@example.com', subject: 'VPN down', body: 'Cannot connect' });
    const root = (await sandbox.snapshot()).messages.find((m) => m.fromBot && m.threadId === undefined);
    await sandbox.postChatMessage({
      user: 'Kim',
      text: 'Restarting the VPN server',
      threadId: root?.id ?? '',
    });
    const ticketId = tickets.tickets[0]?.id ?? '';
    expect(tickets.comments(ticketId).some((c) => c.body.includes('Restarting the VPN server'))).toBe(true);
  });
});
