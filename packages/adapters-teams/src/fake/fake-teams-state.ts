import type { ChatUser } from '@zenslackchat/core';

/** A message the fake Bot Connector holds. */
export interface FakeTeamsMessage {
  readonly id: string;
  /** The channel's conversation id (`19:…@thread.tacv2`). */
  readonly channel: string;
  /** Root message id when the message is a reply. */
  readonly rootId?: string;
  /** The HTML text as the bot sent it. */
  readonly text: string;
  readonly textFormat?: string;
  /** Who posted it: the bot (`28:<app id>`) or a person (`29:…`). */
  readonly from: string;
  /** When Teams stored it (ISO 8601), as Graph's `createdDateTime` gives it. */
  readonly createdDateTime: string;
}

/** A request the fake served, for assertions on shapes and counts. */
export interface FakeTeamsCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** What the fake knows: the app, its channels, members and messages. */
export class FakeTeamsState {
  readonly messages: FakeTeamsMessage[] = [];
  readonly calls: FakeTeamsCall[] = [];
  readonly channels = new Set<string>();
  readonly members = new Map<string, ChatUser>();
  /** Whether the team's owner granted the app `ChannelMessage.Read.Group` (Graph answers 403 otherwise). */
  graphConsent = true;
  #lastId = Date.now();

  /** A new message id: Teams uses the post's epoch milliseconds, unique and increasing. */
  nextMessageId(): string {
    this.#lastId += 1;
    return String(this.#lastId);
  }

  /** A top-level message of `channel` with this id, if any. */
  root(channel: string, id: string): FakeTeamsMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.id === id && m.rootId === undefined);
  }
}
