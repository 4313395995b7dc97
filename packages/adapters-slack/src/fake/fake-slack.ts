import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type DeliverOptions,
  type FakeAppConnection,
  type FakeDelivery,
  FakeEventSender,
} from './fake-event-sender.ts';
import { handleAuthorize } from './fake-slack-authorize.ts';
import {
  FailureQueue,
  type FakeFailureKind,
  type FakeFailureOptions,
  failureAnswer,
} from './fake-slack-failures.ts';
import { type FakeFileInput, FakeSlackFiles, fileShareEventOf } from './fake-slack-files.ts';
import { FAKE_METHODS, type FakeMethod, type SlackAnswer, TOKENLESS_METHODS } from './fake-slack-methods.ts';
import { ChannelRateLimit, type FakePostRate, rateLimitedAnswer } from './fake-slack-rate-limit.ts';
import {
  type FakeCall,
  type FakeMessage,
  type FakeSlackIdentity,
  FakeSlackState,
  type FakeSlackUser,
} from './fake-slack-state.ts';
import { FakeSlackUploads } from './fake-slack-uploads.ts';
import { messageEventOf } from './message-event-of.ts';
import { readParams } from './read-params.ts';

/** Options of `FakeSlack.start`; every field has a test-friendly default (mode `full`). */
export type FakeSlackOptions = Partial<FakeSlackIdentity>;

/** An answer a test makes the fake give once, instead of the method's: a JSON value or raw text. */
export interface CannedAnswer {
  /** HTTP status (default 200). */
  readonly status?: number;
  /** A value sent as JSON, or a string sent as it is (e.g. a truncated body). */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Carry the call out first, then answer this (an answer lost after Slack acted). */
  readonly afterWork?: boolean;
}

/**
 * A local stand-in for Slack: the Web API methods the bot uses (form or JSON bodies, Bearer
 * tokens, `ok:false` errors), an OAuth authorize page that approves at once, recorded calls and
 * failure injection. Start one per test; `close()` it afterwards.
 */
export class FakeSlack {
  readonly #server: Server;
  readonly #state: FakeSlackState;
  readonly #failures = new FailureQueue();
  readonly #events = new FakeEventSender();
  readonly #canned = new Map<string, CannedAnswer[]>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #latencyMs = 0;
  #postLimit: ChannelRateLimit | undefined;
  /** Origin of the fake, e.g. `http://127.0.0.1:1234`. */
  readonly origin: string;
  /** Files shared so far, served at their `url_private_download` (fake-slack-files.ts). */
  readonly files: FakeSlackFiles;
  /** Files the bot uploaded (external upload flow) and where they were shared (fake-slack-uploads.ts). */
  readonly uploads: FakeSlackUploads;
  readonly #methods: Readonly<Record<string, FakeMethod>>;
  /** Web API base for `slackApiUrl` / SLACK_API_URL (ends in `/api/`). */
  readonly url: string;
  /** The authorize page for `InstallProvider`'s `authorizationUrl`. */
  readonly authorizeUrl: string;

