import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryTickets } from '../src/index.ts';

const at = new Date('2026-11-02T09:00:00.000Z');
const newTicket = { idempotencyKey: 'k1', subject: 'Help', description: 'It broke', externalId: 'C1:1' };

describe('MemoryTickets back door', () => {
  it('opens bot tickets with the agent as first author, or the requester when given', async () => {
    const tickets = new MemoryTickets({ clock: new ManualClock(at), agentId: '42' });
    const plain = await tickets.createTicket(newTicket);
    const asked = await tickets.createTicket({
      ...newTicket,
      idempotencyKey: 'k2',
      requester: { name: 'Ann', email: 'a@x.io' },
    });
    expect(tickets.comments(plain.id)).toEqual([
      {
        id: plain.firstCommentId,
        author: { id: '42' },
        public: true,
        channel: 'api',
        body: 'It broke',
        attachments: [],
        createdAt: at,
      },
    ]);
    expect(tickets.comments(asked.id)[0]?.author).toEqual({ name: 'Ann', email: 'a@x.io' });
    expect(plain).toMatchObject({ id: '1', status: 'new', createdAt: at });
    expect(
      (await tickets.createTicket({ ...newTicket, idempotencyKey: 'k3', assigneeId: '42' })).status,
    ).toBe('open');
  });

  it('numbers comments globally so they order across tickets', async () => {
    const tickets = new MemoryTickets();
    const a = await tickets.createTicket(newTicket);
    const b = await tickets.createTicket({ ...newTicket, idempotencyKey: 'k2' });
    const comment = await tickets.addComment(a.id, { body: 'more', public: false });
    expect([a.firstCommentId, b.firstCommentId, comment.id]).toEqual(['1', '2', '3']);
    expect(tickets.tickets.map((t) => t.id)).toEqual(['1', '2']);
    expect(tickets.ticket('2')?.subject).toBe('Help');
    expect(tickets.ticket('3')).toBeUndefined();
    expect(tickets.comments('3')).toEqual([]);
  });

  it('creates email tickets and external comments as the ticketing side would', () => {
    const tickets = new MemoryTickets();
    const id = tickets.createExternalTicket({
      subject: 'VPN',
      body: 'down',
      requesterName: 'Bob',
      requesterEmail: 'b@x.io',
    });
    const commentId = tickets.addExternalComment(id, {
      body: 'hi',
      public: true,
      authorName: 'Agent',
      channel: 'email',
    });
    expect(tickets.ticket(id)).toMatchObject({
      status: 'new',
      externalId: null,
      requester: { name: 'Bob', email: 'b@x.io' },
    });
    expect(tickets.comments(id).map((c) => [c.id, c.channel, c.author])).toEqual([
      ['1', 'email', { name: 'Bob', email: 'b@x.io' }],
      [commentId, 'email', { name: 'Agent' }],
    ]);
    expect(tickets.callCount()).toBe(0);
  });

  it('refuses comments on a closed ticket and keeps a closed ticket closed on solve', async () => {
    const tickets = new MemoryTickets();
    const { id } = await tickets.createTicket(newTicket);
    tickets.setStatus(id, 'closed');
    await expect(tickets.addComment(id, { body: 'late', public: true })).rejects.toMatchObject({
      name: 'TicketClosedError',
      code: 'ticket.closed',
      ticketId: id,
    });
    await tickets.solveTicket(id);
    expect(tickets.ticket(id)?.status).toBe('closed');
    expect(() => tickets.setStatus('99', 'open')).toThrow(/not found/);
  });

  it('counts port calls per method and builds ticket urls from its base', async () => {
    const tickets = new MemoryTickets({ ticketBaseUrl: 'https://acme.zendesk.com/agent/tickets/' });
    const { id } = await tickets.createTicket(newTicket);
    await tickets.getTicket(id);
    await tickets.getTicket('nope');
    expect([tickets.callCount('createTicket'), tickets.callCount('getTicket'), tickets.callCount()]).toEqual([
      1, 2, 3,
    ]);
    expect(tickets.ticketUrl(id)).toBe('https://acme.zendesk.com/agent/tickets/1');
    expect(new MemoryTickets().ticketUrl('7')).toBe('https://example.zendesk.com/agent/tickets/7');
  });

  it('rejects a non-numeric comment cursor as Invalid', async () => {
    const tickets = new MemoryTickets();
    const { id } = await tickets.createTicket(newTicket);
    await expect(tickets.listCommentsAfter(id, 'abc')).rejects.toMatchObject({ reason: 'Invalid' });
  });

  it('fails only the named method when asked', async () => {
    const tickets = new MemoryTickets();
    const { id } = await tickets.createTicket(newTicket);
    tickets.faults.failNext('rate-limited', { method: 'addComment', retryAfterMs: 5000 });
    expect(await tickets.getTicket(id)).toBeDefined();
    await expect(tickets.addComment(id, { body: 'x', public: true })).rejects.toMatchObject({
      reason: 'RateLimited',
      retryAfterMs: 5000,
    });
    expect(tickets.comments(id)).toHaveLength(1);
  });
});
