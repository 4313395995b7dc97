import { onCallPortContract } from '@zenslackchat/core/testing';
import { pagerDutyOnCallHarness } from '../src/fake/index.ts';

onCallPortContract('PagerDutyOnCallAdapter against FakePagerDuty', () => pagerDutyOnCallHarness());
