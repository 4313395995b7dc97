/** A file attached to a chat message. */
export interface ChatFile {
  readonly name: string;
  /** Where a person can open it (a link when it is not copied). */
  readonly url?: string;
  /** The platform's file id, stable across redeliveries; files without one are linked, not copied. */
  readonly id?: string;
  /** Where the bot downloads it with its own credentials (Slack `url_private_download`). */
  readonly downloadUrl?: string;
  /** Size in bytes, when the platform says. */
  readonly size?: number;
  readonly mimeType?: string;
}

/** A file's bytes, as downloaded from one side to be uploaded to the other. */
export interface FileContent {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * A chat message as the chat adapter normalises it from the platform's event. Platform
 * vocabulary (Slack's `ts`, `thread_ts`, `bot_id`, `subtype`) maps onto these fields.
 */
export interface ChatEvent {
  /** The platform's id for this event, the same on every redelivery (Slack's `event_id`). */
  readonly eventId: string;
  /** Chat platform name, e.g. `slack`. */
  readonly platform: string;
  readonly channel: string;
  /** The message's own id (Slack `ts`). */
  readonly messageId: string;
  /** The thread root's id when the message is a reply (Slack `thread_ts`); absent on top level. */
  readonly threadId?: string;
  /** Author's user id; absent on some bot posts. */
  readonly userId?: string;
  /** Set when a bot or integration posted the message. */
  readonly botId?: string;
  /**
   * The platform's message subtype (joins, file shares...); absent on plain messages. Edits and
   * deletions use `message_changed` / `message_deleted` on every platform, with `messageId` the
   * changed message's own id and `text` its new text.
   */
  readonly subtype?: string;
  /**
   * On `message_changed`: true when the platform re-sent the message without a person editing it
   * (link previews, metadata), so there is nothing to note.
   */
  readonly unchanged?: boolean;
  /** Raw text in the platform's markup. */
  readonly text: string;
  readonly files: readonly ChatFile[];
}

/** Who the bot itself is on the chat platform, so it never answers its own posts. */
export interface ChatIdentity {
  readonly userId: string;
  readonly botId?: string;
}

/** A chat user as far as the platform tells; either field may be missing (bots, guests). */
export interface ChatUser {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
}
