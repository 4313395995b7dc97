import { type ExpiringToken, TokenCache } from '@zenslackchat/adapter-kit';
import { IntegrationError } from '@zenslackchat/core';
import { reasonForTeamsStatus, TEAMS } from './teams-errors.ts';

/** Where and as whom the bot asks Entra ID for its app-only token. */
export interface TeamsTokenOptions {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  readonly loginUrl: string;
  readonly timeoutMs: number;
  /** Renew this long before expiry (default 5 min). */
  readonly marginMs?: number;
  readonly now?: () => number;
}

/**
 * The OAuth 2.0 client-credentials grant of a bot (Bot Connector authentication, step 1:
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication),
 * one token per scope (the Bot Connector's and Graph's have different audiences), each kept in an
 * adapter-kit `TokenCache` until shortly before `expires_in` and shared by concurrent callers.
 * Written on fetch rather than `@azure/msal-node` because MSAL insists on an https authority it
 * can discover, which a local fake issuer is not; the grant itself is one form POST.
 */
export class TeamsTokenProvider {
  readonly #options: TeamsTokenOptions;
  readonly #caches = new Map<string, TokenCache>();

  constructor(options: TeamsTokenOptions) {
    this.#options = options;
  }

  /** An access token for `scope`, from the cache while it is fresh. */
  getAppToken(scope: string): Promise<string> {
    let cache = this.#caches.get(scope);
    if (cache === undefined) {
      const now = this.#options.now ?? Date.now;
      cache = new TokenCache(() => this.#fetch(scope, now()), {
        marginMs: this.#options.marginMs ?? 300_000,
        now,
      });
      this.#caches.set(scope, cache);
    }
    return cache.get();
  }

  async #fetch(scope: string, now: number): Promise<ExpiringToken> {
    const { loginUrl, tenantId, appId, appPassword, timeoutMs } = this.#options;
    const url = `${loginUrl.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: appId,
      client_secret: appPassword,
      scope,
    });
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new IntegrationError('Unavailable', 'Teams token: request failed', {
        integration: TEAMS,
        cause: error,
      });
    }
    const json = (await response.json().catch(() => undefined)) as
      | { access_token?: unknown; expires_in?: unknown; error?: unknown }
      | undefined;
    if (!response.ok) {
      // Entra answers a wrong secret or app id with 400/401 `invalid_client`: a credentials problem.
      const code = typeof json?.error === 'string' ? json.error : `HTTP ${response.status}`;
      const reason = code === 'invalid_client' ? 'Unauthorized' : reasonForTeamsStatus(response.status);
      throw new IntegrationError(reason, `Teams token: ${code}`, { integration: TEAMS });
    }
    if (typeof json?.access_token !== 'string' || typeof json.expires_in !== 'number') {
      throw new IntegrationError('Unavailable', 'Teams token: unexpected answer', { integration: TEAMS });
    }
    return { token: json.access_token, expiresAt: now + json.expires_in * 1000 };
  }
}
