export { carriesMarker, deliveryMarker, withoutMarkers } from './graph/delivery-marker.ts';
export { BotFrameworkKeys, type BotFrameworkKeysOptions } from './inbound/bot-framework-keys.ts';
export {
  activityEventId,
  normaliseTeamsActivity,
  TEAMS_SUBTYPES,
} from './inbound/normalise-teams-activity.ts';
export { MESSAGE_ACTIVITY_TYPES, type TeamsActivity, teamsActivitySchema } from './inbound/teams-activity.ts';
export {
  DEFAULT_TEAMS_MESSAGES_PATH,
  type TeamsAcceptInput,
  type TeamsAcceptResult,
  type TeamsMessagesPluginOptions,
} from './inbound/teams-messages-config.ts';
export { teamsMessagesPlugin } from './inbound/teams-messages-plugin.ts';
export {
  TOKEN_FAILURES,
  type TokenFailure,
  verifyBotFrameworkToken,
} from './inbound/verify-bot-framework-token.ts';
export { TeamsChatAdapter } from './teams-chat-adapter.ts';
export { TEAMS_DEFAULTS, type TeamsChatAdapterOptions } from './teams-chat-config.ts';
export { reasonForTeamsStatus, retryAfterMs, TEAMS, toTeamsIntegrationError } from './teams-errors.ts';
export { buildTeamsPermalink } from './teams-permalink.ts';
export { type TeamsTokenOptions, TeamsTokenProvider } from './teams-token-provider.ts';
export { DEFAULT_MAX_TEAMS_LENGTH, type PlainToTeamsOptions, plainToTeams } from './text/plain-to-teams.ts';
export { teamsToPlainText } from './text/teams-to-plain-text.ts';
export { parseConversationId, threadConversationId } from './thread-conversation-id.ts';
