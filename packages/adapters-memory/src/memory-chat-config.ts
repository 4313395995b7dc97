import type { ChatIdentity, Clock, FileShare, MessageSection } from '@zenslackchat/core';

export interface MemoryChatOptions {
  /** Platform name reported by the port (default `memory`). */
  readonly platform?: string;
  /** The bot's own identity (default `{ userId: 'UBOT', botId: 'BBOT' }`). */
  readonly self?: ChatIdentity;
  /** Stamps `postedAt` and seeds message ids (default the system clock). */
  readonly clock?: Clock;
  /** Base of permalinks (default `https://memory.slack.com`). */
  readonly workspaceUrl?: string;
}

/** A message the in-memory platform holds. */
export interface MemoryMessage {
  /** Slack-ts-like id, e.g. `1700000000.000100`, increasing in posting order. */
  readonly id: string;
  readonly channel: string;
  readonly threadId?: string;
  /** The plain text the bot asked to post. */
  readonly text: string;
  /** The text as the platform shows it: `&`, `<`, `>` escaped as Slack requires. */
  readonly markup: string;
  readonly key: string;
  readonly overflowUrl?: string;
  /** The structured form the bot gave, if any (the daily report). */
  readonly sections?: readonly MessageSection[];
  readonly postedAt: Date;
}

/** A file the bot showed in a thread. */
export interface MemorySharedFile extends FileShare {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** When the bot showed it (this chat's clock). */
  readonly sharedAt: Date;
}
