import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type ZendeskTicketHarness, zendeskTicketHarness } from '../src/fake/index.ts';
import { type ZendeskWebhookInput, zendeskWebhooksPlugin } from '../src/index.ts';

// The pieces as the server joins them: Zendesk's triggers post to the plugin, accept records the
// notice (here: a list, deduplicated by the plugin's signed delivery id), a job later reads the
// new comments.
let h: ZendeskTicketHarness;
let app: FastifyInstance;
const queued: ZendeskWebhookInput[] = [];
const seen = new Set<string>();

beforeEach(async () => {
  h = await zendeskTicketHarness();
  queued.length = 0;
  seen.clear();
  app = Fastify();
  await app.register(zendeskWebhooksPlugin, {
    webhookToken: 'hook-token',
    signingSecret: 'hook-secret',
    accept: async (input) => {
      if (input.deliveryId && seen.has(input.deliveryId)) return 'duplicate';
      if (input.deliveryId) seen.add(input.deliveryId);
      queued.push(input);
      return 'accepted';
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  h.fake.setWebhooks({
    commentUrl: `http://127.0.0.1:${port}/zendesk/webhook/`,
    emailUrl: `http://127.0.0.1:${port}/zendesk/email/webhook/`,
    token: 'hook-token',
    signingSecret: 'hook-secret',
  });
});
afterEach(async () => {
  await app.close();
  await h.close();
});

it('an agent comment reaches accept, a re-signed redelivery under its own id, and the job reads just that comment', async () => {
  const ticket = await h.port.createTicket({
    idempotencyKey: 'k',
    subject: 's',
    description: 'd',
    externalId: 'C1:1.1',
  });
  const commentId = h.fake.addComment(ticket.id, { body: 'On it', authorName: 'Grace' });
  const delivery = await h.fake.notifyComment(ticket.id);
  const redelivery = await h.fake.notifyComment(ticket.id, delivery.invocationId);
  expect([delivery.status, redelivery.status]).toEqual([200, 200]);
  // The invocation id header is not signed, so it alone never decides a duplicate: a redelivery
  // signed anew is a second notice (the job reading comments after the cursor finds nothing new).
  const notice = { kind: 'comment', ticketId: ticket.id, externalId: 'C1:1.1' };
  expect(queued).toEqual([
    { ...notice, deliveryId: expect.stringMatching(/^zd-/) },
    { ...notice, deliveryId: expect.stringMatching(/^zd-/) },
  ]);
  const before = h.requestCount();
  const comments = await h.port.listCommentsAfter(ticket.id, ticket.firstCommentId);
  expect(comments.map((c) => [c.id, c.body, c.author.name])).toEqual([[commentId, 'On it', 'Grace']]);
  expect(h.requestCount() - before).toBe(1);
});

it('an emailed ticket reaches accept, and the job reads and links it', async () => {
  const ticketId = h.fake.createEmailTicket({
    subject: 'VPN',
    body: 'down',
    requesterEmail: 'ada@example.com',
  });
  expect((await h.fake.notifyEmailTicket(ticketId)).status).toBe(200);
  expect(queued).toEqual([expect.objectContaining({ kind: 'email', ticketId })]);
  const ticket = await h.port.getTicket(ticketId);
  expect(ticket?.requester?.email).toBe('ada@example.com');
  const { groupId, agentId } = h.fixtures;
  await h.port.linkTicket(ticketId, { externalId: 'C1:2.2', groupId, assigneeId: agentId });
  expect(h.fake.ticket(ticketId)).toMatchObject({ external_id: 'C1:2.2', assignee_id: Number(agentId) });
});
