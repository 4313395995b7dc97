import { isIntegrationError } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';
import { SLACK_FAILURE_CASES } from './slack-failure-cases.ts';

let fake: FakeSlack;
let slack: SlackChatAdapter;
beforeEach(async () => {
  fake = await FakeSlack.start({ channels: ['C0SUPPORT'] });
  fake.addUser({ id: 'U0ALICE', name: 'Alice', email: 'alice@example.com' });
  slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url, timeoutMs: 500, unknownUserTtlMs: 0 });
});
afterEach(() => fake.close());

const calls = {
  'chat.postMessage': () => slack.postMessage({ channel: 'C0SUPPORT', text: 'hello', key: 'k' }),
  'users.info': () => slack.getUser('U0ALICE'),
  'chat.getPermalink': async () => {
    const ts = fake.addMessage({ channel: 'C0SUPPORT', text: 'x', user: 'U0ALICE' });
    return slack.permalink('C0SUPPORT', ts);
  },
} as const;

describe.each(Object.keys(calls) as (keyof typeof calls)[])('Slack %s failures', (method) => {
  it.each(SLACK_FAILURE_CASES)('$name → $reason (retryable: $retryable)', async (failure) => {
    fake.answerNext(method, failure.answer);
    const error = await calls[method]().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isIntegrationError(error)) throw new Error(`expected an IntegrationError, got ${String(error)}`);
    expect({ reason: error.reason, retryable: error.retryable, integration: error.integration }).toEqual({
      reason: failure.reason,
      retryable: failure.retryable,
      integration: 'slack',
    });
    expect(error.retryAfterMs).toBe(failure.retryAfterMs);
    // The same call succeeds once Slack answers normally again.
    await expect(calls[method]()).resolves.toBeDefined();
  });

  it.runIf(method === 'users.info')('user_not_found (Slack’s own answer) is an unknown user', async () => {
    fake.answerNext('users.info', { body: { ok: false, error: 'user_not_found' } });
    expect(await slack.getUser('U0ALICE')).toBeUndefined();
  });
});
