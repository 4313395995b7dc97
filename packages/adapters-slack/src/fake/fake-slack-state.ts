import type { ChatUser } from '@zenslackchat/core';

/**
 * How much the fake's answers carry: `full` sends every field of Slack's documented examples;
 * `minimal` leaves out every field the docs call optional or leave out of their examples, so an
 * adapter that needs one of them fails in tests rather than against Slack.
 */
export const FAKE_SLACK_MODES = ['full', 'minimal'] as const;
export type FakeSlackMode = (typeof FAKE_SLACK_MODES)[number];

/**
 * Who a directory entry is: a full `member`, a `guest` (no email), an `external` Slack Connect
 * user (another team; no email, no display name) or a `bot` user (no email).
 */
export const FAKE_USER_KINDS = ['member', 'guest', 'external', 'bot'] as const;
export type FakeUserKind = (typeof FAKE_USER_KINDS)[number];

/** A user in the fake directory: the core's user plus what kind of Slack account it is. */
export interface FakeSlackUser extends ChatUser {
  readonly kind?: FakeUserKind;
}

/** Message metadata as Slack stores it with a message. */
export interface FakeMetadata {
  readonly event_type: string;
  readonly event_payload: Readonly<Record<string, unknown>>;
}

/** A message held by the fake Slack. */
export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly text: string;
  readonly user: string;
  readonly botId?: string;
  readonly metadata?: FakeMetadata;
}

/** One Web API call the fake served (the token separately, so tests can assert which was used). */
export interface FakeCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly token: string | undefined;
  readonly contentType: string;
}

/** Identity and credentials the fake workspace and app use. */
export interface FakeSlackIdentity {
  readonly token: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** When set, only these channels exist; others answer `channel_not_found`. */
  readonly channels: readonly string[] | undefined;
  /** Which answers the fake sends (default `full`). */
  readonly mode: FakeSlackMode;
}

/** An authorization code the fake authorize page issued, waiting for oauth.v2.access. */
export interface IssuedCode {
  readonly redirectUri: string;
  readonly scopes: string;
}

/** The fake workspace's data, shared by the HTTP layer and the method handlers. */
export class FakeSlackState {
  readonly identity: FakeSlackIdentity;
  readonly messages: FakeMessage[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly calls: FakeCall[] = [];
  readonly tokens = new Set<string>();
  readonly revoked = new Set<string>();
  readonly codes = new Map<string, IssuedCode>();
  #lastTs = 0;
  #sequence = 0;

  constructor(identity: FakeSlackIdentity) {
    this.identity = identity;
    this.tokens.add(identity.token);
  }

  /** A fresh, strictly increasing Slack `ts` on the wall clock (seconds, then microseconds). */
  nextTs(): string {
    this.#lastTs = Math.max(Date.now() * 1000, this.#lastTs + 1);
    const seconds = Math.floor(this.#lastTs / 1_000_000);
    return `${seconds}.${String(this.#lastTs % 1_000_000).padStart(6, '0')}`;
  }

  /** A fresh opaque id with a prefix (codes, tokens). */
  nextId(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}${this.#sequence}${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Whether the channel exists in this workspace. */
  hasChannel(channel: string): boolean {
    return this.identity.channels === undefined || this.identity.channels.includes(channel);
  }
}
