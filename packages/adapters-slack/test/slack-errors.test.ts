import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { IntegrationError } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';
import { reasonForSlackError, toSlackIntegrationError } from '../src/slack-errors.ts';

const platform = (error: string) => new WebAPIPlatformError({ ok: false, error });

describe('toSlackIntegrationError', () => {
  it('keeps the Retry-After of a rate limit, in ms', () => {
    const mapped = toSlackIntegrationError(new WebAPIRateLimitedError(7), 'chat.postMessage');
    expect([mapped.reason, mapped.retryAfterMs, mapped.integration]).toEqual(['RateLimited', 7000, 'slack']);
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'Unauthorized'],
    [404, 'NotFound'],
    [408, 'Unavailable'],
    [400, 'Invalid'],
    [502, 'Unavailable'],
    [503, 'Unavailable'],
  ] as const)('maps HTTP %i to %s', (status, reason) => {
    expect(toSlackIntegrationError(new WebAPIHTTPError(status, 'x', {}), 'm').reason).toBe(reason);
  });

  it.each([
    ['invalid_auth', 'Unauthorized'],
    ['not_authed', 'Unauthorized'],
    ['token_revoked', 'Unauthorized'],
    ['account_inactive', 'Unauthorized'],
    ['not_in_channel', 'Unauthorized'],
    ['channel_not_found', 'NotFound'],
    ['user_not_found', 'NotFound'],
    ['thread_not_found', 'NotFound'],
    ['message_not_found', 'NotFound'],
    ['ratelimited', 'RateLimited'],
    ['internal_error', 'Unavailable'],
    ['msg_too_long', 'Invalid'],
    ['invalid_arguments', 'Invalid'],
    ['is_archived', 'Invalid'],
  ] as const)('maps the platform error %s to %s', (code, reason) => {
    expect(reasonForSlackError(code)).toBe(reason);
    const mapped = toSlackIntegrationError(platform(code), 'chat.postMessage');
    expect([mapped.reason, mapped.message]).toEqual([reason, `Slack chat.postMessage: ${code}`]);
  });

  it('maps network failures and timeouts to Unavailable, keeping the cause', () => {
    const timeout = new WebAPIRequestError(Object.assign(new Error('aborted'), { name: 'TimeoutError' }));
    const refused = new WebAPIRequestError(new Error('connect ECONNREFUSED'));
    expect(toSlackIntegrationError(timeout, 'auth.test').message).toBe('Slack auth.test: timed out');
    expect(toSlackIntegrationError(refused, 'auth.test')).toMatchObject({
      reason: 'Unavailable',
      cause: refused,
    });
  });

  it('passes IntegrationErrors through and treats anything else as Unavailable', () => {
    const own = new IntegrationError('Unauthorized', 'not installed');
    expect(toSlackIntegrationError(own, 'm')).toBe(own);
    expect(toSlackIntegrationError('boom', 'm').reason).toBe('Unavailable');
  });

  it('maps a 429 without Retry-After to RateLimited without a wait', async () => {
    const fake = await FakeSlack.start();
    try {
      fake.failNext('rate-limited', { retryAfterMs: 0 });
      const chat = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url });
      await expect(chat.whoAmI()).rejects.toMatchObject({ reason: 'RateLimited', retryAfterMs: undefined });
    } finally {
      await fake.close();
    }
  });
});
