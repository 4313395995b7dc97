import type { LogFields, Logger } from '@zenslackchat/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  signZendeskWebhook,
  type ZendeskWebhookInput,
  type ZendeskWebhookOutcome,
  zendeskWebhooksPlugin,
} from '../src/index.ts';

const TOKEN = 'webhook-token-s3cret';
const SECRET = 'signing-secret';
const NOW = new Date('2026-11-27T10:00:00Z');

interface Line {
  level: string;
  fields: LogFields;
  message: string;
}

function recordingLogger(lines: Line[]): Logger {
  const at = (level: string) => (fields: LogFields, message: string) =>
    void lines.push({ level, fields, message });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let app: FastifyInstance | undefined;
afterEach(() => app?.close());

async function setup(options: {
  signed?: boolean;
  accept?: (input: ZendeskWebhookInput) => Promise<ZendeskWebhookOutcome>;
  acceptTimeoutMs?: number;
}) {
  const lines: Line[] = [];
  const received: ZendeskWebhookInput[] = [];
  app = Fastify();
  app.post('/other', async (request) => request.body);
  await app.register(zendeskWebhooksPlugin, {
    webhookToken: TOKEN,
    ...(options.signed ? { signingSecret: SECRET } : {}),
    clock: { now: () => NOW },
    logger: recordingLogger(lines),
    ...(options.acceptTimeoutMs ? { acceptTimeoutMs: options.acceptTimeoutMs } : {}),
    accept: async (input) => {
      received.push(input);
      return options.accept ? options.accept(input) : 'accepted';
    },
  });
  return { lines, received, app };
}

function post(
  url: string,
  payload: string,
  headers: Record<string, string> = {},
  contentType = 'application/json',
) {
  return app!.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...headers } });
}

const comment = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ token: TOKEN, chat_id: 'C0SUPPORT:1700000000.000100', ticket_id: '123', ...fields });

function signed(body: string, at = NOW) {
  const timestamp = at.toISOString();
  return {
    'x-zendesk-webhook-signature': signZendeskWebhook(SECRET, timestamp, body),
    'x-zendesk-webhook-signature-timestamp': timestamp,
  };
}

