import type { Clock } from '@zenslackchat/core';

export interface MemoryTicketsOptions {
  /** Stamps tickets and comments (default the system clock). */
  readonly clock?: Clock;
  /** Author of the bot's comments when a comment names none (default `agent-bot`). */
  readonly agentId?: string;
  /** Base of ticket links (default `https://example.zendesk.com/agent/tickets`). */
  readonly ticketBaseUrl?: string;
  /** Offer `whoAmI` (naming `agentId`), as Zendesk's `GET /users/me` does (default true). */
  readonly whoAmI?: boolean;
}

/** A comment made on the ticketing side (by an agent or requester, not through the port). */
export interface MemoryExternalComment {
  readonly body: string;
  readonly public: boolean;
  readonly authorName: string;
  readonly authorId?: string;
  /** How it arrived (default `web`). */
  readonly channel?: string;
  /** Files an agent attached; with `bytes` they can be downloaded (`downloadAttachment`), else only linked. */
  readonly attachments?: readonly {
    readonly name: string;
    readonly url: string;
    readonly bytes?: Uint8Array;
    readonly mimeType?: string;
  }[];
}

/** A ticket created on the ticketing side, as an email creates one. */
export interface MemoryExternalTicket {
  readonly subject: string;
  readonly body: string;
  readonly requesterName?: string;
  readonly requesterEmail?: string;
}
