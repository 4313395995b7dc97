import type { Clock, Logger, TokenStore } from '@zenslackchat/core';
import type { FastifyRequest } from 'fastify';

/** The bot token scopes the app asks for (from the original bot's set-up). */
export const SLACK_BOT_SCOPES = [
  'channels:history',
  'groups:history',
  'chat:write',
  'users:read',
  'users:read.email',
  // Downloads files shared in support threads to attach them to tickets (issue 17).
  'files:read',
  // Uploads an agent's attachments on public Zendesk comments into the thread (issue 17).
  'files:write',
] as const;

/** Provider name of Slack grants in the TokenStore (account = team id). */
export const SLACK_PROVIDER = 'slack';

/** Options of `slackOAuthPlugin`. */
export interface SlackOAuthPluginOptions {
  /** SLACK_CLIENT_ID. */
  readonly clientId: string;
  /** SLACK_CLIENT_SECRET. */
  readonly clientSecret: string;
  /** Secret that signs the OAuth `state`; every process must share it (e.g. derived from WEBAPP_SECRET_KEY). */
  readonly stateSecret: string;
  /** The admin session a request belongs to (its id); the state is bound to it. Undefined: refused. */
  readonly sessionBinding: (request: FastifyRequest) => string | undefined;
  /** Where installations are kept (provider `slack`, account = team id). */
  readonly tokenStore: TokenStore;
  /** The callback URL registered with the Slack app, e.g. `https://host/slack/oauth/`. */
  readonly redirectUri: string;
  /** Bot scopes (default `SLACK_BOT_SCOPES`). */
  readonly scopes?: readonly string[];
  /**
   * User scopes, none by default. Only for an app kept on the original set-up that subscribes to
   * message events "on behalf of users" (it needs `channels:history` here); the user token is not stored.
   */
  readonly userScopes?: readonly string[];
  /** Slack's authorize page (default `https://slack.com/oauth/v2/authorize`); a fake's in tests. */
  readonly authorizationUrl?: string;
  /** Web API base for oauth.v2.access and auth.test (SLACK_API_URL). */
  readonly apiUrl?: string;
  /** Route that starts an install (default `/slack/install/`). */
  readonly installPath?: string;
  /** Route Slack redirects back to (default `/slack/oauth/`). */
  readonly callbackPath?: string;
  /** Where the installer lands after success (default `/`). */
  readonly successRedirect?: string;
  readonly clock?: Clock;
  /** For the SDK's own messages; the server's logger by default. */
  readonly logger?: Logger;
}
