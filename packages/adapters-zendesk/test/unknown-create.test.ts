import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';
import { ZendeskTicketAdapter } from '../src/index.ts';

let h: ZendeskTicketHarness;
beforeEach(async () => {
  h = await zendeskTicketHarness();
});
afterEach(() => h.close());

const input = { idempotencyKey: 'issue-9:ticket', subject: 's', description: 'd', externalId: 'C1:9.9' };
const lookups = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/tickets.json');
const creates = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets.json');

describe('a create whose outcome is unknown', () => {
  it('after a timeout throws retryable; the retry finds the ticket by external id, without posting again', async () => {
    h.fake.failNext('timeout', { method: 'POST', path: 'tickets', delayMs: 2000 });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
    expect(ticket.firstCommentId).toBe(String(h.fake.comments(ticket.id)[0]?.id));
    expect(lookups().map((r) => r.query.external_id)).toEqual(['C1:9.9']);
    expect(creates()).toHaveLength(1);
  });

  it('after a 5xx that did create, the retry returns that ticket', async () => {
    h.fake.failNext('unavailable', { method: 'POST', path: 'tickets', afterCommit: true, status: 502 });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({ reason: 'Unavailable' });
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
  });

  it('after a 5xx that did not create, the retry looks up, finds nothing, and creates once', async () => {
    h.fake.failNext('unavailable', { method: 'POST', path: 'tickets' });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    expect(h.fake.tickets).toHaveLength(0);
    const ticket = await h.port.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
    expect(lookups()).toHaveLength(1);
    expect(creates().map((r) => r.headers['idempotency-key'])).toEqual([
      input.idempotencyKey,
      input.idempotencyKey,
    ]);
  });

  it('a fresh adapter (after a restart) still gets the one ticket through the Idempotency-Key', async () => {
    h.fake.failNext('unavailable', { method: 'POST', path: 'tickets', afterCommit: true });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({ reason: 'Unavailable' });
    const restarted = new ZendeskTicketAdapter({
      apiUrl: h.fake.apiUrl,
      auth: { kind: 'token', email: h.fake.agentEmail, apiToken: h.fake.apiToken },
      ticketUrl: 'https://example.zendesk.com/agent/tickets',
      agentId: String(h.fake.agent.id),
    });
    const ticket = await restarted.createTicket(input);
    expect(h.fake.tickets.map((t) => String(t.id))).toEqual([ticket.id]);
    expect(creates().at(-1)?.headers['idempotency-key']).toBe(input.idempotencyKey);
    expect(ticket.firstCommentId).toBe(String(h.fake.comments(ticket.id)[0]?.id));
  });

  it('does not treat a 4xx as unknown', async () => {
    h.fake.failNext('rate-limited', { method: 'POST', path: 'tickets' });
    await expect(h.port.createTicket(input)).rejects.toMatchObject({ reason: 'RateLimited' });
    await h.port.createTicket(input);
    expect(lookups()).toHaveLength(0);
  });
});

describe('a create whose idempotency key was used with another body', () => {
  it('returns the ticket the earlier attempt created, found by external id', async () => {
    const first = await h.port.createTicket(input);
    const changed = await h.port.createTicket({ ...input, description: 'edited before the retry' });
    expect(changed.id).toBe(first.id);
    expect(h.fake.tickets).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
  });

  it('stays Invalid when no ticket has that external id', async () => {
    await h.port.createTicket(input);
    const other = { ...input, description: 'x', externalId: 'C9:9.9' };
    await expect(h.port.createTicket(other)).rejects.toMatchObject({ reason: 'Invalid', retryable: false });
  });
});
