import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

let h: ZendeskTicketHarness;
beforeEach(async () => {
  h = await zendeskTicketHarness();
});
afterEach(() => h.close());

const input = { idempotencyKey: 'issue-9:ticket', subject: 's', description: 'd', externalId: 'C1:9.9' };
const lookups = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/tickets.json');

describe('a create whose outcome is unknown', () => {
  it('after a timeout, finds the ticket by external id instead of failing or duplicating', async () => {
    h.fake.failNext('timeout', { method: 'POST', path: 'tickets', delayMs: 2000 });
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets).toHaveLength(1);
    expect(ticket.id).toBe(String(h.fake.tickets[0]?.id));
    expect(ticket.firstCommentId).toBe(String(h.fake.comments(ticket.id)[0]?.id));
    expect(lookups().map((r) => r.query.external_id)).toEqual(['C1:9.9']);
  });

  it('after a 5xx that did create, returns that ticket', async () => {
    h.fake.failNext('unavailable', { method: 'POST', path: 'tickets', afterCommit: true, status: 502 });
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
  });

  it('after a 5xx that did not create, throws retryable; the retry looks up first, then creates once', async () => {
    h.fake.failNext('unavailable', { method: 'POST', path: 'tickets' });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    expect(h.fake.tickets).toHaveLength(0);
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
    expect(lookups()).toHaveLength(2);
  });

  it('a retried create with the same key gets the first ticket from the Idempotency-Key', async () => {
    const first = await h.port.createTicket(input);
    const creates = h.fake.requests.length;
    const again = await h.port.createTicket(input);
    expect(again.id).toBe(first.id);
    expect(
      h.fake.requests.slice(creates).some((r) => r.headers['idempotency-key'] === input.idempotencyKey),
    ).toBe(true);
    expect(h.fake.tickets).toHaveLength(1);
  });

  it('does not treat a 4xx as unknown', async () => {
    h.fake.failNext('rate-limited', { method: 'POST', path: 'tickets' });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({ reason: 'RateLimited' });
    expect(lookups()).toHaveLength(0);
  });
});
