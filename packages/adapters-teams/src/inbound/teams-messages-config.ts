import type { ChatEvent } from '@zenslackchat/core';

/** What the server's accept function answers for one activity. */
export type TeamsAcceptResult = 'accepted' | 'duplicate' | 'ignored';

/** One inbound message activity handed to the server. */
export interface TeamsAcceptInput {
  /** The activity's id (edits and deletions: type, id and time), the same on every redelivery. */
  readonly eventId: string;
  readonly event: ChatEvent;
}

/** Options of `teamsMessagesPlugin`. */
export interface TeamsMessagesPluginOptions {
  /** TEAMS_APP_ID: the audience every token must carry. */
  readonly appId: string;
  /** Where the signing keys are published (Bot Framework's by default). */
  readonly openIdMetadataUrl?: string;
  /** The issuer every token must carry (Bot Framework's by default). */
  readonly issuer?: string;
  /**
   * `false` only for the Microsoft 365 Agents Playground in development, which sends no token;
   * the server refuses it in production. Default true.
   */
  readonly authenticate?: boolean;
  /** Makes the event durable (record + enqueue); a throw answers 503 so the Connector retries. */
  readonly accept: (input: TeamsAcceptInput) => Promise<TeamsAcceptResult>;
  /** The route (default `/teams/messages`). */
  readonly path?: string;
  /** Largest body accepted, in bytes (default 512 KiB). */
  readonly bodyLimit?: number;
}

/** The route the plugin serves when no `path` is given. */
export const DEFAULT_TEAMS_MESSAGES_PATH = '/teams/messages';
