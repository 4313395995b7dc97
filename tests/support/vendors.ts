import { FakePagerDuty } from '@zenslackchat/adapters-pagerduty/fake';
import { FakeSlack } from '@zenslackchat/adapters-slack/fake';
import { type FakeMode, FakeZendesk } from '@zenslackchat/adapters-zendesk/fake';

/** The three fake vendors a bot under test talks to, each on its own local port. */
export interface Vendors {
  readonly slack: FakeSlack;
  readonly zendesk: FakeZendesk;
  readonly pagerDuty: FakePagerDuty;
}

/** How much the fakes' answers carry (see each fake's `mode`); `full` by default. */
export interface VendorModes {
  readonly zendesk?: FakeMode;
}

/** Starts the fake Slack, Zendesk and PagerDuty servers. */
export async function startVendors(modes: VendorModes = {}): Promise<Vendors> {
  const [slack, zendesk, pagerDuty] = await Promise.all([
    FakeSlack.start(),
    FakeZendesk.start({ mode: modes.zendesk ?? 'full' }),
    FakePagerDuty.start(),
  ]);
  return { slack, zendesk, pagerDuty };
}

/** Stops the three fakes. */
export async function closeVendors(vendors: Vendors): Promise<void> {
  await Promise.all([vendors.slack.close(), vendors.zendesk.close(), vendors.pagerDuty.close()]);
}
