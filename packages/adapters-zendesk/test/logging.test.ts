import type { LogFields, Logger } from '@zenslackchat/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';
import { ZendeskTicketAdapter } from '../src/index.ts';

let fake: FakeZendesk;
beforeEach(async () => {
  fake = await FakeZendesk.start({ apiToken: 'api-token-DO-NOT-LOG' });
});
afterEach(() => fake.close());

it('logs no token, email or message text at any level', async () => {
  const lines: { level: string; fields: LogFields; message: string }[] = [];
  const at = (level: string) => (fields: LogFields, message: string) =>
    void lines.push({ level, fields, message });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const port = new ZendeskTicketAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'token', email: fake.agentEmail, apiToken: 'api-token-DO-NOT-LOG' },
    ticketUrl: 'https://x/agent/tickets',
    logger,
  });
  const ticket = await port.createTicket({
    idempotencyKey: 'k',
    subject: 'secret subject',
    description: 'secret description',
    externalId: 'e',
    requester: { name: 'Ada', email: 'ada@example.com' },
  });
  await port.addComment(ticket.id, { body: 'secret reply', public: true });
  fake.failNext('rate-limited');
  await expect(port.listCommentsAfter(ticket.id, null)).rejects.toThrow();
  const text = JSON.stringify(lines);
  expect(lines.length).toBeGreaterThan(3);
  for (const secret of ['api-token-DO-NOT-LOG', 'ada@example.com', fake.agentEmail, 'secret']) {
    expect(text).not.toContain(secret);
  }
});