describe('zendesk webhooks: accepted', () => {
  it('hands a comment notification to accept, with no delivery id when unsigned (the header is not covered)', async () => {
    const { received } = await setup({});
    const res = await post('/zendesk/webhook/', comment(), { 'x-zendesk-webhook-invocation-id': '01HX-abc' });
    expect(res.statusCode).toBe(200);
    expect(received).toEqual([
      { kind: 'comment', ticketId: '123', externalId: 'C0SUPPORT:1700000000.000100' },
    ]);
  });

  it('de-duplicates a signed delivery by an id the signature covers, not by the bare header', async () => {
    const { received } = await setup({ signed: true });
    const first = comment();
    const other = comment({ ticket_id: '124' });
    const invocation = { 'x-zendesk-webhook-invocation-id': '8350205582' };
    await post('/zendesk/webhook/', first, { ...signed(first), ...invocation });
    await post('/zendesk/webhook/', first, { ...signed(first), ...invocation });
    // A captured signed request replayed under the next (guessable) invocation id.
    await post('/zendesk/webhook/', first, {
      ...signed(first),
      'x-zendesk-webhook-invocation-id': '8350205583',
    });
    await post('/zendesk/webhook/', other, {
      ...signed(other),
      'x-zendesk-webhook-invocation-id': '8350205583',
    });
    const ids = received.map((input) => input.deliveryId);
    expect(ids[0]).toMatch(/^zd-[\w-]{43}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(new Set([ids[0], ids[2], ids[3]]).size).toBe(3);
  });

  it('hands an email notification to accept', async () => {
    const { received } = await setup({});
    const res = await post('/zendesk/email/webhook/', JSON.stringify({ token: TOKEN, ticket_id: 77 }));
    expect(res.statusCode).toBe(200);
    expect(received).toEqual([{ kind: 'email', ticketId: '77' }]);
  });

  it('treats an empty chat_id as absent and tolerates extra fields', async () => {
    const { received } = await setup({});
    expect((await post('/zendesk/webhook/', comment({ chat_id: '', extra: 'x' }))).statusCode).toBe(200);
    expect(received).toEqual([{ kind: 'comment', ticketId: '123' }]);
  });

  it('accepts only application/json: a form or text body is 415 and reaches nothing', async () => {
    const { received } = await setup({});
    const form = new URLSearchParams({ token: TOKEN, ticket_id: '9', chat_id: 'C1:2.3' }).toString();
    expect((await post('/zendesk/webhook/', form, {}, 'application/x-www-form-urlencoded')).statusCode).toBe(
      415,
    );
    expect((await post('/zendesk/webhook/', comment(), {}, 'text/plain')).statusCode).toBe(415);
    expect(
      (await post('/zendesk/webhook/', comment(), {}, 'application/json; charset=utf-8')).statusCode,
    ).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('accepts a valid, fresh signature', async () => {
    const { received } = await setup({ signed: true });
    const body = comment();
    expect((await post('/zendesk/webhook/', body, signed(body))).statusCode).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('leaves the parent app JSON parsing alone', async () => {
    await setup({});
    const res = await post('/other', '{"a":1}');
    expect(res.json()).toEqual({ a: 1 });
  });
});

describe('zendesk webhooks: refused', () => {
  it('answers 403 to a wrong token and logs an error without the token', async () => {
    const { received, lines } = await setup({});
    const res = await post('/zendesk/webhook/', comment({ token: 'guess' }));
    expect(res.statusCode).toBe(403);
    expect(received).toEqual([]);
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).not.toContain('guess');
  });

  it('answers 403 to a missing token', async () => {
    await setup({});
    expect((await post('/zendesk/email/webhook/', JSON.stringify({ ticket_id: '1' }))).statusCode).toBe(403);
  });

  it('answers 403 to a bad or missing signature', async () => {
    const { received, lines } = await setup({ signed: true });
    const body = comment();
    const forged = {
      ...signed(body),
      'x-zendesk-webhook-signature': signZendeskWebhook('other', NOW.toISOString(), body),
    };
    expect((await post('/zendesk/webhook/', body, forged)).statusCode).toBe(403);
    expect((await post('/zendesk/webhook/', body)).statusCode).toBe(403);
    expect((await post('/zendesk/webhook/', comment({ ticket_id: '124' }), signed(body))).statusCode).toBe(
      403,
    );
    expect(received).toEqual([]);
    expect(lines.map((l) => l.fields.reason)).toEqual([
      'signature-mismatch',
      'signature-missing',
      'signature-mismatch',
    ]);
  });

  it('answers 403 to a stale or future timestamp (5 minute window)', async () => {
    const { lines } = await setup({ signed: true });
    const body = comment();
    const old = new Date(NOW.getTime() - 6 * 60_000);
    const future = new Date(NOW.getTime() + 6 * 60_000);
    expect((await post('/zendesk/webhook/', body, signed(body, old))).statusCode).toBe(403);
    expect((await post('/zendesk/webhook/', body, signed(body, future))).statusCode).toBe(403);
    const recent = new Date(NOW.getTime() - 4 * 60_000);
    expect((await post('/zendesk/webhook/', body, signed(body, recent))).statusCode).toBe(200);
    expect(lines.filter((l) => l.level === 'error').map((l) => l.fields.reason)).toEqual([
      'signature-stale',
      'signature-stale',
    ]);
  });
});

describe('zendesk webhooks: malformed', () => {
  it.each([
    ['not JSON', '{"token":'],
    ['an array', '[1,2]'],
    ['a non-numeric ticket id', comment({ ticket_id: 'abc' })],
    ['a placeholder left unrendered', comment({ ticket_id: '{{ticket.id}}' })],
    ['a negative ticket id', comment({ ticket_id: -4 })],
    ['a chat id over 256 characters', comment({ chat_id: 'x'.repeat(257) })],
    ['no ticket id', JSON.stringify({ token: TOKEN })],
  ])('answers 400 to %s', async (_name, body) => {
    const { received } = await setup({});
    expect((await post('/zendesk/webhook/', body)).statusCode).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 413 to an oversized body', async () => {
    await setup({});
    expect((await post('/zendesk/webhook/', comment({ padding: 'x'.repeat(20_000) }))).statusCode).toBe(413);
  });
});

describe('zendesk webhooks: outcomes', () => {
  it('answers 200 and logs a line for an unknown ticket', async () => {
    const { lines } = await setup({ accept: async () => 'unknown' });
    expect((await post('/zendesk/webhook/', comment())).statusCode).toBe(200);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ ticketId: '123', outcome: 'unknown' }),
      }),
    ]);
  });

  it('answers 200 to a redelivery, which accept reports as a duplicate', async () => {
    const seen = new Set<string>();
    const work: string[] = [];
    const { received } = await setup({
      signed: true,
      accept: async (input) => {
        const key = input.deliveryId ?? input.ticketId;
        if (seen.has(key)) return 'duplicate';
        seen.add(key);
        work.push(input.ticketId);
        return 'accepted';
      },
    });
    const headers = { 'x-zendesk-webhook-invocation-id': 'inv-1', ...signed(comment()) };
    const first = await post('/zendesk/webhook/', comment(), headers);
    const again = await post('/zendesk/webhook/', comment(), headers);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect([first.json().outcome, again.json().outcome]).toEqual(['accepted', 'duplicate']);
    expect(received[1]?.deliveryId).toBe(received[0]?.deliveryId);
    expect(work).toEqual(['123']);
  });

  it('answers 503 with an error log when accept throws, so Zendesk retries', async () => {
    const { lines } = await setup({
      accept: async () => {
        throw new Error('database down');
      },
    });
    const res = await post('/zendesk/webhook/', comment());
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeLessThan(60);
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('answers 503 when accept hangs past its time limit', async () => {
    await setup({ accept: () => new Promise(() => {}), acceptTimeoutMs: 50 });
    expect((await post('/zendesk/webhook/', comment())).statusCode).toBe(503);
  });
});
