import { TEAMS_DEFAULTS } from './teams-chat-config.ts';

/**
 * A deep link to a channel message: `{base}/l/message/{channelId}/{messageId}?tenantId=…&parentMessageId=…`.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-teams
 * (for a root post the parent is the message itself).
 */
export function buildTeamsPermalink(
  channel: string,
  messageId: string,
  tenantId: string,
  base: string = TEAMS_DEFAULTS.linkBase,
): string {
  const query = new URLSearchParams({ tenantId, parentMessageId: messageId });
  return `${base}/l/message/${encodeURIComponent(channel)}/${encodeURIComponent(messageId)}?${query}`;
}
