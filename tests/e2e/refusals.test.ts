import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { messageEnvelope, postSlackEvent } from '../support/slack-requests.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

// Requests that must be refused before anything is recorded: unsigned, badly signed and stale
// Slack events; Zendesk webhooks with a wrong token or a bad, missing or stale signature.
describe('requests the bot refuses', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_refusals' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  const event = (id: string) =>
    JSON.stringify(
      messageEnvelope(
        { channel: SUPPORT_CHANNEL, user: ALICE.id, text: 'refuse me', ts: `1700000000.00${id}` },
        `Ev0REFUSE${id}`,
      ),
    );

  it('answers the url_verification challenge when signed', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-3po-r2d2', type: 'url_verification' });
    const answer = await postSlackEvent(bot.url, bot.secrets.signingSecret, body);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('c-3po-r2d2');
  });

  it.each([
    ['unsigned', { secret: null }],
    ['signed with the wrong secret', { secret: 'not-the-signing-secret' }],
    ['signed 10 minutes ago', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ['signed 10 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 600 }],
  ] as const)('refuses a Slack event %s with 401', async (_name, options) => {
    const answer = await postSlackEvent(
      bot.url,
      bot.secrets.signingSecret,
      event(String(_name.length)),
      options,
    );
    expect(answer.status).toBe(401);
  });

  it('refuses a signed body that was altered after signing', async () => {
    const body = event('77');
    const headers = signSlackRequest(body, bot.secrets.signingSecret, Math.floor(Date.now() / 1000));
    const response = await fetch(`${bot.url}/slack/events/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body.replace('refuse me', 'refuse us'),
    });
    expect(response.status).toBe(401);
  });

  it.each([
    ['with a wrong token', { token: 'wrong-token-value', ticket_id: '1' }, {}],
    ['without a token', { ticket_id: '1' }, {}],
    ['with a bad signature', undefined, { secret: 'not-the-webhook-secret' }],
    ['without a signature', undefined, { secret: null }],
    ['with a stale signature', undefined, { at: new Date(Date.now() - 10 * 60_000) }],
  ] as const)('refuses a Zendesk webhook %s with 403', async (_name, body, options) => {
    const payload = body ?? { token: bot.secrets.webhookToken, chat_id: '', ticket_id: '1' };
    for (const target of ['comment', 'email'] as const) {
      const answer = await postZendeskWebhook(bot.url, target, payload, bot.secrets.webhookSecret, options);
      expect(answer.status).toBe(403);
    }
  });

  it('recorded and enqueued nothing for any refused request', async () => {
    await bot.settle();
    const counts = await queueCounts(bot.database);
    const [jobs] = await bot.database.query<{ n: string }>(
      `select count(*) as n from pgboss.job where name in ('chat-message', 'ticket-comment', 'email-ticket')
         and data::text like '%refuse%'`,
    );
    expect(Number(jobs?.n)).toBe(0);
    expect(counts.deadLetters).toBe(0);
    expect(bot.vendors.zendesk.tickets.filter((t) => t.subject.includes('refuse'))).toEqual([]);
  });
});