  private constructor(server: Server, state: FakeSlackState) {
    this.#server = server;
    this.#state = state;
    const { port } = server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/api/`;
    this.files = new FakeSlackFiles(this.origin, this.#state.identity.teamId);
    this.uploads = new FakeSlackUploads(this.origin);
    this.#methods = {
      ...FAKE_METHODS,
      'files.getUploadURLExternal': (_, params) => this.uploads.getUploadUrl(params),
      'files.completeUploadExternal': (state, params) => this.uploads.complete(state, params),
      'files.info': (state, params) => this.uploads.info(state, params),
    };
    this.authorizeUrl = `${this.origin}/oauth/v2/authorize`;
  }

  /** Starts a fake on a free local port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const state = new FakeSlackState({
      token: 'xoxb-fake-token',
      clientId: '1111.2222',
      clientSecret: 'fake-client-secret',
      teamId: 'T0FAKE',
      teamName: 'Fake Workspace',
      teamDomain: 'fake',
      appId: 'A0FAKE',
      botUserId: 'U0BOT',
      botId: 'B0BOT',
      channels: undefined,
      mode: 'full',
      ...options,
    });
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      if (fake === undefined) return void res.writeHead(503).end();
      fake.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeSlack(server, state);
    return fake;
  }

  /** The fake app and workspace identity (token, client id and secret, team, bot ids). */
  get identity(): FakeSlackIdentity {
    return this.#state.identity;
  }
  /** The token the fake accepts from the start. */
  get token(): string {
    return this.#state.identity.token;
  }
  /** Every message posted, oldest first. */
  get messages(): readonly FakeMessage[] {
    return this.#state.messages;
  }
  /** The user directory. */
  get users(): ReadonlyMap<string, FakeSlackUser> {
    return this.#state.users;
  }
  /** Every Web API call served, oldest first. */
  get calls(): readonly FakeCall[] {
    return this.#state.calls;
  }

  /** Adds (or replaces) a user in the directory; `kind` (default `member`) shapes users.info. */
  addUser(user: FakeSlackUser): void {
    this.#state.users.set(user.id, user);
  }
  /**
   * Makes the next call to `method` get `answer` instead (after recording the call), e.g. a
   * documented example payload, an HTTP error or a truncated body. Answers queue in order.
   */
  answerNext(method: string, answer: CannedAnswer): void {
    this.#canned.set(method, [...(this.#canned.get(method) ?? []), answer]);
  }
  /** Adds a message as a person (or another bot) would post it; returns its ts. */
  addMessage(message: Omit<FakeMessage, 'ts'>): string {
    const ts = this.#state.nextTs();
    this.#state.messages.push({ ...message, ts });
    return ts;
  }
  /** Makes the next matching call(s) fail. */
  failNext(kind: FakeFailureKind, options: FakeFailureOptions = {}): void {
    this.#failures.add(kind, options);
  }
  /** Delays every answer by `ms` (0 to stop). */
  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }
  /**
   * Enforces Slack's per-channel pace on chat.postMessage (429 + Retry-After over it); undefined
   * turns it off (the default). See `ChannelRateLimit`.
   */
  limitPostRate(rate: FakePostRate | undefined): void {
    this.#postLimit = rate === undefined ? undefined : new ChannelRateLimit(rate);
  }
  /** Posts refused with a 429 since `limitPostRate`. */
  get rateLimitedPosts(): number {
    return this.#postLimit?.refused ?? 0;
  }
  /** Takes a scope from the bot token (only `files:write` is modelled): its methods answer `missing_scope`. */
  withoutScope(scope: 'files:write'): void {
    this.uploads.missingScopes.add(scope);
  }
  /** Revokes a token: calls with it answer `token_revoked`. */
  revokeToken(token: string): void {
    this.#state.tokens.delete(token);
    this.#state.revoked.add(token);
  }

  /** Subscribes a bot to the fake's events: messages posted by people (and optionally its own). */
  connectApp(connection: FakeAppConnection): void {
    this.#events.connect(connection);
  }
  /** Every event delivery attempt and the bot's answer, oldest first. */
  get deliveries(): readonly FakeDelivery[] {
    return this.#events.deliveries;
  }
  /**
   * A person posts in a channel or thread: the message is stored and delivered to the connected
   * app as a signed `message` event. Returns the message ts and the bot's answer.
   */
  async postAsUser(
    message: { channel: string; user: string; text: string; threadTs?: string },
    options: DeliverOptions = {},
  ): Promise<{ ts: string; delivery: FakeDelivery }> {
    const ts = this.addMessage(message);
    const stored = this.#state.messages.at(-1) as FakeMessage;
    return {
      ts,
      delivery: await this.#events.deliver(messageEventOf(stored, this.#state.identity.teamId), options),
    };
  }
  /**
   * Someone shares `file` in a message (a thread reply with `threadTs`): the file is stored, the
   * message added, and the `file_share` event delivered. Returns the ts, the file object and the answer.
   */
  async shareFileAsUser(
    message: { channel: string; user: string; text: string; threadTs?: string },
    file: FakeFileInput,
    options: DeliverOptions = {},
  ): Promise<{
    ts: string;
    file: Record<string, unknown>;
    event: Record<string, unknown>;
    delivery: FakeDelivery;
  }> {
    const fileObject = this.files.add(file, message.user);
    const ts = this.addMessage(message);
    const stored = this.#state.messages.at(-1) as FakeMessage;
    const event = fileShareEventOf(stored, this.#state.identity.teamId, [fileObject]);
    return { ts, file: fileObject, event, delivery: await this.#events.deliver(event, options) };
  }
  /** Delivers any inner event (fixtures, retries of an earlier event id) to the connected app. */
  deliverEvent(event: object, options: DeliverOptions = {}): Promise<FakeDelivery> {
    return this.#events.deliver(event, options);
  }
  /** Waits until background deliveries (echoes of the bot's posts) are answered. */
  settle(): Promise<void> {
    return this.#events.settle();
  }

  /** Stops the server, dropping delayed answers and open connections. */
  async close(): Promise<void> {
    await this.#events.settle();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/oauth/v2/authorize') return handleAuthorize(this.#state, url, res);
    if (url.pathname.startsWith('/files-pri/'))
      return this.files.serve(req, res, (t) => this.#state.tokens.has(t) && !this.#state.revoked.has(t));
    const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(url.pathname);
    if (upload?.[1] !== undefined) return this.uploads.receive(req, res, upload[1]);
    if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
    const method = url.pathname.slice('/api/'.length);
    const { params, token, contentType } = await readParams(req, url);
    this.#state.calls.push({ method, params, token, contentType });

    const canned = this.#canned.get(method)?.shift();
    if (canned?.afterWork === true) this.#methods[method]?.(this.#state, params);
    if (canned !== undefined) return this.#sendCanned(res, canned);
    const failure = this.#failures.take(method);
    let delay = this.#latencyMs;
    const failed = failure === undefined ? undefined : failureAnswer(failure);
    if (failed !== undefined) return this.#send(res, failed.status, failed.body, delay, failed.headers);
    if (failure?.kind === 'timeout') delay += failure.options.delayMs ?? 2000;

    // Web API errors are HTTP 200 with `ok: false` and a code (https://api.slack.com/web#responses);
    // not_authed / invalid_auth / token_revoked are every method's documented auth errors (e.g.
    // https://api.slack.com/methods/chat.postMessage#errors).
    if (params.__invalid_json === true)
      return this.#send(res, 200, { ok: false, error: 'invalid_json' }, delay);
    const handler = this.#methods[method];
    if (handler === undefined) return this.#send(res, 200, { ok: false, error: 'unknown_method' }, delay);
    if (!TOKENLESS_METHODS.has(method)) {
      if (token === undefined) return this.#send(res, 200, { ok: false, error: 'not_authed' }, delay);
      if (this.#state.revoked.has(token))
        return this.#send(res, 200, { ok: false, error: 'token_revoked' }, delay);
      if (!this.#state.tokens.has(token))
        return this.#send(res, 200, { ok: false, error: 'invalid_auth' }, delay);
    }
    if (
      method === 'chat.postMessage' &&
      this.#postLimit !== undefined &&
      typeof params.channel === 'string'
    ) {
      const waitMs = this.#postLimit.take(params.channel, Date.now());
      if (waitMs !== undefined) {
        const limited = rateLimitedAnswer(waitMs);
        return this.#send(res, limited.status, limited.body, delay, limited.headers);
      }
    }
    const answer = handler(this.#state, params);
    if (method === 'chat.postMessage' && answer.ok && this.#events.echoesBotPosts) {
      const posted = this.#state.messages.at(-1) as FakeMessage;
      this.#events.deliverLater(messageEventOf(posted, this.#state.identity.teamId));
    }
    return this.#send(res, 200, answer, delay);
  }

  #sendCanned(res: ServerResponse, answer: CannedAnswer): void {
    const raw = typeof answer.body === 'string';
    res.writeHead(answer.status ?? 200, {
      'Content-Type': 'application/json; charset=utf-8',
      ...answer.headers,
    });
    res.end(raw ? (answer.body as string) : JSON.stringify(answer.body));
  }

  #send(
    res: ServerResponse,
    status: number,
    body: SlackAnswer,
    delayMs: number,
    headers: Readonly<Record<string, string>> = {},
  ): void {
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (delayMs <= 0) {
      write();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      write();
    }, delayMs);
    this.#timers.add(timer);
  }
}
