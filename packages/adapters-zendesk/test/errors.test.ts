import { IntegrationError, isTicketClosed } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';
import { parseRetryAfter, ZendeskTicketAdapter } from '../src/index.ts';

let h: ZendeskTicketHarness;
let ticketId: string;
beforeEach(async () => {
  h = await zendeskTicketHarness();
  ticketId = (
    await h.port.createTicket({ idempotencyKey: 'k', subject: 's', description: 'd', externalId: 'e' })
  ).id;
});
afterEach(() => h.close());

async function failure(call: Promise<unknown>): Promise<IntegrationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
}

describe('vendor errors become IntegrationError', () => {
  it('429 → RateLimited with Retry-After in ms (node-zendesk does not throw on 429)', async () => {
    h.fake.failNext('rate-limited', { retryAfterMs: 7000 });
    const error = await failure(h.port.addComment(ticketId, { body: 'x', public: true }));
    expect(error).toMatchObject({
      reason: 'RateLimited',
      retryable: true,
      retryAfterMs: 7000,
      integration: 'zendesk',
    });
  });

  it('401 → Unauthorized, not retryable', async () => {
    h.fake.failNext('unauthorized');
    expect(await failure(h.port.getTicket(ticketId))).toMatchObject({
      reason: 'Unauthorized',
      retryable: false,
    });
  });

  it('a wrong API token → Unauthorized, and the message carries no secret', async () => {
    const port = new ZendeskTicketAdapter({
      apiUrl: h.fake.apiUrl,
      auth: { kind: 'token', email: h.fake.agentEmail, apiToken: 'wrong-secret-token' },
      ticketUrl: 'https://x/agent/tickets',
    });
    const error = await failure(port.getTicket(ticketId));
    expect(error.reason).toBe('Unauthorized');
    expect(error.message).not.toContain('wrong-secret-token');
  });

  it('404 → NotFound for comments on an unknown ticket', async () => {
    expect(await failure(h.port.addComment('424242', { body: 'x', public: true }))).toMatchObject({
      reason: 'NotFound',
    });
    expect(await failure(h.port.listCommentsAfter('424242', null))).toMatchObject({ reason: 'NotFound' });
  });

  it('409 → Conflict, retryable', async () => {
    h.fake.failNext('conflict', { retryAfterMs: 2000 });
    const error = await failure(h.port.addComment(ticketId, { body: 'x', public: true }));
    expect(error).toMatchObject({ reason: 'Conflict', retryable: true, retryAfterMs: 2000 });
  });

  it('422 "closed prevents ticket update" confirmed by a read → TicketClosedError for a comment', async () => {
    h.fake.setStatus(ticketId, 'closed');
    const error = await h.port.addComment(ticketId, { body: 'x', public: true }).catch((e: unknown) => e);
    expect(isTicketClosed(error)).toBe(true);
    expect(error).toMatchObject({ ticketId, cause: { cause: { status: 422, saysClosed: true } } });
    expect(
      h.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/tickets/${ticketId}.json`)),
    ).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])('%i → Unavailable, retryable', async (status) => {
    h.fake.failNext('unavailable', { status });
    expect(await failure(h.port.solveTicket(ticketId))).toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
  });

  it('an answer slower than the timeout → Unavailable (timed out)', async () => {
    h.fake.setLatency(1500);
    const error = await failure(h.port.getTicket(ticketId));
    expect(error).toMatchObject({ reason: 'Unavailable', retryable: true });
    expect(error.message).toContain('timed out');
    h.fake.setLatency(0);
    expect((await h.port.getTicket(ticketId))?.id).toBe(ticketId);
  });

  it('a refused connection → Unavailable', async () => {
    const port = new ZendeskTicketAdapter({
      apiUrl: 'http://127.0.0.1:1/api/v2',
      auth: { kind: 'token', email: 'a@b.c', apiToken: 't' },
      ticketUrl: 'https://x/agent/tickets',
    });
    expect(await failure(port.getTicket('1'))).toMatchObject({ reason: 'Unavailable', retryable: true });
  });

  it('a 2xx without a ticket id → Invalid, not a crash', async () => {
    h.fake.failNext('malformed', { status: 201, body: { ticket: { subject: 's' } } });
    const error = await failure(
      h.port.createTicket({ idempotencyKey: 'z', subject: 's', description: 'd', externalId: 'z' }),
    );
    expect(error).toMatchObject({ reason: 'Invalid', retryable: false });
    expect(error.message).toContain('ticket.id');
  });
});

describe('configuration', () => {
  it.each(['https://acme.zendesk.com', 'acme.zendesk.com/api/v2', 'ftp://acme.zendesk.com/api/v2'])(
    'refuses the API base %s',
    (apiUrl) => {
      const auth = { kind: 'token' as const, email: 'a@example.com', apiToken: 't' };
      expect(() => new ZendeskTicketAdapter({ apiUrl, auth, ticketUrl: 'https://x/agent/tickets' })).toThrow(
        /api\/v2/,
      );
    },
  );
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:10 GMT', Date.parse('2026-11-27T10:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
