import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

/** A documented Slack answer from test/fixtures/slack (sources in SOURCES.md there). */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/slack/${name}.json`, import.meta.url), 'utf8'));

let fake: FakeSlack;
let slack: SlackChatAdapter;
beforeEach(async () => {
  fake = await FakeSlack.start();
  slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url, timeoutMs: 2000, unknownUserTtlMs: 0 });
});
afterEach(() => fake.close());

describe('the adapter reads what it needs from Slack’s documented answers', () => {
  it('chat.postMessage: the posted message’s ts', async () => {
    fake.answerNext('chat.postMessage', { body: fixture('chat.postMessage') });
    expect(await slack.postMessage({ channel: 'C1H9RESGL', text: 'hi', key: 'k' })).toEqual({
      id: '1503435956.000247',
    });
  });

  it('chat.getPermalink: the permalink', async () => {
    fake.answerNext('chat.getPermalink', { body: fixture('chat.getPermalink') });
    expect(await slack.permalink('C1H9RESGA', '1358546515.000008')).toBe(
      'https://ghostbusters.slack.com/archives/C1H9RESGA/p135854651500008',
    );
  });

  it('auth.test: the bot user id, with no bot_id in the example', async () => {
    fake.answerNext('auth.test', { body: fixture('auth.test') });
    expect(await slack.whoAmI()).toEqual({ userId: 'W12345678' });
  });

  it.each([
    ['member', 'W012A3CDE', { name: 'spengler', email: 'spengler@ghostbusters.example.com' }],
    ['guest', 'W0GUEST01', { name: 'janine' }],
    ['slack-connect', 'U0EXTERN1', { name: 'Louis Tully' }],
    ['bot', 'U0SLIMER1', { name: 'Slimer' }],
    ['minimal', 'W0MINIMAL', { name: 'venkman' }],
  ] as const)('users.info (%s): id, a name and only a given email', async (kind, id, expected) => {
    fake.answerNext('users.info', { body: fixture(`users.info.${kind}`) });
    const user = await slack.getUser(id);
    expect(user).toEqual({ id, ...expected });
  });

  it('conversations.history: messages without metadata match no key; the page is read once', async () => {
    fake.answerNext('conversations.history', { body: fixture('conversations.history') });
    fake.answerNext('conversations.history', { body: fixture('conversations.history.metadata') });
    expect(await slack.findMessage('C1', undefined, 'report:2017-11-30')).toBeUndefined();
    expect(await slack.findMessage('C1', undefined, 'report:2017-11-30')).toEqual({
      id: '1512104434.000490',
    });
  });

  it('conversations.replies: follows next_cursor from the documented page, then ends', async () => {
    fake.answerNext('conversations.replies', { body: fixture('conversations.replies') });
    expect(await slack.findMessage('C1', '1482960137.003543', 'c2t:1')).toBeUndefined();
    const replies = fake.calls.filter((c) => c.method === 'conversations.replies');
    expect(replies.map((c) => c.params.cursor)).toEqual([undefined, 'bmV4dF90czoxNDg0Njc4MjkwNTE3MDkx']);
  });
});
