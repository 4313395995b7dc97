import { describe, expect } from 'vitest';
import { describeVendorOutage } from '../support/vendor-outage-scenario.ts';

// Zendesk down for a simulated 2 hours, on a clock scaled 1:360 so it takes 20 s: the production
// retry policy (5 s doubling to a 15-minute cap, for 24 hours) becomes 1 s (pg-boss's minimum)
// doubling to a 2-s cap (2.5 s scaled, rounded down: pg-boss takes whole seconds), for 240 s. The
// outage is then, as at full scale, about ten capped delays long and a twelfth of the budget.
const SCALED_POLICY = {
  JOB_RETRY_DELAY_SECONDS: '1',
  JOB_RETRY_DELAY_MAX_SECONDS: '2',
  JOB_RETRY_BUDGET_HOURS: String(240 / 3600),
};
// 1 + 2 × 120 s ≥ 240 s: the fewest retries whose shortest delays cover the budget.
const SCALED_RETRY_LIMIT = 121;

describe('Zendesk down for a simulated 2 hours', () => {
  describeVendorOutage(
    '503 for a simulated 2 hours (20 s at 1:360)',
    'out2h',
    { status: 503 },
    {
      outageMs: 20_000,
      env: SCALED_POLICY,
      before: 4,
      during: 12,
      agentComments: 3,
      alsoCheck: async (bot) => {
        const limits = await bot.database.query<{ name: string; retry_limit: number }>(
          `select name, retry_limit from pgboss.queue where name in ('chat-message', 'ticket-comment')`,
        );
        expect(limits.map((q) => q.retry_limit)).toEqual([SCALED_RETRY_LIMIT, SCALED_RETRY_LIMIT]);
        // The outage really outlasted several retries (the jobs kept their place and got through).
        const [most] = await bot.database.query<{ retries: number }>(
          `select max(retry_count)::int as retries from pgboss.job where name in ('chat-message', 'ticket-comment')`,
        );
        expect(most?.retries).toBeGreaterThanOrEqual(3);
      },
    },
  );
});
