import type { FileContent } from '@zenslackchat/core';

/** A file shown in the sandbox: a person's, one the bot shared into a thread, or a ticket attachment. */
export interface SandboxFile {
  /** Its id on the sandbox's file route (`/sandbox/files/:id`); absent for a file only linked, without bytes. */
  readonly id?: string;
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  readonly mimeType: string;
}

/** A message in the simulated support channel. */
export interface SandboxMessage {
  readonly id: string;
  /** The thread root's id for replies; absent on top-level messages. */
  readonly threadId?: string;
  /** Display name of the author (the bot's name for its own posts). */
  readonly user: string;
  readonly text: string;
  /** True when the bot posted it. */
  readonly fromBot: boolean;
  /** True for the daily report: a top-level post nobody replies to. */
  readonly report?: boolean;
  /** Files on the message: a person's upload, or a file the bot shared into the thread. */
  readonly files?: readonly SandboxFile[];
}

/** A comment on a simulated ticket. */
export interface SandboxComment {
  readonly id: string;
  readonly author: string;
  readonly body: string;
  readonly public: boolean;
  /** The comment's attachments. */
  readonly files: readonly SandboxFile[];
}

/** A simulated ticket with its comments, oldest first. */
export interface SandboxTicket {
  readonly id: string;
  readonly subject: string;
  readonly status: string;
  readonly comments: readonly SandboxComment[];
}

/** Everything the sandbox page shows. */
export interface SandboxSnapshot {
  /** Name of the simulated support channel. */
  readonly channel: string;
  /** Channel messages, oldest first (replies carry `threadId`). */
  readonly messages: readonly SandboxMessage[];
  /** Tickets, newest first. */
  readonly tickets: readonly SandboxTicket[];
}

/**
 * What the sandbox page drives: in-memory chat and tickets behind the real core. Each action acts
 * as the outside world would (a person posting, an agent commenting, an email arriving) and hands
 * the resulting event to the bot's intake; it never reaches a real vendor.
 */
export interface SandboxControls {
  /** Largest file the forms accept, in bytes (the bot's ATTACHMENT_MAX_MB). */
  readonly maxFileBytes: number;
  /** Posts as `user` in the support channel (in a thread when `threadId` is given), with a file when given. */
  postChatMessage(input: {
    readonly user: string;
    readonly text: string;
    readonly threadId?: string;
    readonly file?: FileContent;
  }): Promise<void>;
  /** Adds an agent comment on a ticket (public or internal note), with a file attached when given. */
  addAgentComment(input: {
    readonly ticketId: string;
    readonly body: string;
    readonly public: boolean;
    readonly file?: FileContent;
  }): Promise<void>;
  /** Opens a ticket the way an email to the support address would. */
  sendEmail(input: { readonly from: string; readonly subject: string; readonly body: string }): Promise<void>;
  /** The current state of both sides. */
  snapshot(): Promise<SandboxSnapshot>;
  /** The bytes of a file the snapshot names by `id`; undefined for any other id. */
  file(id: string): Promise<FileContent | undefined>;
}
