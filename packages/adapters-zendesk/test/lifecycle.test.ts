import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

let h: ZendeskTicketHarness;
beforeEach(async () => {
  h = await zendeskTicketHarness();
});
afterEach(() => h.close());

const ticket = (key: string) =>
  h.port.createTicket({
    idempotencyKey: key,
    subject: `s ${key}`,
    description: 'd',
    externalId: `e-${key}`,
    groupId: String(h.fake.groupId),
    assigneeId: String(h.fake.agent.id),
  });
const requests = (path: RegExp) => h.fake.requests.filter((r) => path.test(r.path));

describe('ticket lifecycle on the wire', () => {
  it('reads states with one show_many of the ids, skipping what is not a ticket id', async () => {
    const a = await ticket('a');
    const b = await ticket('b');
    await h.port.getTicketStates([a.id, 'not-an-id', b.id]);
    expect(requests(/show_many/).map((r) => [r.method, r.query])).toEqual([
      ['GET', { ids: `${a.id},${b.id}` }],
    ]);
    await expect(
      h.port.getTicketStates(Array.from({ length: 101 }, (_, n) => String(n + 1))),
    ).rejects.toMatchObject({
      reason: 'Invalid',
    });
  });

  it('takes status, time and author from the newest status change, naming the sideloaded agent', async () => {
    const t = await ticket('history');
    const dana = h.fake.addAgent('Dana', 'dana@example.com');
    h.fake.agentActions.setStatus(t.id, 'pending', dana.id);
    h.fake.agentActions.setStatus(t.id, 'solved', dana.id);
    const change = await h.port.lastStatusChange(t.id);
    expect(change).toMatchObject({
      status: 'solved',
      by: { id: String(dana.id), name: 'Dana' },
      mergedInto: null,
    });
    expect(requests(/audits/).at(-1)?.query).toEqual({
      sort_order: 'desc',
      per_page: '100',
      include: 'users',
    });
  });

  it('names the merge target from the note the merge leaves on the source', async () => {
    const source = await ticket('source');
    const target = await ticket('target');
    h.fake.agentActions.merge(source.id, target.id);
    expect((await h.port.getTicketStates([source.id]))[0]).toMatchObject({ status: 'closed' });
    expect(await h.port.lastStatusChange(source.id)).toMatchObject({
      status: 'closed',
      mergedInto: target.id,
    });
  });

  it('sends status open with a reopening comment, and only then', async () => {
    const t = await ticket('reopen');
    h.fake.agentActions.setStatus(t.id, 'solved');
    await h.port.addComment(t.id, { body: 'again', public: true, reopen: true });
    const put = requests(new RegExp(`/tickets/${t.id}\\.json$`)).filter((r) => r.method === 'PUT');
    expect(put.at(-1)?.body).toEqual({
      ticket: { comment: { body: 'again', public: true, author_id: h.fake.agent.id }, status: 'open' },
    });
    expect(h.fake.ticket(t.id)?.status).toBe('open');
  });

  it('creates a follow-up with via_followup_source_id and the closed ticket’s people', async () => {
    const closed = await ticket('closed');
    h.fake.agentActions.setStatus(closed.id, 'closed');
    const followUp = await h.port.createFollowUp({
      idempotencyKey: 'follow-up',
      sourceTicketId: closed.id,
      subject: 'again',
      description: 'Alice: broken again',
      externalId: 'slack:C1:2.1',
      groupId: String(h.fake.groupId),
      assigneeId: String(h.fake.agent.id),
      requester: { id: closed.requester?.id ?? String(h.fake.agent.id) },
    });
    const create = h.fake.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/tickets.json'))
      .at(-1);
    expect(create?.body).toMatchObject({
      ticket: {
        via_followup_source_id: Number(closed.id),
        external_id: 'slack:C1:2.1',
        group_id: h.fake.groupId,
        assignee_id: h.fake.agent.id,
        comment: { body: 'Alice: broken again', public: true },
      },
    });
    expect(h.fake.ticket(followUp.id)?.via).toMatchObject({
      source: { from: { ticket_id: Number(closed.id) }, rel: 'follow_up' },
    });
  });

  it('answers a deleted ticket as absent from show_many and unknown to show', async () => {
    const t = await ticket('deleted');
    h.fake.agentActions.delete(t.id);
    expect(await h.port.getTicketStates([t.id])).toEqual([]);
    expect(await h.port.getTicket(t.id)).toBeUndefined();
    expect(await h.port.lastStatusChange(t.id)).toBeUndefined();
  });
});
