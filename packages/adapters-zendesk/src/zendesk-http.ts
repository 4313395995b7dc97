import { IntegrationError, isIntegrationError, type Logger, silentLogger } from '@zenslackchat/core';
import zendesk from 'node-zendesk';
import { DEFAULT_TIMEOUT_MS, type ZendeskAuth } from './zendesk-config.ts';
import { readErrorBody } from './zendesk-error-body.ts';
import { errorForStatus, errorForTransport } from './zendesk-errors.ts';

/** A 2xx answer: status, parsed JSON body (`{}` when there was none) and headers. */
export interface ZendeskAnswer {
  readonly status: number;
  readonly body: unknown;
  header(name: string): string | null;
}

/** Query, JSON body and extra headers of one request. */
export interface ZendeskRequest {
  readonly query?: Readonly<Record<string, string | number>>;
  readonly body?: unknown;
  /** Extra headers for this request only (e.g. `Idempotency-Key`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw bytes sent as `application/binary` instead of a JSON body (uploads). */
  readonly binary?: Uint8Array;
}

// node-zendesk's own binary path (its `upload` helper wants a file path or a Node stream).
interface BinaryTransporter {
  prepareOptionsForRequest(method: string, uri: unknown[], body: Uint8Array, binary: true): unknown;
  sendRequest(options: unknown): Promise<unknown>;
}

interface AdaptedResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

/**
 * Sends requests through node-zendesk (URL building, auth headers, `X-On-Behalf-Of`) and turns
 * every failure into an `IntegrationError`. node-zendesk has neither per-request headers nor
 * timeouts, and resolves some failures (429) instead of throwing, so this class builds a client
 * per request that needs one (an `Idempotency-Key` header, a freshly read OAuth token; others
 * share one), gives it a
 * `transportConfig` on global fetch with an abort timeout, and reads the status itself through
 * the client's transporter rather than its resource methods (which also drop the create audit).
 */
export class ZendeskHttp {
  private readonly apiUrl: string;
  private readonly auth: ZendeskAuth;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private shared: zendesk.ZendeskClient | undefined;

  constructor(options: {
    apiUrl: string;
    auth: ZendeskAuth;
    timeoutMs?: number | undefined;
    logger?: Logger | undefined;
  }) {
    this.apiUrl = checkedApiUrl(options.apiUrl);
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? silentLogger;
  }

  /** Sends one request; `operation` names it in errors. Throws `IntegrationError` unless 2xx. */
  async send(
    operation: string,
    method: 'GET' | 'POST' | 'PUT',
    path: readonly (string | number)[],
    request: ZendeskRequest = {},
  ): Promise<ZendeskAnswer> {
    const client = await this.client(request.headers);
    const uri: unknown[] = [...path.map(String), ...(request.query ? [{ ...request.query }] : [])];
    const started = performance.now();
    let answer: { response: AdaptedResponse; result: unknown };
    try {
      const transporter = client.tickets.transporter;
      if (request.binary !== undefined) {
        const binary = transporter as unknown as BinaryTransporter;
        const options = binary.prepareOptionsForRequest(method, uri, request.binary, true);
        answer = (await binary.sendRequest(options)) as typeof answer;
      } else {
        answer = (await transporter.request(method, uri, request.body ?? null)) as typeof answer;
      }
    } catch (error) {
      const failure = errorForTransport(operation, error);
      this.logger.debug(
        { integration: 'zendesk', operation, error: failure.message },
        'zendesk request failed',
      );
      throw failure;
    }
    const { response, result } = answer;
    const ms = Math.round(performance.now() - started);
    this.logger.debug({ integration: 'zendesk', operation, status: response.status, ms }, 'zendesk request');
    if (response.status < 200 || response.status >= 300) {
      const retryAfter = response.headers.get('retry-after');
      throw errorForStatus(response.status, retryAfter, operation, readErrorBody(result));
    }
    return { status: response.status, body: result, header: (name) => response.headers.get(name) };
  }

  /** The API's origin (`https://{subdomain}.zendesk.com`): the only host credentials are sent to. */
  get origin(): string {
    return new URL(this.apiUrl).origin;
  }

  /**
   * The `Authorization` header the API calls carry (API token: Basic `email/token:TOKEN`; OAuth:
   * Bearer), for requests outside node-zendesk (attachment downloads). Only for `origin`.
   */
  async authorization(): Promise<string> {
    if (this.auth.kind === 'token') {
      const basic = Buffer.from(`${this.auth.email}/token:${this.auth.apiToken}`).toString('base64');
      return `Basic ${basic}`;
    }
    const { accessToken } = this.auth;
    return `Bearer ${typeof accessToken === 'function' ? await readToken(accessToken) : accessToken}`;
  }

  // Building a node-zendesk client costs more CPU than the request: one is kept for requests
  // without extra headers when the credentials cannot change (not a token read per request).
  private async client(
    headers: Readonly<Record<string, string>> | undefined,
  ): Promise<zendesk.ZendeskClient> {
    const reusable =
      headers === undefined && (this.auth.kind === 'token' || typeof this.auth.accessToken === 'string');
    if (reusable && this.shared !== undefined) return this.shared;
    const client = zendesk.createClient({ ...(await this.credentials()), ...this.transport(headers) });
    if (reusable) this.shared = client;
    return client;
  }

  private async credentials(): Promise<zendesk.ZendeskClientOptions> {
    if (this.auth.kind === 'token') return { username: this.auth.email, token: this.auth.apiToken };
    const { accessToken, onBehalfOf } = this.auth;
    const token = typeof accessToken === 'function' ? await readToken(accessToken) : accessToken;
    return { token, useOAuth: true, ...(onBehalfOf ? { asUser: onBehalfOf } : {}) };
  }

  private transport(headers: Readonly<Record<string, string>> | undefined): zendesk.ZendeskClientOptions {
    const timeoutMs = this.timeoutMs;
    return {
      endpointUri: this.apiUrl,
      throwOriginalException: true,
      debug: false,
      ...(headers ? { customHeaders: { ...headers } } : {}),
      transportConfig: {
        transportFn: (
          uri: string,
          init: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
        ) =>
          fetch(uri, {
            method: init.method,
            headers: init.headers,
            ...(init.body !== undefined ? { body: init.body } : {}),
            signal: AbortSignal.timeout(timeoutMs),
          }),
        responseAdapter: (response: Response) => ({
          json: () => response.json(),
          status: response.status,
          headers: { get: (name: string) => response.headers.get(name) },
          statusText: response.statusText,
        }),
      },
    };
  }
}

// A base without /api/v2 would make every call a 404, which reads as "no such ticket": refuse it.
function checkedApiUrl(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  if (
    !URL.canParse(trimmed) ||
    !/^https?:$/.test(new URL(trimmed).protocol) ||
    !trimmed.endsWith('/api/v2')
  ) {
    throw new TypeError('Zendesk apiUrl must be an http(s) URL ending in /api/v2');
  }
  return trimmed;
}

async function readToken(read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch (error) {
    if (isIntegrationError(error)) throw error;
    throw new IntegrationError('Unavailable', 'zendesk token could not be read', {
      integration: 'zendesk',
      cause: error,
    });
  }
}
