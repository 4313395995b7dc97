/** The scopes the bot asks for: read and write (tickets, comments, users) and acting as an agent. */
export const ZENDESK_OAUTH_SCOPES = ['read', 'write', 'impersonate'] as const;
