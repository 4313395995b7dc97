import { describe, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';
import { ZendeskTicketAdapter } from '../src/index.ts';

// Without ZENDESK_USER_ID the bot learns its own Zendesk identity from GET /users/me, so its
// comments (written as the authenticated user) are recognised and never forwarded back to chat.
describe.each(['full', 'minimal'] as const)('whoAmI against a %s fake', (mode) => {
  async function adapter(agentId?: string) {
    const fake = await FakeZendesk.start({ mode });
    const port = new ZendeskTicketAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'token', email: fake.agentEmail, apiToken: fake.apiToken },
      ticketUrl: 'https://example.zendesk.com/agent/tickets',
      ...(agentId === undefined ? {} : { agentId }),
    });
    return { fake, port };
  }

  it('names the authenticated user, the author of the comments it adds', async () => {
    const { fake, port } = await adapter();
    try {
      const me = await port.whoAmI();
      expect(me.id).toBe(String(fake.agent.id));
      const ticket = await port.createTicket({
        idempotencyKey: 'k',
        subject: 's',
        description: 'd',
        externalId: 'x:1',
      });
      const { id } = await port.addComment(ticket.id, { body: 'From chat', public: true });
      const comments = await port.listCommentsAfter(ticket.id, null);
      expect(comments.find((c) => c.id === id)?.author.id).toBe(me.id);
    } finally {
      await fake.close();
    }
  });

  it('answers the configured agent without asking Zendesk', async () => {
    const { fake, port } = await adapter('12345');
    try {
      const before = fake.apiRequestCount();
      expect(await port.whoAmI()).toEqual({ id: '12345' });
      expect(fake.apiRequestCount()).toBe(before);
    } finally {
      await fake.close();
    }
  });
});
