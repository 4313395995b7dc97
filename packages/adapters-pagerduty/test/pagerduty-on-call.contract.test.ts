import { onCallPortContract } from '@zenslackchat/core/testing';
import { pagerDutyOnCallHarness } from '../src/fake/index.ts';

onCallPortContract('PagerDutyOnCallAdapter (API key) on FakePagerDuty', () => pagerDutyOnCallHarness());
onCallPortContract('PagerDutyOnCallAdapter (OAuth Bearer) on FakePagerDuty', () =>
  pagerDutyOnCallHarness({ authKind: 'oauth' }),
);
