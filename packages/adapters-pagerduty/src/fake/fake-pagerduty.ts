import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OnCall } from '@zenslackchat/core';
import type { FaultKind } from '@zenslackchat/core/testing';
import {
  FAKE_ERRORS,
  type FakeAnswer,
  type FakeEndpoint,
  type FakeFaultOptions,
  FakeFaults,
  faultAnswer,
} from './fake-faults.ts';
import { authorize, exchangeToken, type FakeOAuthState, issueTokens, pagerDutyGrants } from './fake-oauth.ts';
import {
  buildOnCallEntries,
  type FakeOnCall,
  type FakePagerDutyMode,
  normaliseOnCall,
} from './fake-oncalls.ts';

/** Options of the fake; every field has a test-friendly default. */
export interface FakePagerDutyOptions {
  readonly apiToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly accountId?: string;
  readonly subdomain?: string;
  /** `expires_in` of issued access tokens; default 3600. */
  readonly tokenLifetimeSeconds?: number;
  /** Which answers the REST API gives (default `full`). */
  readonly mode?: FakePagerDutyMode;
}

/** An answer a test makes the fake give once for a path: JSON (`body`) or raw text (`raw`). */
export interface CannedPagerDutyAnswer {
  readonly status?: number;
  readonly body?: unknown;
  /** Sent as it is instead of `body`, e.g. a truncated JSON body. */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

/** One request the fake received. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly accept: string | undefined;
  readonly body: string;
}

/** A local PagerDuty for tests: `/oncalls`, OAuth authorize/token, failure injection, request log. */
export class FakePagerDuty {
  readonly apiUrl: string;
  readonly oauthBaseUrl: string;
  readonly apiToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every request received, oldest first. */
  readonly requests: FakeRequest[] = [];
  readonly #server: Server;
  readonly #oauth: FakeOAuthState;
  readonly #policies = new Map<string, { primary: string[]; secondary: string[] }>();
  readonly #faults = new FakeFaults();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #canned = new Map<string, CannedPagerDutyAnswer[]>();
  readonly #mode: FakePagerDutyMode;
  #latencyMs = 0;

