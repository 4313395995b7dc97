import type { Clock, Logger } from '@zenslackchat/core';

/** How the adapter authenticates: a REST API key, or an OAuth access token (fixed or fetched per call). */
export type PagerDutyAuth =
  | { readonly kind: 'token'; readonly apiToken: string }
  | { readonly kind: 'oauth'; readonly accessToken: string | (() => Promise<string>) };

/** Options of `PagerDutyOnCallAdapter`. */
export interface PagerDutyOnCallOptions {
  /** REST API base (PAGERDUTY_API_URL); default `https://api.pagerduty.com`. */
  readonly apiUrl?: string;
  readonly auth: PagerDutyAuth;
  /** Deadline for one whole look-up, pages included; default 2000 ms. */
  readonly timeoutMs?: number;
  /** How long a successful answer is reused per policy; default 60 s, 0 disables the cache. */
  readonly cacheTtlMs?: number;
  /** Page size asked of `/oncalls` (PagerDuty allows up to 100); default 100. */
  readonly pageSize?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export const PAGERDUTY_DEFAULTS = {
  apiUrl: 'https://api.pagerduty.com',
  oauthBaseUrl: 'https://identity.pagerduty.com',
  timeoutMs: 2_000,
  cacheTtlMs: 60_000,
  pageSize: 100,
  /** Pages followed at most, so a server that always says `more` cannot loop us forever. */
  maxPages: 20,
} as const;

/** The integration name carried by every error and log line of this package. */
export const PAGERDUTY = 'pagerduty';
