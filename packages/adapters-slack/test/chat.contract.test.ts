import { type ChatMarkup, chatPortContract } from '@zenslackchat/core/testing';
import { slackChatHarness } from '../src/fake/index.ts';
import { escapeSlack } from '../src/index.ts';

/** Slack's mrkdwn as people's messages carry it. */
const slackMarkup: ChatMarkup = {
  mention: (userId) => `<@${userId}>`,
  link: (url, label) => `<${url}|${label}>`,
  text: (plain) => escapeSlack(plain),
};

chatPortContract('SlackChatAdapter on FakeSlack', { findMessage: true }, async () =>
  Object.assign(await slackChatHarness(), { channel: 'C0SUPPORT', markup: slackMarkup }),
);
