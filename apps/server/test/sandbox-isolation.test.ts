import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryChat, MemoryTickets } from '@zenslackchat/adapters-memory';
import { AdminUserStore, migrateToLatest, openDatabase } from '@zenslackchat/adapters-postgres';
import { ChatPort, OnCallPort, TicketPort } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { ServerTokens } from '../src/container/tokens.ts';
import { buildServer, type ZenServer } from '../src/server/build-server.ts';
import { sandboxSetup } from '../src/server/sandbox-wiring.ts';
import { freshPostgres } from './support/databases.ts';
import { logCapture } from './support/log-capture.ts';

// Every vendor is fully configured here, pointing at a port nothing listens on: `--sandbox` must
// still wire only the in-memory chat and tickets and serve none of the vendors' endpoints (nothing there to take a real event).
const UNREACHABLE = 'http://127.0.0.1:9';
const VENDORS = {
  DATA_DIR: 'memory://',
  SRE_SUPPORT_CHANNEL: 'C0SUPPORT',
  SLACK_SIGN_SECRET: 'slack-signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-real-looking-token',
  SLACK_API_URL: UNREACHABLE,
  ZENDESK_SUBDOMAIN: 'acme',
  ZENDESK_API_URL: `${UNREACHABLE}/api/v2`,
  ZENDESK_API_TOKEN: 'zendesk-api-token',
  ZENDESK_AGENT_EMAIL: 'bot@example.com',
  ZENDESK_WEBHOOK_TOKEN: 'webhook-token',
  PAGERDUTY_API_TOKEN: 'pagerduty-token',
  PAGERDUTY_API_URL: UNREACHABLE,
  PAGERDUTY_ESCALATION_POLICY_ID: 'PABC123',
};

describe('a server started with --sandbox while every vendor is configured', { timeout: 60_000 }, () => {
  const logs = logCapture();
  let server: ZenServer;

  beforeAll(async () => {
    server = await buildServer(loadConfig(VENDORS), { logStream: logs.stream, sandbox: true });
  });
  afterAll(() => server?.stop());

  it('wires the in-memory chat and tickets and no on-call lookup', () => {
    expect(server.container.resolve(ChatPort)).toBeInstanceOf(MemoryChat);
    expect(server.container.resolve(TicketPort)).toBeInstanceOf(MemoryTickets);
    expect(server.container.isRegistered(OnCallPort)).toBe(false);
  });

  it.each([
    ['POST', '/slack/events/'],
    ['POST', '/zendesk/webhook/'],
    ['POST', '/zendesk/email/webhook/'],
    ['GET', '/pagerduty/oauth/'],
  ] as const)('answers %s %s with 404: not served', async (method, url) => {
    const response = await server.app.inject(
      method === 'POST' ? { method, url, payload: {} } : { method, url },
    );
    expect(response.statusCode).toBe(404);
  });

  it('says at start-up that no request reaches a real vendor', () => {
    expect(logs.text()).toContain('no request reaches a real vendor');
  });
});

describe('the sandbox database', () => {
  it('is its own embedded one under the data directory, even with DATABASE_URL', () => {
    const clock = { now: () => new Date() };
    const withUrl = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/real',
      DATA_DIR: '/srv/zsc',
    });
    expect(sandboxSetup(withUrl, clock).config.database).toEqual({ dataDir: '/srv/zsc/sandbox' });
    expect(sandboxSetup(loadConfig({}), clock).config.database).toEqual({ dataDir: '.data/sandbox' });
    expect(sandboxSetup(loadConfig({ DATA_DIR: 'memory://' }), clock).config.database).toEqual({
      dataDir: 'memory://',
    });
  });
});

describe('a sandbox beside a real Postgres database', { timeout: 60_000 }, () => {
  it('keeps its issues apart, and lets the real admins log in (accounts copied in)', async () => {
    const real = await freshPostgres('zsc_sandbox_real');
    const dir = await mkdtemp(join(tmpdir(), 'zsc-sandbox-'));
    try {
      const db = await openDatabase({ url: real.url, poolMax: 1 });
      await migrateToLatest(db.db);
      await new AdminUserStore(db.db).create({
        email: 'ops@example.com',
        passwordHash: 'scrypt$x',
        createdAt: new Date(),
      });
      await db.close();
      const env = { DATABASE_URL: real.url, DATA_DIR: dir };
      const server = await buildServer(loadConfig(env), { logStream: logCapture().stream, sandbox: true });
      try {
        expect(server.database.backend).toBe('pglite');
        const admins = server.container.resolve<AdminUserStore>(ServerTokens.AdminUserStore);
        expect((await admins.findByEmail('ops@example.com'))?.passwordHash).toBe('scrypt$x');
      } finally {
        await server.stop();
      }
      expect(existsSync(join(dir, 'sandbox', 'PG_VERSION'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await real.drop();
    }
  });
});
