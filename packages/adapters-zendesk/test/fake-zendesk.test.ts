import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';

let fake: FakeZendesk;
beforeEach(async () => {
  fake = await FakeZendesk.start();
});
afterEach(() => fake.close());

/** The parts of the fake's answers these tests read. */
interface Answer {
  ticket: { id: number };
  error: string;
  details: Record<string, unknown>;
  comments: { body: string }[];
  meta: { has_more: boolean; after_cursor: string };
  next_page: string | null;
}

const basic = () => `Basic ${Buffer.from(`${fake.agentEmail}/token:${fake.apiToken}`).toString('base64')}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.apiUrl}/${path}`, {
    method,
    headers: { authorization: basic(), 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer,
  };
}

const ticket = (fields: Record<string, unknown> = {}) => ({
  ticket: { subject: 's', comment: { body: 'b' }, ...fields },
});

describe('fake zendesk is strict about fields', () => {
  it.each([
    ['assingee_id', { assingee_id: 1 }],
    ['requestor_id', { requestor_id: 1 }],
    ['description_html', { description_html: '<p>x</p>' }],
  ])('answers 422 to the misspelled or unknown field %s', async (field, fields) => {
    const res = await call('POST', 'tickets.json', ticket(fields));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('RecordInvalid');
    expect(Object.keys(res.body.details)).toEqual([`ticket.${field}`]);
  });

  it.each([
    ['a status Zendesk does not have', { status: 'resolved' }],
    ['a string id', { assignee_id: '5000' }],
    ['an unknown assignee', { assignee_id: 99 }],
    ['an unknown group', { group_id: 42 }],
    ['an unknown comment author', { comment: { body: 'b', author_id: 99 } }],
    ['a comment without body', { comment: { public: true } }],
    ['both requester forms', { requester_id: 5000, requester: { name: 'A', email: 'a@example.com' } }],
    ['a bad requester email', { requester: { name: 'A', email: 'not-an-email' } }],
  ])('answers 422 to %s', async (_name, fields) => {
    expect((await call('POST', 'tickets.json', ticket(fields))).status).toBe(422);
  });

  it('answers 422 to a misspelled field on update and to any update of a closed ticket', async () => {
    const created = await call('POST', 'tickets.json', ticket());
    const id = created.body.ticket.id as number;
    expect((await call('PUT', `tickets/${id}.json`, { ticket: { stauts: 'solved' } })).status).toBe(422);
    const stored = fake.ticket(id);
    if (stored) stored.status = 'closed';
    expect((await call('PUT', `tickets/${id}.json`, { ticket: { status: 'open' } })).status).toBe(422);
  });
});

describe('fake zendesk authentication', () => {
  it('answers 401 to a wrong token, a missing header and an unknown bearer', async () => {
    const wrong = `Basic ${Buffer.from(`${fake.agentEmail}/token:nope`).toString('base64')}`;
    expect((await call('GET', 'tickets.json', undefined, { authorization: wrong })).status).toBe(401);
    expect((await call('GET', 'tickets.json', undefined, { authorization: '' })).status).toBe(401);
    expect((await call('GET', 'tickets.json', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('lets a bearer act on behalf of an agent only with the impersonate scope', async () => {
    const onBehalf = { 'x-on-behalf-of': fake.agentEmail };
    const full = `Bearer ${fake.issueBearerToken()}`;
    const readWrite = `Bearer ${fake.issueBearerToken(['read', 'write'])}`;
    expect((await call('GET', 'tickets.json', undefined, { authorization: full, ...onBehalf })).status).toBe(
      200,
    );
    expect(
      (await call('GET', 'tickets.json', undefined, { authorization: readWrite, ...onBehalf })).status,
    ).toBe(403);
  });
});

describe('fake zendesk idempotency and pagination', () => {
  it('replays the first answer for the same key and body, and refuses the key with another body', async () => {
    const key = { 'idempotency-key': 'abc' };
    const first = await call('POST', 'tickets.json', ticket(), key);
    const again = await call('POST', 'tickets.json', ticket(), key);
    const other = await call('POST', 'tickets.json', ticket({ subject: 'other' }), key);
    expect([first.headers.get('x-idempotency-lookup'), again.headers.get('x-idempotency-lookup')]).toEqual([
      'miss',
      'hit',
    ]);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
    expect(other.status).toBe(400);
    expect(fake.tickets).toHaveLength(1);
  });

  it('pages comments by cursor, newest first', async () => {
    const id = fake.createEmailTicket({ subject: 's', body: 'c0' });
    for (let i = 1; i <= 4; i++) fake.addComment(id, { body: `c${i}` });
    const first = await call('GET', `tickets/${id}/comments.json?page[size]=2&sort=-created_at`);
    expect(first.body.comments.map((c: { body: string }) => c.body)).toEqual(['c4', 'c3']);
    expect(first.body.meta.has_more).toBe(true);
    const after = encodeURIComponent(first.body.meta.after_cursor);
    const second = await call(
      'GET',
      `tickets/${id}/comments.json?page[size]=2&sort=-created_at&page[after]=${after}`,
    );
    expect(second.body.comments.map((c: { body: string }) => c.body)).toEqual(['c2', 'c1']);
  });

  it('pages comments by offset, with next_page links and sort_order', async () => {
    const id = fake.createEmailTicket({ subject: 's', body: 'c0' });
    for (let i = 1; i <= 2; i++) fake.addComment(id, { body: `c${i}` });
    const page = await call('GET', `tickets/${id}/comments.json?per_page=2&sort_order=desc`);
    expect(page.body.comments.map((c: { body: string }) => c.body)).toEqual(['c2', 'c1']);
    expect(page.body.next_page).toContain('page=2');
    expect((await call('GET', `tickets/${id}/comments.json?per_page=101`)).status).toBe(400);
  });

  it('answers 404 to an endpoint it does not know', async () => {
    expect((await call('GET', 'macros.json')).status).toBe(404);
  });
});

describe('fake zendesk ticket rules', () => {
  it('opens a new ticket when it is assigned, and never sets it back to new', async () => {
    const id = fake.createEmailTicket({ subject: 's', body: 'b' });
    expect(fake.ticket(id)?.status).toBe('new');
    expect((await call('PUT', `tickets/${id}.json`, { ticket: { assignee_id: fake.agent.id } })).status).toBe(
      200,
    );
    expect(fake.ticket(id)?.status).toBe('open');
    expect((await call('PUT', `tickets/${id}.json`, { ticket: { status: 'new' } })).status).toBe(422);
  });

  it('refuses to solve an unassigned ticket', async () => {
    const id = fake.createEmailTicket({ subject: 's', body: 'b' });
    expect((await call('PUT', `tickets/${id}.json`, { ticket: { status: 'solved' } })).status).toBe(422);
    const assigned = { ticket: { status: 'solved', assignee_id: fake.agent.id } };
    expect((await call('PUT', `tickets/${id}.json`, assigned)).status).toBe(200);
  });
});
