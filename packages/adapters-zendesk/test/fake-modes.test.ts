import { afterEach, describe, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';

// The fake's two modes, read straight off the wire (no adapter in between).
// biome-ignore lint/suspicious/noExplicitAny: wire JSON, read loosely by the assertions below
type Wire = Record<string, any>;

let fake: FakeZendesk;
afterEach(() => fake.close());

async function call(method: string, path: string, body?: unknown): Promise<Wire> {
  const auth = Buffer.from(`${fake.agentEmail}/token:${fake.apiToken}`).toString('base64');
  const response = await fetch(`${fake.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Wire;
}

async function commentedTicket(): Promise<string> {
  const id = fake.createEmailTicket({ subject: 'VPN', body: 'down', requesterEmail: 'bob@example.com' });
  await call('PUT', `tickets/${id}.json`, { ticket: { comment: { body: 'on it', public: true } } });
  return id;
}

describe('minimal answers', () => {
  it('carry only what every answer must: audit Comment events as in the audits page example', async () => {
    fake = await FakeZendesk.start({ mode: 'minimal' });
    const id = fake.createEmailTicket({ subject: 'VPN', body: 'down' });
    const answer = await call('PUT', `tickets/${id}.json`, {
      ticket: { comment: { body: 'on it', public: true } },
    });
    expect(Object.keys(answer.audit)).toEqual(['events']);
    expect(Object.keys(answer.audit.events[0]).sort()).toEqual([
      'attachments',
      'body',
      'id',
      'public',
      'type',
    ]);
    expect(answer.ticket).not.toHaveProperty('created_at');
    expect(answer.ticket).not.toHaveProperty('external_id');
  });

  it('list comments without time, via or html, and users without role', async () => {
    fake = await FakeZendesk.start({ mode: 'minimal' });
    const id = await commentedTicket();
    const page = await call('GET', `tickets/${id}/comments.json?include=users`);
    expect(Object.keys(page).sort()).toEqual(['comments', 'next_page', 'users']);
    for (const comment of page.comments) {
      expect(Object.keys(comment).sort()).toEqual([
        'attachments',
        'author_id',
        'body',
        'id',
        'public',
        'type',
      ]);
    }
    for (const user of page.users) expect(user).not.toHaveProperty('role');
    const cursor = await call('GET', `tickets/${id}/comments.json?page[size]=1`);
    expect(cursor.meta).toEqual({ has_more: true, after_cursor: expect.any(String) });
    expect(cursor).not.toHaveProperty('links');
  });

  it('create a ticket answering the ticket alone, as the Create Ticket example does', async () => {
    fake = await FakeZendesk.start({ mode: 'minimal' });
    const answer = await call('POST', 'tickets.json', { ticket: { subject: 's', comment: { body: 'b' } } });
    expect(Object.keys(answer)).toEqual(['ticket']);
  });
});

describe('full answers', () => {
  it('carry the documented fields, and still no created_at or via on an audit Comment event', async () => {
    fake = await FakeZendesk.start();
    const id = fake.createEmailTicket({ subject: 'VPN', body: 'down' });
    const answer = await call('PUT', `tickets/${id}.json`, {
      ticket: { comment: { body: 'on it', public: true } },
    });
    expect(answer.audit).toMatchObject({
      id: expect.any(Number),
      ticket_id: Number(id),
      via: { channel: 'api' },
    });
    const event = answer.audit.events.find((e: { type: string }) => e.type === 'Comment');
    expect(Object.keys(event).sort()).toEqual([
      'attachments',
      'audit_id',
      'author_id',
      'body',
      'html_body',
      'id',
      'plain_body',
      'public',
      'type',
    ]);
    expect(answer.ticket).toMatchObject({
      created_at: expect.any(String),
      via: { channel: 'email' },
      brand_id: expect.any(Number),
    });
    const page = await call('GET', `tickets/${id}/comments.json?page[size]=1`);
    expect(page.links.next).toContain('page%5Bafter%5D=');
    expect(page.comments[0]).toMatchObject({ created_at: expect.any(String), via: { channel: 'email' } });
  });
});
