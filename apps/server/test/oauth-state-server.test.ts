import { FakePagerDuty } from '@zenslackchat/adapters-pagerduty/fake';
import { TokenStore } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { logCapture } from './support/log-capture.ts';
import { Client } from './web/web-test-app.ts';

const ADMIN = { email: 'admin@example.com', password: 'an admin password for this test' };

describe('OAuth states through the server (PagerDuty)', () => {
  let fake: FakePagerDuty;
  let server: ZenServer;
  const exchanges = () => fake.requests.filter((r) => r.path === '/oauth/token').length;

  beforeAll(async () => {
    fake = await FakePagerDuty.start();
    const config = loadConfig({
      DATA_DIR: 'memory://',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PAGERDUTY_CLIENT_IDENTIFIER: fake.clientId,
      PAGERDUTY_CLIENT_SECRET: fake.clientSecret,
      PAGERDUTY_REDIRECT_URI: 'http://localhost/pagerduty/oauth/',
      PAGERDUTY_OAUTH_URL: fake.oauthBaseUrl,
      PAGERDUTY_API_URL: fake.apiUrl,
      PAGERDUTY_ESCALATION_POLICY_ID: 'PPOLICY1',
    });
    server = await buildServer(config, { role: 'web', logStream: logCapture().stream });
    await server.app.ready();
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  async function loggedIn(): Promise<Client> {
    const client = new Client(server.app);
    expect((await client.logIn(ADMIN.email, ADMIN.password)).statusCode).toBe(303);
    return client;
  }

  it('refuses a forged state cookie with a matching state parameter, before any code exchange', async () => {
    const client = await loggedIn();
    client.cookies.set('zsc_pagerduty_oauth_state', 'attacker-chosen-state');
    const forged = await client.get('/pagerduty/oauth/?code=stolen-code&state=attacker-chosen-state');
    expect(forged.statusCode).toBe(400);
    expect(exchanges()).toBe(0);
  });

  it('refuses a state issued to another admin session', async () => {
    const victim = await loggedIn();
    const attacker = await loggedIn();
    const start = await attacker.get('/pagerduty/oauth/start/');
    const approved = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(String(approved.headers.get('location')));
    victim.cookies.set('zsc_pagerduty_oauth_state', String(back.searchParams.get('state')));
    expect((await victim.get(`${back.pathname}${back.search}`)).statusCode).toBe(400);
    expect(exchanges()).toBe(0);
  });

  it('completes a genuine flow in the same session and stores the grant', async () => {
    const client = await loggedIn();
    const start = await client.get('/pagerduty/oauth/start/');
    expect(start.statusCode).toBe(302);
    const approved = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(String(approved.headers.get('location')));
    const done = await client.get(`${back.pathname}${back.search}`);
    expect(done.statusCode).toBe(302);
    expect(exchanges()).toBe(1);
    expect(await server.container.resolve<TokenStore>(TokenStore).get('pagerduty')).toBeDefined();
  });
});
