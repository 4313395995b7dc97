import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeAgentActions } from './fake-agent-actions.ts';
import { type FakeCdnRequest, FakeFiles, type FakeStoredFile } from './fake-attachments.ts';
import {
  addUiComment,
  createEmailTicket,
  type FakeCommentInput,
  type FakeEmailTicketInput,
} from './fake-back-door.ts';
import { type FakeFaultKind, type FakeFaultOptions, FaultQueue } from './fake-faults.ts';
import { BAD_JSON, INVALID_JSON, readRequest, writeResponse, writeTruncated } from './fake-http.ts';
import { FakeOAuth, type FakeOAuthClient } from './fake-oauth.ts';
import type { FakeComment, FakeStatus, FakeTicket, FakeUser, RecordedRequest } from './fake-records.ts';
import { FakeRouter } from './fake-router.ts';
import { FakeState } from './fake-state.ts';
import { deliverWebhook, type FakeDelivery, type FakeWebhookTargets } from './fake-webhooks.ts';
import type { FakeMode } from './fake-wire.ts';

/** Options of `FakeZendesk.start`. */
export interface FakeZendeskOptions {
  /** Comments per page when the caller names no page size (Zendesk's default is 100). */
  readonly pageSize?: number;
  /** The API-token agent's email (default `bot@example.com`). */
  readonly agentEmail?: string;
  /** The API token accepted with that email (default `test-api-token`). */
  readonly apiToken?: string;
  /** The registered OAuth client (default `zenslackchat` / `test-client-secret`). */
  readonly oauthClient?: FakeOAuthClient;
  /** When set, OAuth tokens carry `expires_in` and a refresh token that rotates on use. */
  readonly tokenLifetimeS?: number;
  /** Extra groups that exist, besides `groupId`. */
  readonly groups?: readonly number[];
  /**
   * `full` (default): every field of the documented examples; `minimal`: only what every answer
   * must carry (see fake-wire.ts).
   */
  readonly mode?: FakeMode;
  /** Extra agents that exist, with fixed ids (e.g. ids a contract suite uses). */
  readonly agents?: readonly { readonly id: number; readonly name: string; readonly email?: string }[];
  /** Zendesk's "private attachments": a `content_url` is served only with the API's credentials. */
  readonly privateAttachments?: boolean;
}

/**
 * A local Zendesk speaking the API's JSON for the endpoints the adapter uses, strict about fields,
 * with OAuth pages, request recording and failure injection. `close()` it after use.
 */
