import { isIntegrationError } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../src/fake/index.ts';
import { PagerDutyOnCallAdapter } from '../src/index.ts';
import { PAGERDUTY_FAILURE_CASES } from './pagerduty-failure-cases.ts';

let fake: FakePagerDuty;
beforeEach(async () => {
  fake = await FakePagerDuty.start();
  fake.setOnCall('PPOLICY', { primary: ['Ann Ames'], secondary: [] });
});
afterEach(() => fake.close());

describe('PagerDuty whoIsOnCall failures', () => {
  it.each(PAGERDUTY_FAILURE_CASES)('$name → $reason (retryable: $retryable)', async (failure) => {
    const adapter = new PagerDutyOnCallAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'token', apiToken: fake.apiToken },
      timeoutMs: 1000,
    });
    fake.answerNext('/oncalls', failure.answer);
    const error = await adapter.whoIsOnCall('PPOLICY').then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isIntegrationError(error)) throw new Error(`expected an IntegrationError, got ${String(error)}`);
    expect({ reason: error.reason, retryable: error.retryable, integration: error.integration }).toEqual({
      reason: failure.reason,
      retryable: failure.retryable,
      integration: 'pagerduty',
    });
    expect(error.retryAfterMs).toBe(failure.retryAfterMs);
    // A failure is not cached: the next look-up asks again and gets the answer.
    expect(await adapter.whoIsOnCall('PPOLICY')).toEqual({ primary: [{ name: 'Ann Ames' }], secondary: [] });
  });
});
