import { IntegrationError } from '@zenslackchat/core';
import { reasonForTeamsStatus, retryAfterMs, TEAMS } from '../teams-errors.ts';
import { graphErrorSchema } from './graph-message-page.ts';

/** The permission findMessage needs, named in its errors. */
const CONSENT = 'ChannelMessage.Read.Group';

/**
 * A failed Graph answer as an `IntegrationError` (integration `teams`) with the vendor's code
 * and message: https://learn.microsoft.com/en-us/graph/errors. 403 is the team's missing
 * resource-specific consent (or a team id that is not the channel's team): Unauthorized, not
 * retried, saying so; 429 carries Retry-After (https://learn.microsoft.com/en-us/graph/throttling).
 */
export function graphIntegrationError(call: string, response: Response, body: unknown): IntegrationError {
  const status = response.status;
  const parsed = graphErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : undefined;
  const description = parsed.success ? parsed.data.error.message?.slice(0, 200) : undefined;
  const reason = reasonForTeamsStatus(status);
  const hint =
    status === 403
      ? `: the team has not granted the app ${CONSENT} (resource-specific consent), or TEAMS_TEAM_ID is not the support channel's team`
      : '';
  const wait =
    reason === 'RateLimited' ? retryAfterMs(response.headers.get('retry-after') ?? undefined) : undefined;
  return new IntegrationError(reason, `Teams ${call}: Graph HTTP ${status}${code ? ` ${code}` : ''}${hint}`, {
    integration: TEAMS,
    vendor: {
      call,
      status,
      ...(code === undefined ? {} : { code }),
      ...(description === undefined ? {} : { description }),
    },
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
}
