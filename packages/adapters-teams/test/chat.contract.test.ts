import { chatPortContract } from '@zenslackchat/core/testing';
import { teamsChatHarness } from '../src/fake/index.ts';

chatPortContract('TeamsChatAdapter on FakeTeams', { findMessage: true, messageUpdates: true }, () =>
  teamsChatHarness(),
);
