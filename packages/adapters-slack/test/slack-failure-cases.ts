import type { IntegrationReason } from '@zenslackchat/core';
import type { CannedAnswer } from '../src/fake/index.ts';

/** One way a Slack call can fail, and what the adapter must make of it. */
export interface SlackFailureCase {
  readonly name: string;
  readonly answer: CannedAnswer;
  readonly reason: IntegrationReason;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

const platform = (error: string): CannedAnswer => ({ body: { ok: false, error } });

/**
 * Slack answers its documented errors as HTTP 200 with `ok:false` and an `error` code
 * (https://api.slack.com/web#evaluating_responses; codes from each method's "Errors" table, e.g.
 * https://api.slack.com/methods/chat.postMessage); rate limits are HTTP 429 with Retry-After
 * (https://api.slack.com/apis/rate-limits). Other statuses and bodies come from proxies or a wrong
 * API URL, and must never be read as a business answer.
 */
export const SLACK_FAILURE_CASES: readonly SlackFailureCase[] = [
  {
    name: 'HTTP 400',
    answer: { status: 400, body: { ok: false, error: 'invalid_arguments' } },
    reason: 'Invalid',
    retryable: false,
  },
  { name: 'HTTP 403', answer: { status: 403, body: 'Forbidden' }, reason: 'Unauthorized', retryable: false },
  {
    name: 'HTTP 404',
    answer: { status: 404, body: '<html>Not Found</html>' },
    reason: 'NotFound',
    retryable: false,
  },
  { name: 'HTTP 409', answer: { status: 409, body: {} }, reason: 'Conflict', retryable: true },
  {
    name: 'HTTP 413',
    answer: { status: 413, body: 'Request Entity Too Large' },
    reason: 'Invalid',
    retryable: false,
  },
  { name: 'HTTP 422', answer: { status: 422, body: {} }, reason: 'Invalid', retryable: false },
  { name: 'channel_not_found', answer: platform('channel_not_found'), reason: 'NotFound', retryable: false },
  { name: 'not_in_channel', answer: platform('not_in_channel'), reason: 'Unauthorized', retryable: false },
  { name: 'is_archived', answer: platform('is_archived'), reason: 'Invalid', retryable: false },
  { name: 'msg_too_long', answer: platform('msg_too_long'), reason: 'Invalid', retryable: false },
  { name: 'invalid_auth', answer: platform('invalid_auth'), reason: 'Unauthorized', retryable: false },
  {
    name: 'ratelimited (HTTP 429, Retry-After: 7)',
    answer: { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': '7' } },
    reason: 'RateLimited',
    retryable: true,
    retryAfterMs: 7000,
  },
  {
    name: 'HTTP 200 with an unexpected body',
    answer: { body: { ok: true } },
    reason: 'Unavailable',
    retryable: true,
  },
  {
    name: 'HTTP 200 with a body that is not JSON',
    answer: { body: '<html>gateway</html>' },
    reason: 'Unavailable',
    retryable: true,
  },
  {
    name: 'a truncated body',
    answer: { body: '{"ok":true,"channel":"C0SUPPORT","ts":"17' },
    reason: 'Unavailable',
    retryable: true,
  },
];
