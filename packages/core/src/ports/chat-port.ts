import type { ChatFile, ChatIdentity, ChatUser, FileContent } from '../domain/chat-event.ts';
import type { MessageSection } from '../domain/message-section.ts';

/** A message the bot posts. Text is plain: the adapter escapes it for its platform. */
export interface OutgoingMessage {
  readonly channel: string;
  /** Thread root id to reply in; top level when absent. */
  readonly threadId?: string;
  readonly text: string;
  /** The delivery key; adapters that support `findMessage` store it with the message. */
  readonly key: string;
  /** Where the full text can be read when the adapter has to truncate it. */
  readonly overflowUrl?: string;
  /**
   * Optional structured form of `text` (the daily report). Adapters that render rich layouts
   * (Slack Block Kit) use it and keep `text` as the plain-text fallback; others post `text`,
   * which always says everything the sections say.
   */
  readonly sections?: readonly MessageSection[];
}

/** Narrows `findMessage`'s search. */
export interface FindMessageOptions {
  /**
   * The message was posted no earlier than this (by the caller's clock), e.g. when its delivery
   * was first recorded. Adapters search from it (allowing for clock skew with the platform)
   * instead of only the newest messages; absent, they search what they can afford.
   */
  readonly since?: Date;
}

/** Where an uploaded file is shown: a thread of a channel. */
export interface FileShare {
  /** The id `uploadFile` returned. */
  readonly fileId: string;
  readonly channel: string;
  readonly threadId: string;
}

/** A new text for a message the bot posted. */
export interface MessageUpdate {
  readonly channel: string;
  /** The thread the message is in, when it is a reply (Teams addresses a reply through its thread). */
  readonly threadId?: string;
  readonly messageId: string;
  readonly text: string;
}

/** A posted message's id on the platform (Slack `ts`). */
export interface PostedMessage {
  readonly id: string;
}

/**
 * The chat platform (Slack today, Teams next). Every method throws `IntegrationError` on failure.
 */
export interface ChatPort {
  /** Platform name stored with issues, e.g. `slack`. */
  readonly platform: string;
  /**
   * Posts one message and returns its id. Not idempotent by itself: calling twice posts twice.
   * The core calls it only after recording a pending delivery, and on a retry of a pending one
   * asks `findMessage` first when the adapter has it.
   */
  postMessage(message: OutgoingMessage): Promise<PostedMessage>;
  /**
   * Optional: finds a message this bot posted with `key` in that channel/thread, so a retry after
   * a crash between posting and recording does not post again; `options.since` bounds the search
   * from below (a top-level post is found however many messages came after it). Absent → the
   * core re-posts (at-least-once in that narrow window).
   */
  findMessage?(
    channel: string,
    threadId: string | undefined,
    key: string,
    options?: FindMessageOptions,
  ): Promise<PostedMessage | undefined>;
  /**
   * Optional: replaces the text of a message this bot posted (Slack `chat.update`). Idempotent:
   * the same text twice leaves one message. Absent → a redacted ticket comment stays as it was
   * forwarded. Throws `IntegrationError` (`NotFound` when the message is gone).
   */
  updateMessage?(update: MessageUpdate): Promise<void>;
  /**
   * Optional: downloads a file of a chat event (`ChatFile.id` set) with the bot's credentials.
   * Absent → files reach tickets as links. Throws `IntegrationError` (`NotFound` for a file
   * deleted since).
   */
  downloadFile?(file: ChatFile): Promise<FileContent>;
  /**
   * Optional, with `shareFile`: puts a file's bytes on the platform without showing it anywhere
   * yet (Slack `files.getUploadURLExternal`, then the bytes to its `upload_url`) and returns the
   * file's id. Not idempotent, but a file never shared is shown nowhere, so the core records the
   * id before sharing it and a retry shares the same file. Absent → ticket files reach chat as
   * links. Throws `IntegrationError`: not retryable when the platform refuses the bot files
   * (`Unauthorized`: Slack `missing_scope` without `files:write`) or the file itself (`Invalid`).
   */
  uploadFile?(file: FileContent): Promise<{ readonly id: string }>;
  /**
   * Optional, with `uploadFile`: shows an uploaded file in a thread, images inline (Slack
   * `files.completeUploadExternal` with `channel_id` and `thread_ts`). Not idempotent by itself:
   * the core records a pending delivery first and on a retry asks `isFileShared` when present.
   */
  shareFile?(share: FileShare): Promise<void>;
  /**
   * Optional: whether the file is already shown in that thread, so a retry after a crash between
   * sharing and recording does not share it again. Absent → the core shares again (at-least-once
   * in that narrow window).
   */
  isFileShared?(share: FileShare): Promise<boolean>;
  /** Looks a user up; undefined when unknown. Safe to call often (adapters cache). */
  getUser(userId: string): Promise<ChatUser | undefined>;
  /** The bot's own identity on the platform, so its own posts are ignored. */
  whoAmI(): Promise<ChatIdentity>;
  /** A link a person can open to see the message. */
  permalink(channel: string, messageId: string): Promise<string>;
  /** Converts the platform's markup (mentions, links, emoji codes) to plain text for a ticket. */
  toPlainText(text: string): Promise<string>;
}
export const ChatPort = Symbol.for('zenslackchat.ChatPort');
