import type { ChatUser } from '@zenslackchat/core';

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
  readonly users = new Map<string, ChatUser>();
  readonly calls: FakeCall[] = [];
  readonly tokens = new Set<string>();
  readonly revoked = new Set<string>();
  readonly codes = new Map<string, IssuedCode>();
  #seconds = Math.floor(Date.now() / 1000);
  #sequence = 0;

  constructor(identity: FakeSlackIdentity) {
    this.identity = identity;
    this.tokens.add(identity.token);
  }

  /** A fresh, strictly increasing Slack `ts`. */
  nextTs(): string {
    this.#sequence += 1;
    return `${this.#seconds}.${String(this.#sequence).padStart(6, '0')}`;
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
