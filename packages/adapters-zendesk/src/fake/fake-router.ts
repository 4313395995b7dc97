import { createHash } from 'node:crypto';
import { listAudits } from './fake-audits-api.ts';
import { showManyTickets } from './fake-bulk-api.ts';
import { type ListContext, listComments } from './fake-comments-api.ts';
import type { FakeOAuth } from './fake-oauth.ts';
import { apiError, type FakeResponse, type FakeUser, type RecordedRequest } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { createTicket, listTickets, showTicket, updateTicket } from './fake-tickets-api.ts';
import { createOrUpdateUser, searchUsers } from './fake-users-api.ts';
import { showSelf } from './fake-users-me.ts';

/** Who may call the API: one API-token agent and the bearer tokens issued so far. */
export interface FakeCredentials {
  readonly agentEmail: string;
  readonly apiToken: string;
  /** Bearer token → its scopes. */
  readonly bearerTokens: Map<string, readonly string[]>;
  /** The user a bearer token acts as unless impersonating. */
  readonly tokenOwner: FakeUser;
}

interface IdempotentResult {
  readonly bodyHash: string;
  readonly response: FakeResponse;
}

/** Routes one request of the fake: OAuth pages, then the authenticated `/api/v2` endpoints. */
export class FakeRouter {
  private readonly idempotency = new Map<string, IdempotentResult>();
  private readonly state: FakeState;
  private readonly oauth: FakeOAuth;
  private readonly credentials: FakeCredentials;
  private readonly lists: ListContext;

  constructor(state: FakeState, oauth: FakeOAuth, credentials: FakeCredentials, lists: ListContext) {
    this.state = state;
    this.oauth = oauth;
    this.credentials = credentials;
    this.lists = lists;
  }

  /** Whether the path is an API path (counted, authenticated, subject to faults). */
  static isApi(path: string): boolean {
    return path.startsWith('/api/v2/');
  }

  /** The route name of an API path: `/api/v2/tickets/7.json` → `tickets/7`. */
  static resource(path: string): string {
    return path.replace(/^\/api\/v2\//, '').replace(/\.json$/, '');
  }

  /** OAuth endpoints (no API authentication). */
  routeOAuth(request: RecordedRequest): FakeResponse {
    if (request.method === 'GET' && request.path === '/oauth/authorizations/new')
      return this.oauth.authorize(request.query);
    if (request.method === 'POST' && request.path === '/oauth/tokens') return this.oauth.token(request.body);
    return apiError(404, 'InvalidEndpoint', 'Not found');
  }

  /**
   * The user the request authenticates as, or the 401/403 answer (401 `Couldn't authenticate you`
   * for a wrong `{email}/token` pair or bearer token).
   * https://developer.zendesk.com/api-reference/introduction/security-and-auth/
   */
  authenticate(headers: Readonly<Record<string, string>>): FakeUser | FakeResponse {
    const [scheme, value = ''] = (headers.authorization ?? '').split(' ');
    const unauthorized = apiError(401, "Couldn't authenticate you");
    if (scheme === 'Basic') {
      const decoded = Buffer.from(value, 'base64').toString();
      const { agentEmail, apiToken } = this.credentials;
      const separator = decoded.indexOf('/token:');
      const email = decoded.slice(0, separator).toLowerCase();
      const token = decoded.slice(separator + '/token:'.length);
      if (separator > 0 && email === agentEmail.toLowerCase() && token === apiToken) {
        return this.state.userByEmail(agentEmail) ?? unauthorized;
      }
      return unauthorized;
    }
    const scopes = scheme === 'Bearer' ? this.credentials.bearerTokens.get(value) : undefined;
    if (!scopes) return unauthorized;
    const onBehalfOf = headers['x-on-behalf-of'];
    if (onBehalfOf === undefined) return this.credentials.tokenOwner;
    const user = this.state.userByEmail(onBehalfOf);
    if (!scopes.includes('impersonate') || !user || user.role === 'end-user') {
      return apiError(403, 'Forbidden', 'You do not have access to this page');
    }
    return user;
  }

  /** An authenticated API request. */
  routeApi(actor: FakeUser, request: RecordedRequest, url: string): FakeResponse {
    const parts = FakeRouter.resource(request.path).split('/');
    const [collection, idText, sub] = parts;
    const id = idText !== undefined && /^\d+$/.test(idText) ? Number(idText) : undefined;
    const key = `${request.method} ${collection}${idText === undefined ? '' : id === undefined ? `/${idText}` : '/:id'}${sub ? `/${sub}` : ''}`;
    const mode = this.lists.mode;
    switch (parts.length <= 3 ? key : '') {
      case 'POST tickets':
        return this.idempotent(request, () =>
          createTicket(this.state, actor, request.body, url.replace(/\/tickets.*$/, ''), mode),
        );
      case 'GET tickets':
        return listTickets(this.state, request.query, mode);
      case 'GET tickets/:id':
        return showTicket(this.state, id ?? 0, request.query, mode);
      case 'PUT tickets/:id':
        return updateTicket(this.state, actor, id ?? 0, request.body, mode);
      case 'GET tickets/show_many':
        return showManyTickets(this.state, request.query, mode);
      case 'GET tickets/:id/audits':
        return listAudits(this.state, id ?? 0, request.query, url, mode);
      case 'GET tickets/:id/comments':
        return listComments(this.lists, id ?? 0, request.query, url);
      case 'POST uploads':
        return this.state.uploads.create(
          request.query,
          request.body,
          request.headers['content-type'] ?? 'application/binary',
        );
      case 'GET users/me':
        return showSelf(actor, mode);
      case 'GET users/search':
        return searchUsers(this.state, request.query, mode);
      case 'POST users/create_or_update':
        return createOrUpdateUser(this.state, request.body, mode);
      default:
        // An unknown path: https://developer.zendesk.com/api-reference/introduction/requests/
        return apiError(404, 'InvalidEndpoint', 'Not found');
    }
  }

  // Same key + same body → the first answer again, marked `x-idempotency-lookup: hit`; same key +
  // other body → 400 IdempotentRequestError.
  // https://developer.zendesk.com/api-reference/ticketing/introduction/#idempotency
  private idempotent(request: RecordedRequest, handle: () => FakeResponse): FakeResponse {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return handle();
    const bodyHash = createHash('sha256').update(JSON.stringify(request.body)).digest('hex');
    const known = this.idempotency.get(key);
    if (known && known.bodyHash !== bodyHash) {
      return apiError(400, 'IdempotentRequestError', 'Idempotency key was used with a different request');
    }
    if (known)
      return { ...known.response, headers: { ...known.response.headers, 'x-idempotency-lookup': 'hit' } };
    const response = handle();
    if (response.status < 300) this.idempotency.set(key, { bodyHash, response });
    return { ...response, headers: { ...response.headers, 'x-idempotency-lookup': 'miss' } };
  }
}
