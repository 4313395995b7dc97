import { signZendeskWebhook } from '@zenslackchat/adapters-zendesk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';

// Building a server on PGlite can take tens of seconds on a busy machine.
vi.setConfig({ hookTimeout: 120_000 });

const TOKEN = 'production-webhook-token';
const SECRET = 'production-webhook-signing-secret';
const PRODUCTION = {
  NODE_ENV: 'production',
  DATA_DIR: 'memory://',
  WEBAPP_SECRET_KEY: 'bI14EIxIlgei6ih2TZMUJxxWE7K49G86ko2pgiWljRM',
  TOKEN_ENCRYPTION_KEY: 'VqN3o8s1Rk2xY7bT4mW9cZ0dF5gH6jL-pQ_aE3uI8nC',
  ZENDESK_API_URL: 'http://127.0.0.1:9/api/v2',
  ZENDESK_API_TOKEN: 'zendesk-api-token',
  ZENDESK_AGENT_EMAIL: 'bot@example.com',
  ZENDESK_WEBHOOK_TOKEN: TOKEN,
};
const BODY = JSON.stringify({ token: TOKEN, ticket_id: '123', chat_id: 'C1:1.2' });

describe('Zendesk webhooks in production mode', () => {
  it('does not start without ZENDESK_WEBHOOK_SECRET unless unsigned webhooks are allowed by name', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(
      /ZENDESK_WEBHOOK_SECRET: required in production.*ZENDESK_WEBHOOK_ALLOW_UNSIGNED=1/,
    );
    const optedOut = loadConfig({ ...PRODUCTION, ZENDESK_WEBHOOK_ALLOW_UNSIGNED: '1' });
    expect(optedOut.notes.join('\n')).toContain('ZENDESK_WEBHOOK_ALLOW_UNSIGNED is on');
    expect(loadConfig({ ...PRODUCTION, NODE_ENV: 'development' }).zendesk?.webhookSecret).toBeUndefined();
  });

  describe('with the signing secret', () => {
    let server: ZenServer;
    beforeAll(async () => {
      const config = loadConfig({ ...PRODUCTION, ZENDESK_WEBHOOK_SECRET: SECRET });
      server = await buildServer(config, { role: 'web', logStream: logCapture().stream });
      await server.app.ready();
    });
    afterAll(() => server?.stop());

    const post = (headers: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/zendesk/webhook/',
        headers: { 'content-type': 'application/json', ...headers },
        payload: BODY,
      });

    it('refuses an unsigned webhook carrying the right body token', async () => {
      expect((await post({})).statusCode).toBe(403);
    });

    it('accepts a signed one', async () => {
      const timestamp = new Date().toISOString();
      const signed = await post({
        'x-zendesk-webhook-signature': signZendeskWebhook(SECRET, timestamp, BODY),
        'x-zendesk-webhook-signature-timestamp': timestamp,
      });
      expect(signed.statusCode).toBe(200);
    });
  });
});
