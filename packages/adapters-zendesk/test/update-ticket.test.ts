import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';
import { ZendeskTicketAdapter } from '../src/index.ts';

let h: ZendeskTicketHarness;
let ticketId: string;
beforeEach(async () => {
  h = await zendeskTicketHarness();
  ticketId = (
    await h.port.createTicket({ idempotencyKey: 'k', subject: 's', description: 'd', externalId: 'e' })
  ).id;
});
afterEach(() => h.close());

const updates = () => h.fake.requests.filter((r) => r.method === 'PUT');

describe('update bodies', () => {
  it('addComment sends only the comment, authored by the configured agent, and returns its id', async () => {
    const { id } = await h.port.addComment(ticketId, { body: 'from slack', public: true });
    expect(updates().map((r) => r.body)).toEqual([
      { ticket: { comment: { body: 'from slack', public: true, author_id: h.fake.agent.id } } },
    ]);
    expect(h.fake.comments(ticketId).at(-1)).toMatchObject({
      id: Number(id),
      body: 'from slack',
      public: true,
    });
  });

  it('addComment writes internal notes and explicit authors', async () => {
    const other = h.fake.addAgent('Grace', 'grace@example.com');
    await h.port.addComment(ticketId, { body: 'note', public: false, authorId: String(other.id) });
    expect(updates()[0]?.body).toEqual({
      ticket: { comment: { body: 'note', public: false, author_id: other.id } },
    });
    expect(h.fake.comments(ticketId).at(-1)).toMatchObject({ public: false, author_id: other.id });
  });

  it('solveTicket sets status solved once, assigning the agent when nobody is, and never closes', async () => {
    await h.port.solveTicket(ticketId);
    await h.port.solveTicket(ticketId);
    expect(updates().map((r) => r.body)).toEqual([
      { ticket: { status: 'solved', assignee_id: h.fake.agent.id } },
    ]);
    expect(h.fake.ticket(ticketId)).toMatchObject({ status: 'solved', assignee_id: h.fake.agent.id });
  });

  it('solveTicket sends only the status for an assigned ticket', async () => {
    const other = h.fake.addAgent('Grace', 'grace@example.com');
    await h.port.linkTicket(ticketId, { assigneeId: String(other.id) });
    await h.port.solveTicket(ticketId);
    expect(updates().at(-1)?.body).toEqual({ ticket: { status: 'solved' } });
    expect(h.fake.ticket(ticketId)).toMatchObject({ status: 'solved', assignee_id: other.id });
  });

  it('solveTicket without a configured agent assigns the API user (GET /users/me, asked once)', async () => {
    const port = new ZendeskTicketAdapter({
      apiUrl: h.fake.apiUrl,
      auth: { kind: 'token', email: h.fake.agentEmail, apiToken: h.fake.apiToken },
      ticketUrl: 'https://x/agent/tickets',
    });
    const second = (
      await port.createTicket({ idempotencyKey: 'k2', subject: 's', description: 'd', externalId: 'e2' })
    ).id;
    await port.solveTicket(ticketId);
    await port.solveTicket(second);
    expect(h.fake.ticket(ticketId)).toMatchObject({ status: 'solved', assignee_id: h.fake.agent.id });
    expect(h.fake.ticket(second)).toMatchObject({ status: 'solved', assignee_id: h.fake.agent.id });
    const selfReads = h.fake.requests.filter(
      (r) => r.method === 'GET' && /\/users\/me(\.json)?$/.test(r.path),
    );
    expect(selfReads).toHaveLength(1);
  });

  it('solveTicket leaves a closed ticket alone', async () => {
    const ticket = h.fake.ticket(ticketId);
    if (ticket) ticket.status = 'closed';
    await h.port.solveTicket(ticketId);
    expect(updates()).toHaveLength(0);
  });

  it('linkTicket sets exactly the given fields, and calls nothing for an empty link', async () => {
    const emailTicket = h.fake.createEmailTicket({
      subject: 'by mail',
      body: 'hello',
      requesterEmail: 'x@example.com',
    });
    await h.port.linkTicket(emailTicket, {
      externalId: 'C1:2.3',
      groupId: String(h.fake.groupId),
      assigneeId: String(h.fake.agent.id),
    });
    await h.port.linkTicket(emailTicket, {});
    expect(updates().map((r) => r.body)).toEqual([
      { ticket: { external_id: 'C1:2.3', group_id: h.fake.groupId, assignee_id: h.fake.agent.id } },
    ]);
    expect(h.fake.ticket(emailTicket)).toMatchObject({ external_id: 'C1:2.3', group_id: h.fake.groupId });
  });
});

describe('getTicket', () => {
  it('reads an email ticket with its requester and first comment', async () => {
    const id = h.fake.createEmailTicket({
      subject: 'VPN down',
      body: 'Cannot connect',
      requesterName: 'Ada',
      requesterEmail: 'ada@example.com',
    });
    const ticket = await h.port.getTicket(id);
    expect(ticket).toMatchObject({
      id,
      subject: 'VPN down',
      description: 'Cannot connect',
      status: 'new',
      externalId: null,
      requester: { name: 'Ada', email: 'ada@example.com' },
      firstCommentId: String(h.fake.comments(id)[0]?.id),
    });
  });

  it('answers undefined for an unknown or malformed id', async () => {
    expect(await h.port.getTicket('999999')).toBeUndefined();
    expect(await h.port.getTicket('not-a-number')).toBeUndefined();
  });

  it('builds agent links', () => {
    expect(h.port.ticketUrl('42')).toBe('https://example.zendesk.com/agent/tickets/42');
  });
});
