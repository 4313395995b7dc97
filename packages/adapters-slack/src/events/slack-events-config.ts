import type { ChatEvent, Clock } from '@zenslackchat/core';

/** What the server's accept function answers for one event. */
export const ACCEPT_RESULTS = ['accepted', 'duplicate', 'ignored'] as const;
export type AcceptResult = (typeof ACCEPT_RESULTS)[number];

/** One inbound chat event handed to the server. */
export interface AcceptInput {
  /** Slack's `event_id`, the same on every redelivery. */
  readonly eventId: string;
  readonly event: ChatEvent;
  /** `X-Slack-Retry-Num` when this is a redelivery. */
  readonly retryNum?: number;
}

/** Options of `slackEventsPlugin`. */
export interface SlackEventsPluginOptions {
  /** SLACK_SIGN_SECRET. */
  readonly signingSecret: string;
  /** SLACK_VERIFICATION_TOKEN, checked only when `allowLegacyToken` is true. */
  readonly verificationToken?: string;
  /** Accept unsigned requests carrying the legacy verification token (default false). */
  readonly allowLegacyToken?: boolean;
  /**
   * Makes the event durable (record + enqueue) and says what became of it. Must be quick; a
   * throw (e.g. database down) answers 503 so Slack delivers the event again.
   */
  readonly accept: (input: AcceptInput) => Promise<AcceptResult>;
  /** Largest body accepted, in bytes (default 512 KiB; Slack events are a few KiB). */
  readonly bodyLimit?: number;
  /** How long `accept` may take before the answer is 503 and Slack retries (default 2.5 s). */
  readonly acceptTimeoutMs?: number;
  /** The route (default `/slack/events/`). */
  readonly path?: string;
  /** Time source for the replay window. */
  readonly clock?: Clock;
}

/** The route the plugin serves when no `path` is given. */
export const DEFAULT_EVENTS_PATH = '/slack/events/';

/** Default body limit: far above any real event, far below anything abusive. */
export const DEFAULT_EVENTS_BODY_LIMIT = 512 * 1024;
