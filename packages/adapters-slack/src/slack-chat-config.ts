import type { Logger } from '@zenslackchat/core';

/** Slack's public Web API base. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** The Web API base with the trailing slash the client needs (`SLACK_API_URL` may omit it). */
export function slackApiBase(apiUrl: string | undefined): string {
  const base = apiUrl ?? DEFAULT_SLACK_API_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** A bot token, or a function that fetches the current one (e.g. from the stored installation). */
export type SlackTokenSource = string | (() => Promise<string>);

/** Options of `SlackChatAdapter`. */
export interface SlackChatAdapterOptions {
  /** Bot token (SLACK_BOT_TOKEN) or a source such as `slackTokenFromStore(store)`. */
  readonly token: SlackTokenSource;
  /** Web API base URL ending in `/` (SLACK_API_URL); Slack's by default. */
  readonly apiUrl?: string;
  /** Workspace base for permalinks (SLACK_WORKSPACE_URI), with or without `/archives`; else chat.getPermalink. */
  readonly workspaceUrl?: string;
  /** Per-request timeout (default 10 s). */
  readonly timeoutMs?: number;
  /** How long a looked-up user is remembered (default 10 min). */
  readonly userCacheTtlMs?: number;
  /** How long an unknown user is remembered (default 1 min; 0 disables). */
  readonly unknownUserTtlMs?: number;
  /** How many users are remembered (default 1,000). */
  readonly userCacheSize?: number;
  /** Longest message text before it is cut with a link (default 3,900). */
  readonly maxMessageLength?: number;
  /** How many pages of a thread, or of history from `since`, `findMessage` reads (default 5 of 200). */
  readonly findMessagePages?: number;
  readonly logger?: Logger;
}

/** Slack message metadata event type that marks the bot's own deliveries. */
export const DELIVERY_EVENT_TYPE = 'zenslackchat_delivery';
