import type { Logger } from '@zenslackchat/core';

/** Microsoft's Bot Framework endpoints (public cloud); tests and other clouds override them. */
export const TEAMS_DEFAULTS = {
  /** Where a bot with no activity yet sends (Teams' global Bot Connector). */
  serviceUrl: 'https://smba.trafficmanager.net/teams/',
  /** Entra ID login host; the token endpoint is `{loginUrl}/{tenant}/oauth2/v2.0/token`. */
  loginUrl: 'https://login.microsoftonline.com',
  /** Scope of a bot's app-only token for the Bot Connector. */
  botScope: 'https://api.botframework.com/.default',
  /** OpenID metadata of the tokens the Bot Connector sends to bots. */
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  /** Issuer of the tokens the Bot Connector sends to bots. */
  tokenIssuer: 'https://api.botframework.com',
  /** Base of message deep links. */
  linkBase: 'https://teams.microsoft.com',
  /** Microsoft Graph v1.0 root, where `findMessage` reads the channel. */
  graphUrl: 'https://graph.microsoft.com/v1.0',
  /** Scope of the app-only token for Graph (its `.default`: the app's consented permissions). */
  graphScope: 'https://graph.microsoft.com/.default',
} as const;

/** Options of `TeamsChatAdapter`. */
export interface TeamsChatAdapterOptions {
  /** The bot's Microsoft app id (TEAMS_APP_ID). */
  readonly appId: string;
  /** The app's client secret (TEAMS_APP_PASSWORD). */
  readonly appPassword: string;
  /** The tenant of a single-tenant app (TEAMS_TENANT_ID); also put in message links. */
  readonly tenantId: string;
  /** The support channel's conversation id (`19:…@thread.tacv2`), used for member look-ups. */
  readonly channel: string;
  /**
   * The support channel's team (its Microsoft 365 group id, TEAMS_TEAM_ID). Set, the adapter has
   * `findMessage` (through Graph, with the team's `ChannelMessage.Read.Group` consent); unset, not.
   */
  readonly teamId?: string;
  /** Graph root (tests point it at the fake); Graph v1.0 by default. */
  readonly graphUrl?: string;
  /** Most pages of 50 messages `findMessage` reads per search (default 10). */
  readonly findMessagePages?: number;
  /** Bot Connector base URL; Teams' global one by default. */
  readonly serviceUrl?: string;
  /** Entra ID login host (tests point it at the fake token issuer). */
  readonly loginUrl?: string;
  /** Per-request timeout (default 10 s). */
  readonly timeoutMs?: number;
  /** How long a looked-up member is remembered (default 10 min). */
  readonly userCacheTtlMs?: number;
  /** How long an unknown member is remembered (default 1 min; 0 disables). */
  readonly unknownUserTtlMs?: number;
  /** Longest plain text (before escaping) before it is cut with a link (default 20,000 characters). */
  readonly maxMessageLength?: number;
  readonly logger?: Logger;
}
