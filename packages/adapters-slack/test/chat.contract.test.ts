import { type ChatMarkup, chatPortContract } from '@zenslackchat/core/testing';
import { FAKE_SLACK_MODES, slackChatHarness } from '../src/fake/index.ts';
import { escapeSlack } from '../src/index.ts';

/** Slack's mrkdwn as people's messages carry it. */
const slackMarkup: ChatMarkup = {
  mention: (userId) => `<@${userId}>`,
  link: (url, label) => `<${url}|${label}>`,
  text: (plain) => escapeSlack(plain),
};

for (const mode of FAKE_SLACK_MODES)
  chatPortContract(
    `SlackChatAdapter on FakeSlack (${mode} answers)`,
    { findMessage: true, userProfiles: mode, downloads: true, fileUploads: true, messageUpdates: true },
    async () =>
      Object.assign(await slackChatHarness({ fake: { mode } }), {
        channel: 'C0SUPPORT',
        markup: slackMarkup,
      }),
  );
