import type { OnCallHarness } from '@zenslackchat/core/testing';
import type { PagerDutyAuth, PagerDutyOnCallOptions } from '../pagerduty-config.ts';
import { PagerDutyOnCallAdapter } from '../pagerduty-on-call-adapter.ts';
import type { FakePagerDutyMode } from './fake-oncalls.ts';
import { FakePagerDuty } from './fake-pagerduty.ts';

/** The adapter's options the harness lets a test override, and which kind of credential it uses. */
export type PagerDutyHarnessOptions = Partial<Omit<PagerDutyOnCallOptions, 'apiUrl' | 'auth'>> & {
  /** `token` (API key, default) or `oauth` (a Bearer token the fake issued, through a getter). */
  readonly authKind?: PagerDutyAuth['kind'];
  /** Which answers the fake gives (default `full`). */
  readonly mode?: FakePagerDutyMode;
};

/**
 * A fresh `PagerDutyOnCallAdapter` against a fresh `FakePagerDuty`, for the core's contract suite.
 * The cache is off by default (the suite changes who is on call between calls) and the timeout short.
 */
export async function pagerDutyOnCallHarness(
  options: PagerDutyHarnessOptions = {},
): Promise<OnCallHarness & { readonly fake: FakePagerDuty }> {
  const { authKind = 'token', mode = 'full', ...adapterOptions } = options;
  const fake = await FakePagerDuty.start({ mode });
  const { accessToken } = fake.issueTokens();
  const auth: PagerDutyAuth =
    authKind === 'oauth'
      ? { kind: 'oauth', accessToken: async () => accessToken }
      : { kind: 'token', apiToken: fake.apiToken };
  const port = new PagerDutyOnCallAdapter({
    timeoutMs: 1500,
    cacheTtlMs: 0,
    ...adapterOptions,
    auth,
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
