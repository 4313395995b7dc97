import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, type QueuedFaultOptions } from '@zenslackchat/adapter-kit';
import type { ChatUser } from '@zenslackchat/core';
import type { FaultKind } from '@zenslackchat/core/testing';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { TEAMS_DEFAULTS } from '../teams-chat-config.ts';
import { answerGraph } from './fake-graph.ts';
import { graphError, graphFaultAnswer, graphUnauthenticated } from './fake-graph-answers.ts';
import { getMember, sendToConversation, updateActivity } from './fake-teams-connector.ts';
import { type Answer, connectorError } from './fake-teams-http.ts';
import {
  answerTokenRequest,
  BOT_CONNECTOR_AUDIENCE,
  type FakeApp,
  fakeEntraIssuer,
  GRAPH_AUDIENCE,
  jwks,
  openIdMetadata,
  readBody,
} from './fake-teams-issuer.ts';
import { type FakeSigningKey, makeSigningKey, signToken } from './fake-teams-keys.ts';
import { FakeTeamsState } from './fake-teams-state.ts';
import { faultAnswer } from './fault-answer.ts';

/** Options of `FakeTeams.start`. */
export interface FakeTeamsOptions {
  readonly app?: Partial<FakeApp>;
  /** Channels (conversation ids) that exist; default one support channel. */
  readonly channels?: readonly string[];
  /** The team's Microsoft 365 group id in Graph; default `FAKE_TEAMS_TEAM_ID`. */
  readonly teamId?: string;
}

/** The fake team's group id, as Graph's `/teams/{team-id}` takes it. */
export const FAKE_TEAMS_TEAM_ID = 'b9f3c1d2-6a4e-4f80-9c17-2d5e8a0b4c63';

/** Where Microsoft Graph's v1.0 root is below the fake's URL. */
const GRAPH_PREFIX = '/graph/v1.0';

/** The fake's default support channel id, shaped like Teams' `19:…@thread.tacv2`. */
export const FAKE_TEAMS_CHANNEL = '19:0f3a7c9d2b8e4a61b5c2d7e8f9a01234@thread.tacv2';

/**
 * A local Microsoft Teams: the Bot Connector (under `/teams`, the service URL), Microsoft Graph's
 * channel messages and replies (under `/graph/v1.0`, listing what was posted), the Entra ID
 * token endpoint the bot gets its app-only tokens from, and the Bot Framework OpenID metadata and
 * keys with its own signing key, so inbound activities can be signed as Microsoft signs them.
 */
export class FakeTeams {
  readonly state = new FakeTeamsState();
  readonly app: FakeApp;
  readonly url: string;
  readonly serviceUrl: string;
  /** Microsoft Graph's v1.0 root on the fake (`channels/{id}/messages` and its replies). */
  readonly graphUrl: string;
  readonly teamId: string;
  /** The key the fake's Bot Connector signs activities with (listed in its JWKS). */
  readonly connectorKey: FakeSigningKey;
  readonly #entraKey: FakeSigningKey;
  readonly #server: Server;
  readonly #faults = new FaultQueue<FaultKind>();
  readonly #graphFaults = new FaultQueue<FaultKind>();

