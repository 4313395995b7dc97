import { systemClock } from '@zenslackchat/core';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { acceptWithin } from './accept-within.ts';
import { legacyReplayFailure, legacyTokenMatches } from './legacy-token.ts';
import { normaliseMessageEvent } from './normalise-slack-message.ts';
import { decodeSlackBody, describeIssues, slackEnvelopeSchema } from './slack-envelope.ts';
import {
  DEFAULT_EVENTS_BODY_LIMIT,
  DEFAULT_EVENTS_PATH,
  type SlackEventsPluginOptions,
} from './slack-events-config.ts';
import { verifySlackSignature } from './verify-slack-signature.ts';

const FORM = 'application/x-www-form-urlencoded';

/**
 * `POST /slack/events/`: verifies Slack's signature over the raw body before anything else,
 * answers `url_verification`, normalises message events and hands them to `accept`. Bad input
 * gets a 4xx and a warn line; a failing `accept` gets 503 so Slack retries; everything else,
 * duplicates and retries included, gets 200. Encapsulated: its body parsers touch no other route.
 */
export const slackEventsPlugin: FastifyPluginAsync<SlackEventsPluginOptions> = async (fastify, options) => {
  const bodyLimit = options.bodyLimit ?? DEFAULT_EVENTS_BODY_LIMIT;
  const clock = options.clock ?? systemClock;

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    ['application/json', FORM],
    { parseAs: 'buffer', bodyLimit },
    (_req, body, done) => done(null, body),
  );
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.warn({ code: error.code, statusCode: status }, 'slack event rejected: unreadable request');
      return reply.code(status).send({ ok: false, error: error.code ?? 'bad_request' });
    }
    request.log.error({ err: error }, 'slack event handler failed');
    return reply.code(500).send({ ok: false, error: 'internal_error' });
  });

  const reject = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error: string,
    detail = {},
  ) => {
    request.log.warn({ ...detail, error }, `slack event rejected: ${error}`);
    return reply.code(status).send({ ok: false, error });
  };

  fastify.post(options.path ?? DEFAULT_EVENTS_PATH, { bodyLimit }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const form = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
    const failure = verifySlackSignature({
      rawBody: raw,
      timestamp: header(request, 'x-slack-request-timestamp'),
      signature: header(request, 'x-slack-signature'),
      signingSecret: options.signingSecret,
      nowMs: clock.now().getTime(),
    });
    let body: unknown;
    if (failure !== null) {
      body = failure === 'missing' && options.allowLegacyToken ? decodeSlackBody(raw, form) : undefined;
      if (!legacyTokenMatches(body, options))
        return reject(request, reply, 401, 'invalid_signature', { failure });
      const replay = legacyReplayFailure(
        body,
        header(request, 'x-slack-request-timestamp'),
        clock.now().getTime(),
      );
      if (replay !== null) return reject(request, reply, 401, 'invalid_signature', { failure: replay });
      request.log.info('slack event authenticated by the legacy verification token');
    } else {
      body = decodeSlackBody(raw, form);
    }
    if (body === undefined) return reject(request, reply, 400, 'malformed_body');

    const envelope = slackEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      return reject(request, reply, 400, 'invalid_envelope', { issues: describeIssues(envelope.error) });
    }
    const payload = envelope.data;
    if (payload.type === 'url_verification') return reply.send({ challenge: payload.challenge });
    if (payload.type === 'app_rate_limited') {
      request.log.warn({ teamId: payload.team_id }, 'slack says the app is over the events rate limit');
      return reply.send({ ok: true });
    }

    const retryNum = retryNumber(header(request, 'x-slack-retry-num'));
    const fields = {
      eventId: payload.event_id,
      teamId: payload.team_id,
      eventType: payload.event.type,
      retryNum,
      retryReason: header(request, 'x-slack-retry-reason'),
    };
    if (payload.event.type !== 'message') {
      request.log.debug(fields, 'slack event ignored: not a message');
      return reply.send({ ok: true, status: 'ignored' });
    }
    const event = normaliseMessageEvent(payload.event_id, payload.event);
    if (event === undefined) return reject(request, reply, 400, 'invalid_message_event', fields);
    request.log.debug({ ...fields, event }, 'slack message event');

    const outcome = await acceptWithin(options, {
      eventId: payload.event_id,
      event,
      ...(retryNum === undefined ? {} : { retryNum }),
    });
    if (outcome.ok) {
      request.log.info({ ...fields, subtype: event.subtype, status: outcome.result }, 'slack event received');
      return reply.send({ ok: true, status: outcome.result });
    }
    request.log.error(
      { ...fields, err: outcome.error },
      `slack event not accepted (${outcome.why}): asking Slack to retry`,
    );
    return reply.code(503).send({ ok: false, error: 'unavailable' });
  });
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function retryNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return undefined;
  return Number(value);
}
