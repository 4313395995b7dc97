import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { api } from '@pagerduty/pdjs';
// pdjs's index does not re-export its parameter type.
import type { APIParameters } from '@pagerduty/pdjs/build/src/api.js';
import { type Clock, IntegrationError } from '@zenslackchat/core';
import { PAGERDUTY } from './pagerduty-config.ts';
import { pagerDutyStatusError, rateLimitWaitMs, toPagerDutyError } from './pagerduty-error.ts';

/** What one deadline-bound PagerDuty call needs. */
export interface PagerDutyCallOptions {
  /** REST API base, e.g. `https://api.pagerduty.com`. */
  readonly apiUrl: string;
  /** What is being done, for error messages (`on-call look-up`). */
  readonly what: string;
  readonly timeoutMs: number;
  readonly clock: Clock;
}

/** A GET of `path` through pdjs inside the call: JSON body on 2xx, `IntegrationError` otherwise. */
export type PagerDutyGet = (
  path: string,
  query: Record<string, string | string[]>,
  auth: { readonly token: string; readonly tokenType: 'token' | 'bearer' },
) => Promise<unknown>;

// Node publishes every client response here before the `response` event; see below for why.
const RESPONSE_CHANNEL = 'http.client.response.finish';

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const isResponseLike = (value: unknown): value is { status: number; ok: boolean } =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';

/**
 * Runs `work` with a pdjs-backed GET under one deadline, wrapping pdjs's quirks: its
 * `requestTimeout` never aborts (we abort through a signal), and it retries a 429 three times after
 * `retryTimeout` (20 s by default) without showing us the response. Each call gets its own agent and
 * watches Node's HTTP diagnostics channel for that agent's responses: a 429 aborts the call at once
 * with `RateLimited` and the vendor's wait (`ratelimit-reset`), so nothing waits and nothing is re-sent.
 */
export async function withPagerDutyCall<T>(
  options: PagerDutyCallOptions,
  work: (get: PagerDutyGet) => Promise<T>,
): Promise<T> {
  const { apiUrl, what, timeoutMs, clock } = options;
  const base = apiUrl.replace(/\/+$/, '');
  const controller = new AbortController();
  const agent = base.startsWith('https:') ? new HttpsAgent() : new HttpAgent();
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request: { agent?: unknown }; response: IncomingMessage };
    if (request.agent !== agent || response.statusCode !== 429) return;
    const retryAfterMs = rateLimitWaitMs((name) => headerValue(response.headers[name]), clock.now());
    controller.abort(pagerDutyStatusError(429, what, retryAfterMs));
  };
  const timer = setTimeout(() => {
    const message = `PagerDuty ${what} timed out after ${timeoutMs} ms`;
    controller.abort(new IntegrationError('Unavailable', message, { integration: PAGERDUTY }));
  }, timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => {});

  const get: PagerDutyGet = async (path, query, auth) => {
    const parameters: APIParameters & { agent: HttpAgent } = {
      url: `${base}${path}`,
      method: 'GET',
      token: auth.token,
      tokenType: auth.tokenType,
      queryParameters: query,
      signal: controller.signal,
      agent,
      // Bounded in case a 429 ever slips past the channel: the deadline still fires first.
      retryTimeout: timeoutMs,
      // 0 stops pdjs from arming its own (non-aborting) 30 s timer.
      requestTimeout: 0,
    };
    try {
      const response = await api(parameters);
      if (!response.ok) {
        const retryAfterMs = rateLimitWaitMs((name) => response.headers.get(name), clock.now());
        throw pagerDutyStatusError(response.status, what, retryAfterMs);
      }
      return response.data as unknown;
    } catch (error) {
      // pdjs rejects with the response itself when the body is not JSON.
      if (!isResponseLike(error)) throw error;
      if (!error.ok) throw pagerDutyStatusError(error.status, what);
      throw new IntegrationError('Invalid', `PagerDuty ${what} answered a body that is not JSON`, {
        integration: PAGERDUTY,
      });
    }
  };

  subscribe(RESPONSE_CHANNEL, onResponse);
  try {
    return await Promise.race([work(get), aborted]);
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : toPagerDutyError(error, what);
  } finally {
    clearTimeout(timer);
    unsubscribe(RESPONSE_CHANNEL, onResponse);
    agent.destroy();
  }
}
