/** The scopes the bot always asks for: read and write (tickets, comments, users). */
export const ZENDESK_OAUTH_SCOPES = ['read', 'write'] as const;

/**
 * The scopes to ask for: `impersonate` only when the bot acts as an agent (`ZENDESK_AGENT_EMAIL`,
 * sent as `X-On-Behalf-Of`), so a grant is never broader than the set-up uses.
 */
export function zendeskOAuthScopes(impersonate: boolean): readonly string[] {
  return impersonate ? [...ZENDESK_OAUTH_SCOPES, 'impersonate'] : ZENDESK_OAUTH_SCOPES;
}
