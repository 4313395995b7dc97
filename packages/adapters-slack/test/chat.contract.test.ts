import { chatPortContract } from '@zenslackchat/core/testing';
import { slackChatHarness } from '../src/fake/index.ts';

chatPortContract('SlackChatAdapter on FakeSlack', { findMessage: true }, () => slackChatHarness());