export class FakeZendesk {
  /** Base of the API, with `/api/v2` (node-zendesk's `endpointUri`). */
  readonly apiUrl: string;
  /** Base of the OAuth pages (`/oauth/authorizations/new`, `/oauth/tokens`). */
  readonly oauthBaseUrl: string;
  /** The bot's agent (`ZENDESK_USER_ID`); the API token authenticates as this user. */
  readonly agent: FakeUser;
  /** A group that exists (`ZENDESK_GROUP_ID`). */
  readonly groupId = 360000001;
  readonly agentEmail: string;
  readonly apiToken: string;
  /** How much its answers carry. */
  readonly mode: FakeMode;
  readonly oauthClient: FakeOAuthClient;
  /** Every request received, oldest first (API and OAuth). */
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  /** The download host `content_url`s redirect to (another origin, as Zendesk's CDN is). */
  private readonly cdn: Server;
  private readonly state: FakeState;
  private readonly router: FakeRouter;
  private readonly faults = new FaultQueue();
  private readonly bearerTokens = new Map<string, readonly string[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private latencyMs = 0;
  private webhooks: FakeWebhookTargets | undefined;
  private readonly listeners: ((request: RecordedRequest) => void)[] = [];

  private constructor(
    servers: { readonly api: Server; readonly cdn: Server },
    origins: { readonly api: string; readonly cdn: string },
    options: FakeZendeskOptions,
  ) {
    const origin = origins.api;
    this.server = servers.api;
    this.cdn = servers.cdn;
    this.apiUrl = `${origin}/api/v2`;
    this.oauthBaseUrl = origin;
    this.agentEmail = options.agentEmail ?? 'bot@example.com';
    this.apiToken = options.apiToken ?? 'test-api-token';
    this.oauthClient = options.oauthClient ?? {
      clientId: 'zenslackchat',
      clientSecret: 'test-client-secret',
    };
    this.state = new FakeState(this.apiUrl, origins.cdn);
    this.state.files.privateAttachments = options.privateAttachments ?? false;
    this.agent = this.state.addUser('ZenSlackChat Bot', this.agentEmail, 'agent');
    for (const group of options.groups ?? []) this.state.groups.add(group);
    for (const agent of options.agents ?? [])
      this.state.addUser(agent.name, agent.email ?? null, 'agent', agent.id);
    const issuer = {
      issue: (scope: string) => this.issueBearerToken(scope.split(/[\s,]+/)),
      revoke: (token: string) => void this.bearerTokens.delete(token),
    };
    const oauth = new FakeOAuth(this.oauthClient, issuer, options.tokenLifetimeS);
    const credentials = {
      agentEmail: this.agentEmail,
      apiToken: this.apiToken,
      bearerTokens: this.bearerTokens,
      tokenOwner: this.agent,
    };
    this.mode = options.mode ?? 'full';
    const lists = { state: this.state, defaultPageSize: options.pageSize ?? 100, mode: this.mode };
    this.router = new FakeRouter(this.state, oauth, credentials, lists);
    servers.api.on('request', (req, res) => void this.handle(req, res));
    servers.cdn.on('request', (req, res) => void this.handleCdn(req, res));
  }

  /** Starts a fake on a free local port, and its download host on another. */
  static async start(options: FakeZendeskOptions = {}): Promise<FakeZendesk> {
    const listen = async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const api = await listen();
    const cdn = await listen();
    return new FakeZendesk(
      { api: api.server, cdn: cdn.server },
      { api: api.origin, cdn: cdn.origin },
      options,
    );
  }

  /** What agents do in Zendesk's UI: status changes, merges, deletions (fake-agent-actions.ts). */
  get agentActions(): FakeAgentActions {
    return new FakeAgentActions(this.state);
  }

  /** All tickets, oldest first. */
  get tickets(): readonly FakeTicket[] {
    return [...this.state.tickets.values()];
  }

  /** A ticket by id. */
  ticket(ticketId: string | number): FakeTicket | undefined {
    return this.state.tickets.get(Number(ticketId));
  }

  /** The comments of a ticket, oldest first (empty for an unknown ticket). */
  comments(ticketId: string | number): readonly FakeComment[] {
    return this.state.comments.get(Number(ticketId)) ?? [];
  }

  /** A user by id. */
  user(userId: string | number): FakeUser | undefined {
    return this.state.users.get(Number(userId));
  }

  /**
   * Deletes a user as an admin would in the Zendesk UI: the search no longer finds it and a ticket
   * naming its id is refused (422 on `requester_id`).
   */
  deleteUser(userId: string | number): void {
    this.state.users.delete(Number(userId));
  }

  /** Adds an agent (e.g. a second support person) and returns it. */
  addAgent(name: string, email: string): FakeUser {
    return this.state.addUser(name, email, 'agent');
  }

  /** Adds a comment as a person would in the Zendesk UI; returns its id. */
  addComment(ticketId: string | number, input: FakeCommentInput): string {
    return addUiComment(this.state, Number(ticketId), input);
  }

  /** A file the fake holds, by attachment id. */
  attachment(attachmentId: string | number): FakeStoredFile | undefined {
    return this.state.files.byId.get(Number(attachmentId));
  }

  /** Deletes (redacts) an attachment as an agent would: its `content_url` answers 404 from then on. */
  removeAttachment(attachmentId: string | number): void {
    this.state.files.remove(Number(attachmentId));
  }

  /** Turns Zendesk's "private attachments" on or off (a `content_url` then wants credentials). */
  setPrivateAttachments(on: boolean): void {
    this.state.files.privateAttachments = on;
  }

  /** Every request the download host received, oldest first (to check no credentials went there). */
  get cdnRequests(): readonly FakeCdnRequest[] {
    return this.state.files.cdnRequests;
  }

  /** Sets a ticket's status as an agent or automation would (e.g. `closed`, which no update undoes). */
  setStatus(ticketId: string | number, status: FakeStatus): void {
    const ticket = this.ticket(ticketId);
    if (!ticket) throw new Error(`fake zendesk: no ticket ${ticketId}`);
    ticket.status = status;
  }

  /** Creates a ticket as an incoming email would; returns its id. */
  createEmailTicket(input: FakeEmailTicketInput): string {
    return createEmailTicket(this.state, input);
  }

  /** Calls `listener` with each API request before it is handled (e.g. to change data mid-walk). */
  onApiRequest(listener: (request: RecordedRequest) => void): void {
    this.listeners.push(listener);
  }

  /** Sets where the triggers post (the bot's two webhooks). */
  setWebhooks(targets: FakeWebhookTargets): void {
    this.webhooks = targets;
  }

  /**
   * Fires the comment trigger for a ticket, as Zendesk does after a comment; pass an earlier
   * delivery's invocation id to imitate a redelivery. Resolves with the bot's answer.
   */
  notifyComment(ticketId: string | number, invocationId?: string): Promise<FakeDelivery> {
    return this.deliver('comment', ticketId, invocationId);
  }

  /** Fires the email trigger for a ticket (after `createEmailTicket`). */
  notifyEmailTicket(ticketId: string | number, invocationId?: string): Promise<FakeDelivery> {
    return this.deliver('email', ticketId, invocationId);
  }

  /** Issues a bearer token with these scopes (default read write impersonate). */
  issueBearerToken(scopes: readonly string[] = ['read', 'write', 'impersonate']): string {
    const token = randomBytes(24).toString('hex');
    this.bearerTokens.set(token, scopes);
    return token;
  }

  /** Makes the next matching API request(s) fail. */
  failNext(kind: FakeFaultKind, options?: FakeFaultOptions): void {
    this.faults.push(kind, options);
  }

  /** Delays every API answer by `ms` from now on. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** How many API requests (not OAuth pages) the fake has received. */
  apiRequestCount(): number {
    return this.requests.filter((r) => FakeRouter.isApi(r.path)).length;
  }

  /** Stops the server, dropping open connections and held answers. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const server of [this.server, this.cdn]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.oauthBaseUrl);
    const request = await readRequest(req, url);
    this.requests.push(request);
    if (request.method === 'GET' && FakeFiles.isContentPath(url.pathname)) {
      return this.serveAttachment(request, res);
    }
    if (!FakeRouter.isApi(url.pathname)) return writeResponse(res, this.router.routeOAuth(request));
    for (const listener of this.listeners) listener(request);
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
    const actor = this.router.authenticate(request.headers);
    if ('status' in actor) return writeResponse(res, actor);
    const fault = this.faults.take(request.method, FakeRouter.resource(url.pathname));
    if (fault?.response && !fault.afterCommit) return writeResponse(res, fault.response);
    const response =
      request.body === INVALID_JSON ? BAD_JSON : this.router.routeApi(actor, request, url.toString());
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (fault?.kind === 'truncated') return writeTruncated(res, response);
    if (fault?.reshape && fault.response) {
      return writeResponse(res, { ...fault.response, body: fault.reshape(response.body) });
    }
    writeResponse(res, fault?.response ?? response);
  }

  // A `content_url` on the account's host: the same faults and latency as the API, then the file store.
  private async serveAttachment(request: RecordedRequest, res: ServerResponse): Promise<void> {
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
    const fault = this.faults.take(request.method, request.path);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (fault?.response) return writeResponse(res, fault.response);
    const actor =
      request.headers.authorization === undefined ? undefined : this.router.authenticate(request.headers);
    const authenticated = actor !== undefined && !('status' in actor);
    writeResponse(res, this.state.files.serveContent(request.path, authenticated));
  }

  private async handleCdn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://cdn.invalid');
    for await (const _chunk of req) {
      // The body of a GET is ignored.
    }
    writeResponse(res, this.state.files.serveCdn(url.pathname, req.headers.authorization));
  }

  private deliver(kind: 'comment' | 'email', ticketId: string | number, invocationId?: string) {
    const ticket = this.ticket(ticketId);
    if (!ticket || !this.webhooks) throw new Error('fake zendesk: unknown ticket or no webhooks set');
    return deliverWebhook(this.webhooks, kind, ticket, invocationId);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
