import type { Logger } from '@zenslackchat/core';

/** API-token auth: `ZENDESK_AGENT_EMAIL` + `ZENDESK_API_TOKEN` (Basic `email/token:TOKEN`). */
export interface ZendeskTokenAuth {
  readonly kind: 'token';
  readonly email: string;
  readonly apiToken: string;
}

/** OAuth bearer auth, optionally impersonating an agent (`X-On-Behalf-Of`, needs the `impersonate` scope). */
export interface ZendeskOAuthAuth {
  readonly kind: 'oauth';
  /** The token, or a function read before each request (e.g. `zendeskTokenFromStore`). */
  readonly accessToken: string | (() => Promise<string>);
  /** Agent email to act as. */
  readonly onBehalfOf?: string;
}

/** How the adapter authenticates. */
export type ZendeskAuth = ZendeskTokenAuth | ZendeskOAuthAuth;

/** How to reach and act on a Zendesk account. */
export interface ZendeskTicketAdapterOptions {
  /** API base including `/api/v2` (`ZENDESK_API_URL`, or `zendeskApiUrl(ZENDESK_SUBDOMAIN)`). */
  readonly apiUrl: string;
  readonly auth: ZendeskAuth;
  /** Agent UI base for links (`ZENDESK_TICKET_URI`, e.g. `https://acme.zendesk.com/agent/tickets`). */
  readonly ticketUrl: string;
  /** Default author of the comments the bot writes (`ZENDESK_USER_ID`). */
  readonly agentId?: string;
  /** Per-request timeout (default 10 s). A timed-out create is treated as an unknown outcome. */
  readonly timeoutMs?: number;
  /**
   * Largest attachment `downloadAttachment` reads (`ATTACHMENT_MAX_MB`; default the core's
   * `DEFAULT_MAX_ATTACHMENT_BYTES`); a larger one is refused without being read past it.
   */
  readonly maxAttachmentBytes?: number;
  /** Time for one attachment download, redirects and body included (default 60 s). */
  readonly attachmentTimeoutMs?: number;
  /** Comments per page when looking for comments after a cursor (default 10; 1..100). */
  readonly commentPageSize?: number;
  readonly logger?: Logger;
}

/** The API base for a Zendesk subdomain: `https://{subdomain}.zendesk.com/api/v2`. */
export function zendeskApiUrl(subdomain: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(subdomain)) throw new TypeError('invalid Zendesk subdomain');
  return `https://${subdomain}.zendesk.com/api/v2`;
}

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default time for one attachment download. */
export const DEFAULT_ATTACHMENT_TIMEOUT_MS = 60_000;
/** Default comments per page when walking back to a cursor. */
export const DEFAULT_COMMENT_PAGE_SIZE = 10;
/** Zendesk's largest page. */
export const MAX_PAGE_SIZE = 100;
