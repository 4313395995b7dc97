import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue } from '../support/issue-steps.ts';
import { TICKET_URI } from '../support/test-env.ts';

// PagerDuty failing (5xx, or answering after 10 s) must never cost an issue its ticket or its
// confirmation: the on-call notice is simply left out.
describe('with PagerDuty down', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_pd_down' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each([
    ['answering 503', 'unavailable'],
    ['answering after 10 s', 'timeout'],
  ] as const)('still opens the ticket and confirms it when PagerDuty is %s', async (_name, kind) => {
    const { pagerDuty } = bot.vendors;
    const asked = () => pagerDuty.requests.filter((r) => r.path === '/oncalls').length;
    const before = asked();
    pagerDuty.failNext(kind, { count: 1000 });
    const started = Date.now();
    const issue = await raiseIssue(bot, ALICE.id, `Deploys are failing (${kind})`);
    expect(Date.now() - started).toBeLessThan(10_000);
    await bot.settle();
    expect(asked()).toBeGreaterThan(before);
    expect(botPostsIn(bot, issue.ts)).toEqual([
      messages.ticketConfirmation(`${TICKET_URI}/${issue.ticketId}`),
    ]);
  });
});
