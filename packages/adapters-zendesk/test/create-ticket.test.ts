import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

let h: ZendeskTicketHarness;
beforeEach(async () => {
  h = await zendeskTicketHarness();
});
afterEach(() => h.close());

const creates = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets.json');

describe('createTicket request', () => {
  it('sends exactly the documented ticket fields, with the Idempotency-Key header', async () => {
    const ticket = await h.port.createTicket({
      idempotencyKey: 'issue-1:ticket',
      subject: 'Printer on fire',
      description: 'The printer on floor 2 is on fire',
      externalId: 'C123:1700000000.000100',
      groupId: String(h.fake.groupId),
      assigneeId: String(h.fake.agent.id),
      requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
    });

    const [request] = creates();
    expect(request?.headers['idempotency-key']).toBe('issue-1:ticket');
    const body = request?.body as { ticket: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['ticket']);
    expect(Object.keys(body.ticket).sort()).toEqual(
      ['assignee_id', 'comment', 'external_id', 'group_id', 'requester_id', 'subject'].sort(),
    );
    expect(body.ticket.subject).toBe('Printer on fire');
    expect(body.ticket.comment).toEqual({
      body: 'The printer on floor 2 is on fire',
      public: true,
      author_id: h.fake.agent.id,
    });
    expect(body.ticket.external_id).toBe('C123:1700000000.000100');
    expect(body.ticket.group_id).toBe(h.fake.groupId);
    expect(body.ticket.assignee_id).toBe(h.fake.agent.id);
    const requester = h.fake.user(body.ticket.requester_id as number);
    expect(requester).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', role: 'end-user' });

    const stored = h.fake.ticket(ticket.id);
    expect(stored).toMatchObject({
      subject: 'Printer on fire',
      external_id: 'C123:1700000000.000100',
      group_id: h.fake.groupId,
      assignee_id: h.fake.agent.id,
      requester_id: requester?.id,
    });
    expect(ticket).toMatchObject({
      subject: 'Printer on fire',
      description: 'The printer on floor 2 is on fire',
      externalId: 'C123:1700000000.000100',
      groupId: String(h.fake.groupId),
      assigneeId: String(h.fake.agent.id),
      requester: { id: String(requester?.id), email: 'ada@example.com' },
      firstCommentId: String(h.fake.comments(ticket.id)[0]?.id),
    });
  });

  it('finds an existing requester by email instead of creating one', async () => {
    const first = await h.port.createTicket({
      idempotencyKey: 'k1',
      subject: 's',
      description: 'd',
      externalId: 'e1',
      requester: { name: 'Ada', email: 'ada@example.com' },
    });
    const second = await h.port.createTicket({
      idempotencyKey: 'k2',
      subject: 's',
      description: 'd',
      externalId: 'e2',
      requester: { name: 'Ada', email: 'ADA@example.com' },
    });
    expect(second.requester?.id).toBe(first.requester?.id);
    const userCreates = h.fake.requests.filter((r) => r.path === '/api/v2/users/create_or_update.json');
    expect(userCreates).toHaveLength(1);
    expect(userCreates[0]?.body).toEqual({
      user: { name: 'Ada', email: 'ada@example.com', role: 'end-user' },
    });
  });

  it("remembers a requester: the same person's next ticket makes no users search", async () => {
    const searches = () => h.fake.requests.filter((r) => r.path === '/api/v2/users/search.json');
    const ask = (n: number, email: string) =>
      h.port.createTicket({
        idempotencyKey: `remember-${n}`,
        subject: 's',
        description: 'd',
        externalId: `e${n}`,
        requester: { name: 'Ada', email },
      });
    const first = await ask(1, 'ada@example.com');
    const second = await ask(2, 'Ada@Example.com');
    expect(second.requester?.id).toBe(first.requester?.id);
    expect(searches()).toHaveLength(1);
    await ask(3, 'grace@example.com');
    expect(searches()).toHaveLength(2);
  });

  it('a remembered requester Zendesk no longer knows is looked up again, and the ticket opens once', async () => {
    const ask = (n: number) =>
      h.port.createTicket({
        idempotencyKey: `stale-${n}`,
        subject: 's',
        description: 'd',
        externalId: `stale${n}`,
        requester: { name: 'Ada', email: 'ada@example.com' },
      });
    const first = await ask(1);
    h.fake.deleteUser(first.requester?.id ?? '');
    const second = await ask(2);
    expect(second.requester?.id).toBeDefined();
    expect(second.requester?.id).not.toBe(first.requester?.id);
    expect(h.fake.ticket(second.id)?.requester_id).toBe(Number(second.requester?.id));
    // Refused once with the stale id, then created with the new user: one ticket for the key.
    const stale = creates().filter((r) => r.headers['idempotency-key'] === 'stale-2');
    expect(stale.map((r) => (r.body as { ticket: { requester_id: number } }).ticket.requester_id)).toEqual([
      Number(first.requester?.id),
      Number(second.requester?.id),
    ]);
    expect(h.fake.tickets.filter((t) => t.external_id === 'stale2')).toHaveLength(1);
  });

  it('omits group, assignee and requester when the core gives none', async () => {
    await h.port.createTicket({ idempotencyKey: 'k', subject: 's', description: 'd', externalId: 'e' });
    const body = creates()[0]?.body as { ticket: Record<string, unknown> };
    expect(Object.keys(body.ticket).sort()).toEqual(['comment', 'external_id', 'subject']);
  });

  it('returns the first ticket again for a repeated idempotency key', async () => {
    const input = { idempotencyKey: 'same', subject: 's', description: 'd', externalId: 'e' };
    const first = await h.port.createTicket(input);
    const again = await h.port.createTicket(input);
    expect(again.id).toBe(first.id);
    expect(h.fake.tickets).toHaveLength(1);
  });
});
