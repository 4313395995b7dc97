import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptInput } from '../src/events/slack-events-config.ts';
import { slackEventsPlugin } from '../src/events/slack-events-plugin.ts';
import { FakeSlack, fileShareEvent } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

const SECRET = 'loop-secret';
let fake: FakeSlack;
let app: FastifyInstance;
let accepted: AcceptInput[];

beforeEach(async () => {
  accepted = [];
  const seen = new Set<string>();
  fake = await FakeSlack.start();
  app = Fastify();
  await app.register(slackEventsPlugin, {
    signingSecret: SECRET,
    accept: async (input) => {
      accepted.push(input);
      if (seen.has(input.eventId)) return 'duplicate';
      seen.add(input.eventId);
      return 'accepted';
    },
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  fake.connectApp({ requestUrl: `${address}/slack/events/`, signingSecret: SECRET, echoBotPosts: true });
});
afterEach(async () => {
  await fake.close();
  await app.close();
});

describe('FakeSlack delivering events to the events endpoint', () => {
  it('delivers a person’s message, signed, and a redelivery of the same event as a duplicate', async () => {
    const { ts, delivery } = await fake.postAsUser({ channel: 'C1', user: 'U0ALICE', text: 'help!' });
    expect(delivery.status).toBe(200);
    expect(accepted[0]?.event).toMatchObject({
      channel: 'C1',
      messageId: ts,
      userId: 'U0ALICE',
      text: 'help!',
    });
    const retry = await fake.deliverEvent(
      { type: 'message', channel: 'C1', ts, user: 'U0ALICE', text: 'help!' },
      {
        eventId: delivery.eventId,
        retryNum: 1,
        retryReason: 'http_timeout',
      },
    );
    expect(JSON.parse(retry.body)).toMatchObject({ status: 'duplicate' });
    expect(accepted[1]?.retryNum).toBe(1);
  });

  it('echoes the bot’s own posts back as events carrying its bot id', async () => {
    const { ts } = await fake.postAsUser({ channel: 'C1', user: 'U0ALICE', text: 'help!' });
    const chat = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url });
    const reply = await chat.postMessage({ channel: 'C1', threadId: ts, text: 'On it', key: 'k' });
    await fake.settle();
    expect(accepted[1]?.event).toMatchObject({
      messageId: reply.id,
      threadId: ts,
      botId: 'B0BOT',
      userId: 'U0BOT',
    });
  });

  it('delivers fixture events such as a file share', async () => {
    const delivery = await fake.deliverEvent(fileShareEvent);
    expect(delivery.status).toBe(200);
    expect(accepted[0]?.event.files).toHaveLength(1);
  });
});
