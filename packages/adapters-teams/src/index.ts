export { TeamsChatAdapter } from './teams-chat-adapter.ts';
export { TEAMS_DEFAULTS, type TeamsChatAdapterOptions } from './teams-chat-config.ts';
export { reasonForTeamsStatus, retryAfterMs, TEAMS, toTeamsIntegrationError } from './teams-errors.ts';
export { buildTeamsPermalink } from './teams-permalink.ts';
export { type TeamsTokenOptions, TeamsTokenProvider } from './teams-token-provider.ts';
export { DEFAULT_MAX_TEAMS_LENGTH, type PlainToTeamsOptions, plainToTeams } from './text/plain-to-teams.ts';
export { teamsToPlainText } from './text/teams-to-plain-text.ts';
export { parseConversationId, threadConversationId } from './thread-conversation-id.ts';
