import type { IntegrationReason } from '@zenslackchat/core';
import type { CannedPagerDutyAnswer } from '../src/fake/index.ts';

/** One way `GET /oncalls` can fail, and what the adapter must make of it. */
export interface PagerDutyFailureCase {
  readonly name: string;
  readonly answer: CannedPagerDutyAnswer;
  readonly reason: IntegrationReason;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

// PagerDuty's error body: { error: { message, code, errors? } } (REST reference, components.responses).
const error = (status: number, message: string, code: number): CannedPagerDutyAnswer => ({
  status,
  body: { error: { message, code } },
});

/** GET /oncalls documents 400, 401, 403 and 429; the rest come from proxies or other regions. */
export const PAGERDUTY_FAILURE_CASES: readonly PagerDutyFailureCase[] = [
  {
    name: 'HTTP 400',
    answer: error(400, 'Invalid Input Provided', 2001),
    reason: 'Invalid',
    retryable: false,
  },
  { name: 'HTTP 401', answer: error(401, 'Unauthorized', 2006), reason: 'Unauthorized', retryable: false },
  { name: 'HTTP 403', answer: error(403, 'Access Denied', 2010), reason: 'Unauthorized', retryable: false },
  { name: 'HTTP 404', answer: error(404, 'Not Found', 2100), reason: 'NotFound', retryable: false },
  { name: 'HTTP 409', answer: error(409, 'Conflict', 2001), reason: 'Conflict', retryable: true },
  {
    name: 'HTTP 413',
    answer: { status: 413, raw: 'Request Entity Too Large' },
    reason: 'Invalid',
    retryable: false,
  },
  {
    name: 'HTTP 422',
    answer: error(422, 'Invalid Input Provided', 2001),
    reason: 'Invalid',
    retryable: false,
  },
  {
    name: 'HTTP 429 with ratelimit-reset: 7',
    answer: { ...error(429, 'Rate Limit Exceeded', 2020), headers: { 'ratelimit-reset': '7' } },
    reason: 'RateLimited',
    retryable: true,
    retryAfterMs: 7000,
  },
  {
    name: 'HTTP 503',
    answer: error(503, 'Service Unavailable', 2000),
    reason: 'Unavailable',
    retryable: true,
  },
  {
    name: 'HTTP 200 without an oncalls array',
    answer: { body: { users: [] } },
    reason: 'Invalid',
    retryable: false,
  },
  {
    name: 'HTTP 200 with an entry missing escalation_level',
    answer: {
      body: {
        oncalls: [
          {
            user: { id: 'PU1', type: 'user_reference' },
            escalation_policy: { id: 'PPOLICY', type: 'escalation_policy_reference' },
          },
        ],
        more: false,
      },
    },
    reason: 'Invalid',
    retryable: false,
  },
  {
    name: 'a truncated body',
    answer: { raw: '{"oncalls":[{"user":{"id":"PU' },
    reason: 'Invalid',
    retryable: false,
  },
];
