import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue, reply } from '../support/issue-steps.ts';
import { TICKET_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

/** A ticket update (`PUT /api/v2/tickets/{id}`): the comment of a reply, or a resolve's solve. */
const ticketUpdate = (method: string, path: string) =>
  method === 'PUT' && /\/tickets\/\d+(\.json)?$/.test(path);

/** A bot behind a Zendesk proxy that can hold answers back, started fresh for a describe block. */
function proxiedBot(name: string, env: Readonly<Record<string, string>> = {}) {
  let bot: BotFixture | undefined;
  beforeAll(async () => {
    bot = await BotFixture.start({ name, zendeskOutageProxy: true, env });
  });
  afterAll(async () => {
    await bot?.close();
  });
  return () => {
    if (bot?.zendeskProxy === undefined) throw new Error('bot not started');
    return { bot, proxy: bot.zendeskProxy };
  };
}

// Exactly-once by guarantee, not timing: a job run twice at once, and the comment webhook racing
// the bot's own comment. The proxy in front of the fake Zendesk holds an answer back while the
// vendor has already done the work, so the overlap is certain, not a matter of luck.
describe.concurrent('overlapping runs', () => {
  describe('a re-dispatched job', () => {
    const started = proxiedBot('chaos_redispatch');
    it('a job re-dispatched while its first run still runs makes one side effect', async () => {
      const { bot, proxy } = started();
      const logged = (text: string) => bot.server.logs.some((line) => line.text.includes(text));
      const issue = await raiseIssue(bot, ALICE.id, 'Build agents are offline');
      await bot.settle();
      const held = proxy.holdNextResponse(ticketUpdate);
      await reply(bot, ALICE.id, issue.ts, 'resolve');
      await held.reached;
      // What pg-boss does to a job whose run lost its heartbeat: back to `retry`, for any worker.
      const redispatched = await bot.database.query<{ id: string }>(
        `update pgboss.job set state = 'retry', start_after = now()
        where name = 'chat-message' and state = 'active' returning id`,
      );
      expect(redispatched).toHaveLength(1);
      await waitFor(() => logged('is being performed by another run'), {
        what: 'the second run refused while the first holds the lease',
      });
      held.release();
      await bot.settle();
      const confirmation = messages.resolvedConfirmation(`${TICKET_URI}/${issue.ticketId}`);
      expect(botPostsIn(bot, issue.ts).filter((post) => post === confirmation)).toHaveLength(1);
      expect(bot.vendors.zendesk.ticket(issue.ticketId)?.status).toBe('solved');
    });
  });

  describe('the comment webhook racing a reply', () => {
    // No ZENDESK_USER_ID: the bot learns its Zendesk identity from GET /users/me.
    const started = proxiedBot('chaos_echo_race', { ZENDESK_USER_ID: '' });

    it('a chat reply is not echoed when the comment webhook races it (ZENDESK_USER_ID unset)', async () => {
      const { bot, proxy } = started();
      const { zendesk } = bot.vendors;
      const issue = await raiseIssue(bot, ALICE.id, 'Printer queue stuck');
      await bot.settle();
      const held = proxy.holdNextResponse(ticketUpdate);
      await reply(bot, BOB.id, issue.ts, 'Same on the second floor');
      await held.reached;
      // The comment exists in Zendesk; its trigger fires before the bot has heard back.
      expect(zendesk.comments(issue.ticketId).some((c) => c.body.includes('Same on the second floor'))).toBe(
        true,
      );
      const body = { token: bot.secrets.webhookToken, chat_id: '', ticket_id: String(issue.ticketId) };
      expect((await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status).toBe(
        200,
      );
      await waitFor(
        async () => {
          const [row] = await bot.database.query<{ n: string }>(
            `select count(*) as n from pgboss.job where name = 'ticket-comment' and state = 'completed'`,
          );
          return Number(row?.n) >= 1;
        },
        { what: 'the comment notice handled while the reply is in flight' },
      );
      held.release();
      await bot.settle();
      expect((await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status).toBe(
        200,
      );
      await bot.settle();
      expect(botPostsIn(bot, issue.ts).filter((post) => post.includes('Same on the second floor'))).toEqual(
        [],
      );
      expect(zendesk.requests.some((r) => r.method === 'GET' && r.path.startsWith('/api/v2/users/me'))).toBe(
        true,
      );
    });
  });
});