  private constructor(
    server: Server,
    url: string,
    app: FakeApp,
    keys: [FakeSigningKey, FakeSigningKey],
    teamId: string,
  ) {
    this.#server = server;
    this.url = url;
    this.serviceUrl = `${url}/teams/`;
    this.graphUrl = `${url}${GRAPH_PREFIX}`;
    this.teamId = teamId;
    this.app = app;
    [this.connectorKey, this.#entraKey] = keys;
  }

  /** Starts the fake on a free local port. */
  static async start(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
    const app: FakeApp = {
      appId: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f',
      appPassword: 'fake-teams-secret',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      ...options.app,
    };
    const keys: [FakeSigningKey, FakeSigningKey] = [
      await makeSigningKey('fake-connector-1'),
      await makeSigningKey('fake-entra-1'),
    ];
    let fake: FakeTeams | undefined;
    const server = createServer((req, res) => void fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake = new FakeTeams(server, url, app, keys, options.teamId ?? FAKE_TEAMS_TEAM_ID);
    for (const channel of options.channels ?? [FAKE_TEAMS_CHANNEL]) fake.state.channels.add(channel);
    return fake;
  }

  /** The OpenID metadata URL the bot must read its keys from. */
  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** Adds a member to every channel of the fake team. */
  addUser(user: ChatUser): void {
    this.state.members.set(user.id, user);
  }

  /** Makes the next Bot Connector call(s) fail (token and metadata endpoints are not affected). */
  failNext(kind: FaultKind, options: QueuedFaultOptions = {}): void {
    this.#faults.failNext(kind, options);
  }

  /** Makes the next Graph call(s) fail as Graph answers the fault. */
  failNextGraph(kind: FaultKind, options: QueuedFaultOptions = {}): void {
    this.#graphFaults.failNext(kind, options);
  }

  /** A token as the Bot Connector puts on an activity it sends to the bot; parts can be forged. */
  signInbound(
    serviceUrl: string,
    overrides: { issuer?: string; audience?: string; key?: FakeSigningKey; expiresInS?: number } = {},
  ): Promise<string> {
    return signToken(overrides.key ?? this.connectorKey, {
      issuer: overrides.issuer ?? TEAMS_DEFAULTS.tokenIssuer,
      audience: overrides.audience ?? this.app.appId,
      ...(overrides.expiresInS === undefined ? {} : { expiresInS: overrides.expiresInS }),
      extra: { serviceurl: serviceUrl },
    });
  }

  /** Stops the server. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const body = await readBody(req);
    let answer: Answer;
    try {
      answer = path.startsWith(`${GRAPH_PREFIX}/`)
        ? await this.#graph(
            req.method ?? 'GET',
            path.slice(GRAPH_PREFIX.length),
            query,
            req.headers.authorization,
          )
        : await this.#route(req.method ?? 'GET', path, body, req.headers.authorization);
    } catch {
      answer = connectorError(500, 'ServiceError', 'The fake failed.');
    }
    this.state.calls.push({ method: req.method ?? 'GET', path, status: answer.status });
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  async #route(
    method: string,
    path: string,
    body: string,
    authorization: string | undefined,
  ): Promise<Answer> {
    if (method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return openIdMetadata(this.url, TEAMS_DEFAULTS.tokenIssuer);
    }
    if (method === 'GET' && path === '/v1/.well-known/keys') return jwks([this.connectorKey]);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (method === 'POST' && token?.[1] !== undefined) {
      return answerTokenRequest(
        decodeURIComponent(token[1]),
        new URLSearchParams(body),
        this.app,
        this.#entraKey,
      );
    }
    const api = /^\/teams\/v3\/conversations\/([^/]+)\/(activities(?:\/([^/]+))?|members\/([^/]+))$/.exec(
      path,
    );
    if (api?.[1] === undefined) return connectorError(404, 'NotFound', 'No such endpoint.');
    if (!(await this.#authorised(authorization, BOT_CONNECTOR_AUDIENCE))) {
      // https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector
      return { status: 401, body: { message: 'Authorization has been denied for this request.' } };
    }
    const fault = this.#faults.take();
    if (fault !== undefined) {
      const answer = faultAnswer(fault);
      if (answer !== undefined) return answer;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    const conversationId = decodeURIComponent(api[1]);
    if (method === 'POST' && api[2] === 'activities')
      return sendToConversation(this.state, conversationId, body, `28:${this.app.appId}`);
    if (method === 'PUT' && api[3] !== undefined) {
      const activityId = decodeURIComponent(api[3]);
      return updateActivity(this.state, conversationId, activityId, body, `28:${this.app.appId}`);
    }
    if (method === 'GET' && api[4] !== undefined) {
      return getMember(this.state, conversationId, decodeURIComponent(api[4]), this.app.tenantId);
    }
    return connectorError(405, 'MethodNotAllowed', 'Method not allowed.');
  }

  /** Graph: a bearer token for Graph's audience first, then the fault queue, then the answer. */
  async #graph(
    method: string,
    path: string,
    query: string,
    authorization: string | undefined,
  ): Promise<Answer> {
    if (!(await this.#authorised(authorization, GRAPH_AUDIENCE))) return graphUnauthenticated();
    const fault = this.#graphFaults.take();
    if (fault !== undefined) {
      const answer = graphFaultAnswer(fault);
      if (answer !== undefined) return answer;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (method !== 'GET') return graphError(405, 'MethodNotAllowed', 'Method not allowed.');
    const context = { teamId: this.teamId, appId: this.app.appId, graphUrl: this.graphUrl };
    return answerGraph(this.state, context, path, new URLSearchParams(query));
  }

  async #authorised(header: string | undefined, audience: string): Promise<boolean> {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (token === undefined) return false;
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [this.#entraKey.jwk] }), {
        issuer: fakeEntraIssuer(this.app.tenantId),
        audience,
        algorithms: ['RS256'],
      });
      return payload.appid === this.app.appId;
    } catch {
      return false;
    }
  }
}
