import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeFaultKind, type FakeFaultOptions, FaultQueue } from './fake-faults.ts';
import { FakeOAuth, type FakeOAuthClient } from './fake-oauth.ts';
import type { FakeComment, FakeResponse, FakeTicket, FakeUser, RecordedRequest } from './fake-records.ts';
import { FakeRouter } from './fake-router.ts';
import { FakeState } from './fake-state.ts';

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
  /** Extra agents that exist, with fixed ids (e.g. ids a contract suite uses). */
  readonly agents?: readonly { readonly id: number; readonly name: string; readonly email?: string }[];
}

/** A comment added on the Zendesk side, as an agent or the requester would in the UI. */
export interface FakeCommentInput {
  readonly body: string;
  readonly public?: boolean;
  /** An existing user; else a user named `authorName` is found or created. */
  readonly authorId?: string | number;
  readonly authorName?: string;
  /** `web` (default) or `email`. */
  readonly channel?: string;
  readonly attachments?: readonly { readonly name: string; readonly url: string }[];
}

/** A ticket arriving by email. */
export interface FakeEmailTicketInput {
  readonly subject: string;
  readonly body: string;
  readonly requesterName?: string;
  readonly requesterEmail?: string;
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
  readonly oauthClient: FakeOAuthClient;
  /** Every request received, oldest first (API and OAuth). */
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly state: FakeState;
  private readonly router: FakeRouter;
  private readonly faults = new FaultQueue();
  private readonly bearerTokens = new Map<string, readonly string[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private latencyMs = 0;

  private constructor(server: Server, origin: string, options: FakeZendeskOptions) {
    this.server = server;
    this.apiUrl = `${origin}/api/v2`;
    this.oauthBaseUrl = origin;
    this.agentEmail = options.agentEmail ?? 'bot@example.com';
    this.apiToken = options.apiToken ?? 'test-api-token';
    this.oauthClient = options.oauthClient ?? {
      clientId: 'zenslackchat',
      clientSecret: 'test-client-secret',
    };
    this.state = new FakeState(this.apiUrl);
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
    this.router = new FakeRouter(this.state, oauth, credentials, options.pageSize ?? 100);
    server.on('request', (req, res) => void this.handle(req, res));
  }

  /** Starts a fake on a free local port. */
  static async start(options: FakeZendeskOptions = {}): Promise<FakeZendesk> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeZendesk(server, `http://127.0.0.1:${port}`, options);
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

  /** Adds an agent (e.g. a second support person) and returns it. */
  addAgent(name: string, email: string): FakeUser {
    return this.state.addUser(name, email, 'agent');
  }

  /** Adds a comment as a person would in the Zendesk UI; returns its id. */
  addComment(ticketId: string | number, input: FakeCommentInput): string {
    const ticket = this.ticket(ticketId);
    if (!ticket) throw new Error(`fake zendesk: no ticket ${ticketId}`);
    const author =
      input.authorId !== undefined
        ? this.user(input.authorId)
        : [...this.state.users.values()].find((u) => u.name === input.authorName);
    const id = input.authorId === undefined ? undefined : Number(input.authorId);
    const authorId = (author ?? this.state.addUser(input.authorName ?? 'Support Agent', null, 'agent', id))
      .id;
    const { audit } = this.state.updateTicket(
      ticket,
      authorId,
      {},
      {
        body: input.body,
        public: input.public ?? true,
        authorId,
        channel: input.channel ?? 'web',
        ...(input.attachments ? { attachments: input.attachments } : {}),
      },
    );
    return String(audit.events[0]?.id);
  }

  /** Creates a ticket as an incoming email would; returns its id. */
  createEmailTicket(input: FakeEmailTicketInput): string {
    const email = input.requesterEmail ?? null;
    const requester =
      (email ? this.state.userByEmail(email) : undefined) ??
      this.state.addUser(input.requesterName ?? email ?? 'Anonymous', email, 'end-user');
    const { ticket } = this.state.createTicket({
      subject: input.subject,
      comment: { body: input.body, public: true, authorId: requester.id, channel: 'email' },
      requesterId: requester.id,
      submitterId: requester.id,
      channel: 'email',
    });
    return String(ticket.id);
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
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.oauthBaseUrl);
    const request = await record(req, url);
    this.requests.push(request);
    if (!FakeRouter.isApi(url.pathname)) return send(res, this.router.routeOAuth(request));
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
    const actor = this.router.authenticate(request.headers);
    if ('status' in actor) return send(res, actor);
    const fault = this.faults.take(request.method, FakeRouter.resource(url.pathname));
    if (fault?.response && !fault.afterCommit) return send(res, fault.response);
    const response =
      request.body === invalidJson ? badJson : this.router.routeApi(actor, request, url.toString());
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    send(res, fault?.response ?? response);
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

const invalidJson = Symbol('invalid JSON');
const badJson: FakeResponse = {
  status: 400,
  body: { error: 'InvalidJSON', description: 'The body is not valid JSON' },
};

async function record(req: IncomingMessage, url: URL): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString();
  const type = req.headers['content-type'] ?? '';
  let body: unknown;
  if (raw.length > 0 && type.includes('application/x-www-form-urlencoded')) {
    body = Object.fromEntries(new URLSearchParams(raw));
  } else if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = invalidJson;
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

function send(res: ServerResponse, response: FakeResponse): void {
  if (res.destroyed) return;
  const text = typeof response.body === 'string';
  const headers = {
    'content-type': text ? 'text/plain' : 'application/json; charset=utf-8',
    ...response.headers,
  };
  res.writeHead(response.status, headers);
  res.end(response.body === undefined ? undefined : text ? response.body : JSON.stringify(response.body));
}
