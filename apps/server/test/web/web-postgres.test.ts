import { ManualClock } from '@zenslackchat/adapters-memory';
import {
  AdminUserStore,
  LoginLimitStore,
  PostgresIssueRepo,
  PostgresTokenStore,
  SessionStore,
} from '@zenslackchat/adapters-postgres';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminAccounts, webPlugin } from '../../src/web/index.ts';
import { openTestDatabase } from '../support/databases.ts';
import { TEST_HASHER } from './test-hasher.ts';
import { ADMIN, Client } from './web-test-app.ts';

describe('web front on the Postgres stores', () => {
  let app: FastifyInstance;
  /** A second web process on the same database. */
  let other: FastifyInstance;
  let admins: AdminUserStore;
  let cleanup: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));

  beforeAll(async () => {
    const opened = await openTestDatabase('postgres', 'zsc_web');
    cleanup = opened.cleanup;
    const db = opened.database.db;
    admins = new AdminUserStore(db);
    const accounts: AdminAccounts = admins;
    await admins.create({
      email: ADMIN.email,
      passwordHash: await TEST_HASHER.hash(ADMIN.password),
      createdAt: clock.now(),
    });
    const webProcess = async () => {
      const instance = Fastify({ logger: false });
      await instance.register(webPlugin, {
        secretKey: 'postgres test secret key, long enough',
        admins: accounts,
        sessions: new SessionStore(db),
        loginLimits: new LoginLimitStore(db),
        passwordHasher: TEST_HASHER,
        tokens: new PostgresTokenStore(db, { encryptionKey: 'token encryption key for tests' }),
        repo: new PostgresIssueRepo(db),
        clock,
        integrations: {
          slack: { configured: false },
          zendesk: { configured: false },
          pagerduty: { configured: false },
        },
        settings: { processingEnabled: true, supportChannel: 'C0SUPPORT' },
        postReportNow: async () => 'queued' as const,
        resolveIssue: async () => {},
        ticketUrl: (id) => `https://example.zendesk.com/agent/tickets/${id}`,
        threadUrl: () => undefined,
      });
      await instance.ready();
      return instance;
    };
    app = await webProcess();
    other = await webProcess();
  });

  afterAll(async () => {
    await app?.close();
    await other?.close();
    await cleanup?.();
  });

  it('logs in against AdminUserStore and renders every page from the Postgres repo and token store', async () => {
    const client = new Client(app);
    expect((await client.logIn()).statusCode).toBe(303);
    for (const url of ['/', '/issues', '/reports']) expect((await client.get(url)).statusCode, url).toBe(200);
  });

  it('locks the client address through the store after 5 failures and lets it in once the lock has passed', async () => {
    const client = new Client(app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await client.logIn(ADMIN.email, `wrong-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await client.logIn()).statusCode).toBe(429);
    clock.advance(15 * 60_000 + 1);
    expect((await client.logIn()).statusCode).toBe(303);
  });

  it('shares the login limit between two web processes, for an unknown email too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const process = i % 2 === 0 ? app : other;
      statuses.push((await new Client(process, '198.51.100.40').logIn('nobody@example.com', 'x')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await new Client(app, '198.51.100.40').logIn()).statusCode).toBe(429);
    expect((await new Client(other, '198.51.100.41').logIn()).statusCode).toBe(303);
  });

  it('keeps a session valid in the other process, and logged out in both', async () => {
    const client = new Client(app, '198.51.100.50');
    expect((await client.logIn()).statusCode).toBe(303);
    const elsewhere = new Client(other, '198.51.100.50');
    for (const [name, value] of client.cookies) elsewhere.cookies.set(name, value);
    expect((await elsewhere.get('/')).statusCode).toBe(200);
    const home = await client.get('/');
    await client.post('/logout', { _csrf: Client.csrf(home.body) });
    expect((await elsewhere.get('/')).statusCode).toBe(303);
  });
});
