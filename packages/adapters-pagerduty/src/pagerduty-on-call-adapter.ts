import {
  type Clock,
  isIntegrationError,
  type Logger,
  type OnCall,
  type OnCallPort,
  silentLogger,
  systemClock,
} from '@zenslackchat/core';
import { type OnCallEntry, parseOnCallsPage, toOnCall } from './oncalls-page.ts';
import { withPagerDutyCall } from './pagerduty-call.ts';
import {
  PAGERDUTY,
  PAGERDUTY_DEFAULTS,
  type PagerDutyAuth,
  type PagerDutyOnCallOptions,
} from './pagerduty-config.ts';

interface CacheEntry {
  readonly onCall: OnCall;
  readonly expiresAt: number;
}

/**
 * `OnCallPort` on PagerDuty's REST API through pdjs: `GET /oncalls` for one escalation policy
 * (earliest entry per level, all pages), level 1 primary, level 2 secondary; an empty answer is
 * checked against `GET /escalation_policies/{id}` so an unknown policy is `NotFound`. Answers are cached per
 * policy for `cacheTtlMs` (failures are not); every failure is an `IntegrationError` within `timeoutMs`.
 */
export class PagerDutyOnCallAdapter implements OnCallPort {
  readonly #apiUrl: string;
  readonly #auth: PagerDutyAuth;
  readonly #timeoutMs: number;
  readonly #cacheTtlMs: number;
  readonly #pageSize: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, Promise<OnCall>>();

  constructor(options: PagerDutyOnCallOptions) {
    this.#apiUrl = options.apiUrl ?? PAGERDUTY_DEFAULTS.apiUrl;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs ?? PAGERDUTY_DEFAULTS.timeoutMs;
    this.#cacheTtlMs = options.cacheTtlMs ?? PAGERDUTY_DEFAULTS.cacheTtlMs;
    this.#pageSize = options.pageSize ?? PAGERDUTY_DEFAULTS.pageSize;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Who is on call for the policy; concurrent calls for one policy share one request. */
  whoIsOnCall(escalationPolicyId: string): Promise<OnCall> {
    const cached = this.#cache.get(escalationPolicyId);
    if (cached && cached.expiresAt > this.#clock.now().getTime()) return Promise.resolve(cached.onCall);
    const running = this.#inFlight.get(escalationPolicyId);
    if (running) return running;
    const lookup = this.#lookUp(escalationPolicyId).finally(() => this.#inFlight.delete(escalationPolicyId));
    this.#inFlight.set(escalationPolicyId, lookup);
    return lookup;
  }

  async #lookUp(policyId: string): Promise<OnCall> {
    const started = this.#clock.now().getTime();
    try {
      const onCall = await withPagerDutyCall(
        { apiUrl: this.#apiUrl, what: 'on-call look-up', timeoutMs: this.#timeoutMs, clock: this.#clock },
        async (get) => {
          const auth = await this.#credentials();
          const entries: OnCallEntry[] = [];
          for (let page = 0, offset = 0; page < PAGERDUTY_DEFAULTS.maxPages; page++) {
            const query = {
              'escalation_policy_ids[]': [policyId],
              // The user object's `name` is required; a reference's `summary` may be null.
              'include[]': ['users'],
              earliest: 'true',
              limit: String(this.#pageSize),
              offset: String(offset),
            };
            const parsed = parseOnCallsPage(await get('/oncalls', query, auth));
            entries.push(...parsed.entries);
            if (!parsed.more || parsed.entries.length === 0) break;
            offset = parsed.offset + parsed.entries.length;
          }
          // /oncalls cannot tell "nobody on call" from "no such policy": ask, so a wrong
          // PAGERDUTY_ESCALATION_POLICY_ID fails loudly (NotFound) instead of naming nobody forever.
          if (entries.length === 0)
            await get(`/escalation_policies/${encodeURIComponent(policyId)}`, {}, auth);
          return toOnCall(entries, policyId);
        },
      );
      if (this.#cacheTtlMs > 0) {
        this.#cache.set(policyId, { onCall, expiresAt: this.#clock.now().getTime() + this.#cacheTtlMs });
      }
      return onCall;
    } catch (error) {
      // Debug only: the error itself reaches the caller, which logs it once (the core at warn).
      this.#logger.debug(
        {
          integration: PAGERDUTY,
          policyId,
          reason: isIntegrationError(error) ? error.reason : 'Unknown',
          retryAfterMs: isIntegrationError(error) ? error.retryAfterMs : undefined,
          elapsedMs: this.#clock.now().getTime() - started,
        },
        'PagerDuty on-call look-up failed',
      );
      throw error;
    }
  }

  async #credentials(): Promise<{ token: string; tokenType: 'token' | 'bearer' }> {
    if (this.#auth.kind === 'token') return { token: this.#auth.apiToken, tokenType: 'token' };
    const { accessToken } = this.#auth;
    return {
      token: typeof accessToken === 'string' ? accessToken : await accessToken(),
      tokenType: 'bearer',
    };
  }
}
