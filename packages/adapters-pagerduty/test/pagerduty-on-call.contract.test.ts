import { onCallPortContract } from '@zenslackchat/core/testing';
import { FAKE_PAGERDUTY_MODES, pagerDutyOnCallHarness } from '../src/fake/index.ts';

for (const mode of FAKE_PAGERDUTY_MODES) {
  onCallPortContract(`PagerDutyOnCallAdapter (API key) on FakePagerDuty (${mode} answers)`, () =>
    pagerDutyOnCallHarness({ mode }),
  );
  onCallPortContract(`PagerDutyOnCallAdapter (OAuth Bearer) on FakePagerDuty (${mode} answers)`, () =>
    pagerDutyOnCallHarness({ authKind: 'oauth', mode }),
  );
}
