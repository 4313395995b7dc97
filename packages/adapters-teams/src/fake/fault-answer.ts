import type { PendingFault } from '@zenslackchat/adapter-kit';
import type { FaultKind } from '@zenslackchat/core/testing';
import { type Answer, connectorError } from './fake-teams-http.ts';

/**
 * How the Bot Connector answers each injected fault; undefined for `timeout` (served late).
 * 429 with Retry-After under load, 502/503/504 for service trouble:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit
 */
export function faultAnswer(fault: PendingFault<FaultKind>): Answer | undefined {
  switch (fault.kind) {
    case 'rate-limited':
      return connectorError(429, 'TooManyRequests', 'Too many requests.', {
        'Retry-After': String(Math.ceil(fault.retryAfterMs / 1000)),
      });
    case 'unavailable':
      return connectorError(503, 'ServiceUnavailable', 'The service is unavailable.');
    case 'unauthorized':
      return { status: 401, body: { message: 'Authorization has been denied for this request.' } };
    case 'timeout':
      return undefined;
  }
}
