import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { concurrently } from '../support/concurrently.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { findLeaks, labelled } from '../support/log-scan.ts';
import { deliverOnce, type SlackEventDelivery } from '../support/slack-deliveries.ts';
import { waitFor } from '../support/wait-for.ts';
import { buildWorkload, EXACTLY_ONCE, exactOnceReport, type Workload } from '../support/workload.ts';

const TOPS = 400;
const REPLIES = 100;

// 500 Slack events (400 new requests, 100 replies), each delivered 4 times as Slack's retries
// would: the first two at once (a retry racing a slow first delivery), then two more.
describe('retry storm', () => {
  let bot: BotFixture;
  let workload: Workload;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'chaos_storm' });
    workload = buildWorkload(bot, 'storm', TOPS, REPLIES);
  });
  afterAll(async () => {
    await bot?.close();
  });

  async function storm(deliveries: readonly SlackEventDelivery[]): Promise<number[]> {
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const statuses = await concurrently(deliveries, 16, async (delivery) => {
      const racing = await Promise.all([deliverOnce(target, delivery), deliverOnce(target, delivery, 1)]);
      return [...racing, await deliverOnce(target, delivery, 2), await deliverOnce(target, delivery, 3)];
    });
    return statuses.flat();
  }

  it('makes one ticket per request, one comment per reply and one confirmation each', {
    timeout: 180_000,
  }, async () => {
    const statuses = [...(await storm(workload.tops)), ...(await storm(workload.replies))];
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(statuses).toHaveLength(4 * (TOPS + REPLIES));
    await waitFor(
      () =>
        exactOnceReport(bot, workload).missingComments === 0 && bot.vendors.zendesk.tickets.length >= TOPS,
      {
        timeoutMs: 150_000,
        intervalMs: 500,
        what: 'every request and reply to reach Zendesk',
      },
    );
    await bot.settle(60_000);
    expect(exactOnceReport(bot, workload)).toEqual(EXACTLY_ONCE);
    expect(bot.vendors.zendesk.tickets).toHaveLength(TOPS);
    expect(await queueCounts(bot.database)).toMatchObject({ deadLetters: 0, failed: 0 });
  });

  it('logged no secret, token, email or message text at the default level', () => {
    const leaks = findLeaks(bot.server.logs, {
      ...labelled('secret', bot.secretValues),
      ...labelled('text', workload.texts),
      aliceEmail: ALICE.email,
      bobEmail: BOB.email,
    });
    expect(leaks).toEqual([]);
    expect(bot.server.logs.length).toBeGreaterThan(100);
  });
});