  private constructor(server: Server, oauth: FakeOAuthState, apiToken: string, mode: FakePagerDutyMode) {
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}`;
    this.oauthBaseUrl = this.apiUrl;
    this.apiToken = apiToken;
    this.clientId = oauth.clientId;
    this.clientSecret = oauth.clientSecret;
    this.#server = server;
    this.#oauth = oauth;
    this.#mode = mode;
    server.on('request', (req, res) => {
      this.#handle(req, res).catch(() => res.destroy());
    });
  }

  /** Starts the fake on a free local port. */
  static async start(options: FakePagerDutyOptions = {}): Promise<FakePagerDuty> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = {
      clientId: options.clientId ?? 'fake-client-id',
      clientSecret: options.clientSecret ?? 'fake-client-secret',
    };
    const oauth: FakeOAuthState = {
      ...client,
      accountId: options.accountId ?? 'PACCT01',
      subdomain: options.subdomain ?? 'fake-subdomain',
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
      grants: pagerDutyGrants(client),
      accessTokens: new Set(),
      denyNext: false,
    };
    return new FakePagerDuty(server, oauth, options.apiToken ?? 'fake-api-token', options.mode ?? 'full');
  }

  /** Sets who is on call for a policy (names or the core's `OnCallPerson`s). */
  setOnCall(policyId: string, onCall: FakeOnCall | OnCall): void {
    this.#policies.set(policyId, normaliseOnCall(onCall));
  }

  /** Makes the next `count` (default 1) requests to an endpoint fail. */
  failNext(kind: FaultKind, options: FakeFaultOptions = {}): void {
    this.#faults.add(kind, options);
  }

  /** Makes the next request to `path` (e.g. `/oncalls`) get `answer`; answers queue in order. */
  answerNext(path: string, answer: CannedPagerDutyAnswer): void {
    this.#canned.set(path, [...(this.#canned.get(path) ?? []), answer]);
  }

  /** Delays every answer by `ms`. */
  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }

  /** Issues an OAuth token pair without the browser flow (a back door for tests). */
  issueTokens(scope = 'openid read'): { accessToken: string; refreshToken: string } {
    return issueTokens(this.#oauth, scope);
  }

  /** Makes the next authorization be denied by the "user". */
  denyNextAuthorization(): void {
    this.#oauth.denyNext = true;
  }

  /** Stops the fake, dropping held-back answers and open connections. */
  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const authorization = req.headers.authorization;
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization,
      accept: req.headers.accept,
      body,
    });

    const canned = this.#canned.get(url.pathname)?.shift();
    if (canned !== undefined) {
      const raw = canned.raw ?? JSON.stringify(canned.body ?? null);
      res.writeHead(canned.status ?? 200, { 'content-type': 'application/json', ...canned.headers });
      return void res.end(raw);
    }
    const endpoint: FakeEndpoint | null =
      url.pathname === '/oauth/token' ? 'token' : url.pathname.startsWith('/oauth/') ? null : 'api';
    const fault = endpoint === null ? undefined : this.#faults.take(endpoint);
    const delay = this.#latencyMs + (fault?.kind === 'timeout' ? fault.delayMs : 0);
    if (delay > 0) await this.#sleep(delay);
    const answer = (fault && faultAnswer(fault)) ?? this.#route(req.method, url, body, authorization);
    if (res.destroyed) return;
    res.writeHead(answer.status, {
      ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...answer.headers,
    });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  #route(method: string | undefined, url: URL, body: string, authorization: string | undefined): FakeAnswer {
    if (method === 'GET' && url.pathname === '/oauth/authorize')
      return authorize(this.#oauth, url.searchParams);
    if (method === 'POST' && url.pathname === '/oauth/token')
      return exchangeToken(this.#oauth, new URLSearchParams(body));
    if (method === 'GET' && url.pathname === '/oncalls')
      return this.#oncalls(url.searchParams, authorization);
    const policy = /^\/escalation_policies\/([^/]+)$/.exec(url.pathname)?.[1];
    if (method === 'GET' && policy !== undefined)
      return this.#policy(decodeURIComponent(policy), authorization);
    return FAKE_ERRORS.notFound;
  }

  #authorized(authorization: string | undefined): boolean {
    const [, apiToken] = /^Token token=(.+)$/.exec(authorization ?? '') ?? [];
    if (apiToken !== undefined) return apiToken === this.apiToken;
    const [, bearer] = /^Bearer (.+)$/.exec(authorization ?? '') ?? [];
    return bearer !== undefined && this.#oauth.accessTokens.has(bearer);
  }

  #policy(id: string, authorization: string | undefined): FakeAnswer {
    if (!this.#authorized(authorization)) return FAKE_ERRORS.unauthorized;
    if (!this.#policies.has(id)) return FAKE_ERRORS.notFound;
    // "Get an escalation policy" (GET /escalation_policies/{id}, operationId getEscalationPolicy in
    // PagerDuty's published reference github.com/PagerDuty/api-schema reference/REST/openapiv3.json):
    // the Response Example's fields, rules and services left empty; minimal: the required `type`,
    // `name` and `escalation_rules`.
    const base = { id, type: 'escalation_policy', name: `Policy ${id}`, escalation_rules: [] };
    const policy =
      this.#mode === 'minimal'
        ? base
        : {
            ...base,
            summary: `Policy ${id}`,
            self: `https://api.pagerduty.com/escalation_policies/${id}`,
            html_url: `https://subdomain.pagerduty.com/escalation_policies/${id}`,
            on_call_handoff_notifications: 'if_has_services',
            num_loops: 0,
            services: [],
            teams: [],
            description: '',
          };
    return { status: 200, body: { escalation_policy: policy } };
  }

  #oncalls(query: URLSearchParams, authorization: string | undefined): FakeAnswer {
    if (!this.#authorized(authorization)) return FAKE_ERRORS.unauthorized;
    // Classic offset pagination: limit (default 25, at most 100), offset, more, and total only when
    // asked with total=true (else null). https://developer.pagerduty.com/docs/rest-api-v2/pagination/
    const limit = Math.min(Number(query.get('limit') ?? 25) || 25, 100);
    const offset = Number(query.get('offset') ?? 0) || 0;
    const includeUsers = query.getAll('include[]').includes('users');
    const policyIds = query.getAll('escalation_policy_ids[]');
    const all = buildOnCallEntries(this.#policies, { policyIds, includeUsers }, new Date(), this.#mode);
    const oncalls = all.slice(offset, offset + limit);
    const total = query.get('total') === 'true' ? all.length : null;
    return { status: 200, body: { oncalls, limit, offset, more: offset + limit < all.length, total } };
  }
}
