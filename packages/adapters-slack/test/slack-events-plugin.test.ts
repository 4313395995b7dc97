import { afterEach, describe, expect, it } from 'vitest';
import {
  eventCallback,
  messageEvent,
  reactionAddedEvent,
  signSlackRequest,
  threadReplyEvent,
  urlVerification,
} from '../src/fake/index.ts';
import { type EventsApp, eventsApp, NOW_S, SECRET } from './events-app.ts';

let current: EventsApp | undefined;
const start = async (options: Parameters<typeof eventsApp>[0] = {}) => {
  current = await eventsApp(options);
  return current;
};
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

const message = JSON.stringify(eventCallback(messageEvent, { eventId: 'Ev1' }));
const warnings = (app: EventsApp) => app.logs.filter((l) => l.level === 40).map((l) => String(l.msg));

describe('POST /slack/events/ — good requests', () => {
  it('accepts a signed message event and hands over the normalised event', async () => {
    const s = await start();
    const res = await s.post(message);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, status: 'accepted' });
    expect(s.accepted).toHaveLength(1);
    expect(s.accepted[0]).toMatchObject({
      eventId: 'Ev1',
      event: { platform: 'slack', channel: 'C0SUPPORT', messageId: '1700000000.000100', userId: 'U0ALICE' },
    });
    expect(s.accepted[0]?.retryNum).toBeUndefined();
  });

  it('passes a thread reply with its thread id', async () => {
    const s = await start();
    await s.post(JSON.stringify(eventCallback(threadReplyEvent, { eventId: 'Ev2' })));
    expect(s.accepted[0]?.event.threadId).toBe('1700000000.000100');
  });

  it('answers the url_verification challenge', async () => {
    const s = await start();
    const res = await s.post(JSON.stringify(urlVerification));
    expect(res.json()).toEqual({ challenge: urlVerification.challenge });
    expect(s.accepted).toHaveLength(0);
  });

  it('answers 200 to a duplicate delivery and to a retry, passing the retry number', async () => {
    const s = await start();
    expect((await s.post(message)).json()).toMatchObject({ status: 'accepted' });
    const retry = await s.post(message, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'duplicate' });
    expect(s.accepted[1]?.retryNum).toBe(1);
  });

  it('accepts a retry whose first delivery never got through', async () => {
    const s = await start();
    const res = await s.post(message, {
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' },
    });
    expect(res.json()).toMatchObject({ status: 'accepted' });
    expect(s.accepted).toHaveLength(1);
  });

  it('ignores other event types with 200', async () => {
    const s = await start();
    const res = await s.post(JSON.stringify(eventCallback(reactionAddedEvent, { eventId: 'Ev3' })));
    expect([res.statusCode, res.json().status]).toEqual([200, 'ignored']);
    expect(s.accepted).toHaveLength(0);
  });

  it('accepts a JSON content type with a charset', async () => {
    const s = await start();
    const res = await s.post(message, { headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('POST /slack/events/ — authentication', () => {
  it.each([
    ['unsigned', { sign: false }],
    ['stale', { timestamp: NOW_S - 301 }],
    ['future-dated', { timestamp: NOW_S + 301 }],
  ])('rejects an %s request with 401 and a warning', async (_, options) => {
    const s = await start();
    const res = await s.post(message, options);
    expect(res.statusCode).toBe(401);
    expect(s.accepted).toHaveLength(0);
    expect(warnings(s)).toContain('slack event rejected: invalid_signature');
  });

  it('accepts timestamps just inside the window both ways', async () => {
    const s = await start();
    expect((await s.post(message, { timestamp: NOW_S - 299 })).statusCode).toBe(200);
    expect((await s.post(message, { timestamp: NOW_S + 299 })).statusCode).toBe(200);
  });

  it('rejects a signature made with another secret, or over another body', async () => {
    const s = await start();
    const wrongSecret = signSlackRequest(message, 'not-the-secret', NOW_S);
    expect((await s.post(message, { sign: false, headers: { ...wrongSecret } })).statusCode).toBe(401);
    const otherBody = signSlackRequest(`${message} `, SECRET, NOW_S);
    expect((await s.post(message, { sign: false, headers: { ...otherBody } })).statusCode).toBe(401);
    expect((await s.post(message, { headers: { 'x-slack-signature': 'v0=zz' } })).statusCode).toBe(401);
    expect(s.accepted).toHaveLength(0);
  });

  it('never logs the secret or the signature, nor the message text above debug level', async () => {
    const s = await start();
    await s.post(message, { sign: false });
    await s.post(message);
    const all = JSON.stringify(s.logs);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('v0=');
    expect(all).toContain('VPN'); // the debug line carries the event
    expect(JSON.stringify(s.logs.filter((l) => Number(l.level) > 20))).not.toContain('VPN');
  });

  it('accepts the legacy verification token only when enabled', async () => {
    const body = JSON.stringify(
      eventCallback(messageEvent, { eventId: 'Ev4', token: 'legacy-token', eventTime: NOW_S }),
    );
    const fresh = { sign: false, headers: { 'x-slack-request-timestamp': String(NOW_S) } };
    const off = await start({ verificationToken: 'legacy-token' });
    expect((await off.post(body, fresh)).statusCode).toBe(401);
    await off.app.close();
    const on = await start({ verificationToken: 'legacy-token', allowLegacyToken: true });
    expect((await on.post(body, fresh)).statusCode).toBe(200);
    const wrong = JSON.stringify(
      eventCallback(messageEvent, { eventId: 'Ev5', token: 'guess', eventTime: NOW_S }),
    );
    expect((await on.post(wrong, fresh)).statusCode).toBe(401);
    expect(on.accepted.map((a) => a.eventId)).toEqual(['Ev4']);
  });

  it('gives the legacy token a replay window like signatures', async () => {
    const s = await start({ verificationToken: 'legacy-token', allowLegacyToken: true });
    const event = (eventId: string, eventTime: number) =>
      JSON.stringify(eventCallback(messageEvent, { eventId, token: 'legacy-token', eventTime }));
    const at = (timestamp: number) => ({
      sign: false,
      headers: { 'x-slack-request-timestamp': String(timestamp) },
    });
    expect((await s.post(event('Ev7', NOW_S), { sign: false })).statusCode).toBe(401);
    expect((await s.post(event('Ev8', NOW_S), at(NOW_S - 301))).statusCode).toBe(401);
    expect((await s.post(event('Ev9', NOW_S), at(NOW_S + 301))).statusCode).toBe(401);
    // A captured body replayed later under a fresh header: its own event_time gives it away.
    expect((await s.post(event('Ev10', NOW_S - 3600), at(NOW_S))).statusCode).toBe(401);
    // Slack's last retry, about 5 minutes after the event, still gets through.
    expect((await s.post(event('Ev11', NOW_S - 330), at(NOW_S))).statusCode).toBe(200);
    expect(s.accepted.map((a) => a.eventId)).toEqual(['Ev11']);
  });

  it('does not fall back to the legacy token when a bad signature is present', async () => {
    const body = JSON.stringify(eventCallback(messageEvent, { eventId: 'Ev6', token: 'legacy-token' }));
    const s = await start({ verificationToken: 'legacy-token', allowLegacyToken: true });
    const res = await s.post(body, { timestamp: NOW_S - 3600 });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /slack/events/ — bad input', () => {
  it('rejects malformed JSON with 400', async () => {
    const s = await start();
    const res = await s.post('{"type": "event_callback",');
    expect(res.statusCode).toBe(400);
    expect(warnings(s)).toContain('slack event rejected: malformed_body');
  });

  it.each([
    ['no event_id', { type: 'event_callback', event: messageEvent }],
    ['no event', { type: 'event_callback', event_id: 'Ev7' }],
    ['unknown type', { type: 'block_actions' }],
    ['not an object', ['event_callback']],
  ])('rejects an envelope with %s with 400', async (_, body) => {
    const s = await start();
    const res = await s.post(JSON.stringify(body));
    expect(res.statusCode).toBe(400);
    expect(s.accepted).toHaveLength(0);
  });

  it('rejects a message event without channel or ts with 400', async () => {
    const s = await start();
    const { channel: _, ...noChannel } = messageEvent;
    const res = await s.post(JSON.stringify(eventCallback(noChannel, { eventId: 'Ev8' })));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ok: false, error: 'invalid_message_event' });
  });

  it('rejects a wrong content type with 415 and a warning', async () => {
    const s = await start();
    const res = await s.post(message, { headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(warnings(s)).toContain('slack event rejected: unreadable request');
    expect(s.accepted).toHaveLength(0);
  });

  it('rejects a body without content type, and an empty body, with a 4xx', async () => {
    const s = await start();
    const noType = await s.app.inject({
      method: 'POST',
      url: '/slack/events/',
      payload: message,
      headers: signSlackRequest(message, SECRET, NOW_S),
    });
    expect(noType.statusCode).toBeGreaterThanOrEqual(400);
    expect(noType.statusCode).toBeLessThan(500);
    const empty = await s.app.inject({
      method: 'POST',
      url: '/slack/events/',
      headers: signSlackRequest('', SECRET, NOW_S),
    });
    expect(empty.statusCode).toBe(400);
    expect(s.accepted).toHaveLength(0);
  });

  it('rejects an oversized body with 413', async () => {
    const s = await start({ bodyLimit: 1024 });
    const big = JSON.stringify(
      eventCallback({ ...messageEvent, text: 'x'.repeat(2048) }, { eventId: 'Ev9' }),
    );
    const res = await s.post(big);
    expect(res.statusCode).toBe(413);
    expect(s.accepted).toHaveLength(0);
  });

  it('reads a form-encoded payload field, and rejects a form without one', async () => {
    const s = await start();
    const form = new URLSearchParams({ payload: message }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await s.post(form, { headers })).statusCode).toBe(200);
    expect((await s.post('a=b', { headers })).statusCode).toBe(400);
  });
});

describe('POST /slack/events/ — accept failures', () => {
  it('answers 503 and logs an error when accept throws, so Slack retries', async () => {
    const s = await start({
      result: async () => {
        throw new Error('database down');
      },
    });
    const res = await s.post(message);
    expect(res.statusCode).toBe(503);
    expect(s.logs.some((l) => l.level === 50 && String(l.msg).includes('asking Slack to retry'))).toBe(true);
  });

  it('answers 503 when accept is too slow for Slack’s budget', async () => {
    const s = await start({ acceptTimeoutMs: 20, result: () => new Promise<never>(() => {}) });
    expect((await s.post(message)).statusCode).toBe(503);
  });
});
