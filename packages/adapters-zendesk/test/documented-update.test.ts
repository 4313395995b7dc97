import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';

// Issue 12, section 1: Zendesk's update answer has no `created_at` on the audit's Comment event
// (and its audits page example has no `author_id`); addComment used to throw Invalid on it.
function fixture(name: string): unknown {
  const { _source, ...body } = JSON.parse(
    readFileSync(new URL(`fixtures/zendesk/${name}`, import.meta.url), 'utf8'),
  );
  expect(_source).toMatch(/^https:\/\/developer\.zendesk\.com\//);
  return body;
}

let h: ZendeskTicketHarness;
let ticketId: string;
beforeEach(async () => {
  h = await zendeskTicketHarness();
  ticketId = (
    await h.port.createTicket({ idempotencyKey: 'k', subject: 's', description: 'd', externalId: 'e' })
  ).id;
});
afterEach(() => h.close());

describe('addComment on the documented update answer', () => {
  for (const [name, id] of [
    ['update-ticket-comment.json', '1564245'],
    ['update-ticket-comment-reference.json', '1564247'],
  ] as const) {
    it(`returns the Comment event's id (${name})`, async () => {
      h.fake.failNext('malformed', { status: 200, body: fixture(name), method: 'PUT' });
      await expect(
        h.port.addComment(ticketId, { body: 'Thanks for your help!', public: true }),
      ).resolves.toEqual({
        id,
      });
    });
  }

  it('the fake answers a comment update as documented: no created_at or via on the Comment event', async () => {
    const auth = Buffer.from(`${h.fake.agentEmail}/token:${h.fake.apiToken}`).toString('base64');
    const response = await fetch(`${h.fake.apiUrl}/tickets/${ticketId}.json`, {
      method: 'PUT',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { comment: { body: 'hello', public: true } } }),
    });
    const { audit } = (await response.json()) as { audit: { events: Record<string, unknown>[] } };
    const event = audit.events.find((candidate) => candidate.type === 'Comment');
    expect(event).toMatchObject({ type: 'Comment', body: 'hello', public: true });
    expect(event).not.toHaveProperty('created_at');
    expect(event).not.toHaveProperty('via');
  });
});
