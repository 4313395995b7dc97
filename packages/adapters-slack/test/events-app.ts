import type { Clock } from '@zenslackchat/core';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type {
  AcceptInput,
  AcceptResult,
  SlackEventsPluginOptions,
} from '../src/events/slack-events-config.ts';
import { slackEventsPlugin } from '../src/events/slack-events-plugin.ts';
import { signSlackRequest } from '../src/fake/index.ts';

export const SECRET = 'test-signing-secret';
export const NOW = new Date('2026-11-27T10:00:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);

/** A fastify app with the events plugin, a recording accept and captured log lines. */
export interface EventsApp {
  readonly app: FastifyInstance;
  readonly accepted: AcceptInput[];
  readonly logs: Record<string, unknown>[];
  /** Posts `body` signed with SECRET at `timestamp` (default now), plus extra headers. */
  post(
    body: string,
    options?: { timestamp?: number; headers?: Record<string, string>; sign?: boolean },
  ): Promise<LightMyRequestResponse>;
}

export async function eventsApp(
  options: Partial<SlackEventsPluginOptions> & {
    result?: (input: AcceptInput) => Promise<AcceptResult>;
  } = {},
): Promise<EventsApp> {
  const accepted: AcceptInput[] = [];
  const logs: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const clock: Clock = { now: () => NOW };
  const app = Fastify({
    logger: { level: 'debug', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  });
  await app.register(slackEventsPlugin, {
    signingSecret: SECRET,
    clock,
    accept:
      options.result ??
      (async (input) => {
        accepted.push(input);
        if (seen.has(input.eventId)) return 'duplicate';
        seen.add(input.eventId);
        return 'accepted';
      }),
    ...options,
  });
  await app.ready();
  return {
    app,
    accepted,
    logs,
    post: (body, { timestamp = NOW_S, headers = {}, sign = true } = {}) =>
      app.inject({
        method: 'POST',
        url: '/slack/events/',
        payload: body,
        headers: {
          'content-type': 'application/json',
          ...(sign ? signSlackRequest(body, SECRET, timestamp) : {}),
          ...headers,
        },
      }),
  };
}
