import type { OnCallHarness } from '@zenslackchat/core/testing';
import type { PagerDutyOnCallOptions } from '../pagerduty-config.ts';
import { PagerDutyOnCallAdapter } from '../pagerduty-on-call-adapter.ts';
import { FakePagerDuty } from './fake-pagerduty.ts';

/** The adapter's options the harness lets a test override. */
export type PagerDutyHarnessOptions = Partial<Omit<PagerDutyOnCallOptions, 'apiUrl'>>;

/**
 * A fresh `PagerDutyOnCallAdapter` against a fresh `FakePagerDuty`, for the core's contract suite.
 * The cache is off by default (the suite changes who is on call between calls) and the timeout short.
 */
export async function pagerDutyOnCallHarness(
  options: PagerDutyHarnessOptions = {},
): Promise<OnCallHarness & { readonly fake: FakePagerDuty }> {
  const fake = await FakePagerDuty.start();
  const port = new PagerDutyOnCallAdapter({
    auth: { kind: 'token', apiToken: fake.apiToken },
    timeoutMs: 500,
    cacheTtlMs: 0,
    ...options,
    apiUrl: fake.apiUrl,
  });
  return {
    port,
    fake,
    setOnCall: (policyId, onCall) => fake.setOnCall(policyId, onCall),
    failNext: (kind, faultOptions) => fake.failNext(kind, faultOptions),
    close: () => fake.close(),
  };
}
