import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { buildServer, type ZenServer } from '../../src/server/build-server.ts';
import { logCapture } from '../support/log-capture.ts';
import { Client } from './web-test-app.ts';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-static-secret-value',
  ZENDESK_API_TOKEN: 'zendesk-static-secret-value',
  PAGERDUTY_API_TOKEN: 'pagerduty-static-secret-value',
} as const;

const ENV = {
  DATA_DIR: 'memory://',
  WEBAPP_SECRET_KEY: 'BxlPEGRiK4iq6Y-aCYcnYkSg03vArwv3jNfXipuQ4KE',
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'a long admin password',
  SRE_SUPPORT_CHANNEL: 'C0SUPPORT',
  SLACK_SIGN_SECRET: 'signing-secret',
  ZENDESK_SUBDOMAIN: 'example',
  ZENDESK_AGENT_EMAIL: 'bot@example.com',
  ZENDESK_WEBHOOK_TOKEN: 'webhook-token',
  PAGERDUTY_ESCALATION_POLICY_ID: 'PPOLICY1',
  ...SECRETS,
};

describe('the home page of a server running on tokens from the environment', () => {
  let server: ZenServer;

  beforeAll(async () => {
    server = await buildServer(loadConfig(ENV), { role: 'web', logStream: logCapture().stream });
    await server.app.ready();
  });
  afterAll(() => server?.stop());

  it('shows each integration connected through its variable, naming the variable, never the token', async () => {
    const client = new Client(server.app);
    expect((await client.logIn(ENV.ADMIN_EMAIL, ENV.ADMIN_PASSWORD)).statusCode).toBe(303);
    const home = await client.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Not connected');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(home.body).toContain(`Connected</span> with <code>${name}</code> from the environment`);
      expect(home.body).not.toContain(value);
    }
  });
});
