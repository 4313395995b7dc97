/** What any call to PagerDuty's OAuth token endpoint needs (code exchange or refresh). */
export interface PagerDutyOAuthClientConfig {
  /** PAGERDUTY_CLIENT_IDENTIFIER. */
  readonly clientId: string;
  /** PAGERDUTY_CLIENT_SECRET. */
  readonly clientSecret: string;
  /** Identity base; default `https://identity.pagerduty.com` (a fake's URL in tests). */
  readonly oauthBaseUrl?: string;
  /** Deadline of one token request; default 5000 ms. */
  readonly timeoutMs?: number;
}

/** The authorization-code flow also needs where PagerDuty sends the browser back, and the scopes. */
export interface PagerDutyAuthorizeConfig extends PagerDutyOAuthClientConfig {
  /** PAGERDUTY_REDIRECT_URI, e.g. `https://bot.example.com/pagerduty/oauth/`; must match the app's. */
  readonly redirectUri: string;
  /** Scopes asked for; must match the app's. Default `openid read` (classic user OAuth, read-only). */
  readonly scopes?: readonly string[];
}

export const PAGERDUTY_OAUTH_DEFAULTS = {
  oauthBaseUrl: 'https://identity.pagerduty.com',
  timeoutMs: 5_000,
  scopes: ['openid', 'read'],
  /** The provider name tokens are stored under. */
  provider: 'pagerduty',
  /** Refresh this long before the stated expiry, so a token never expires mid-request. */
  refreshSkewMs: 60_000,
} as const;
