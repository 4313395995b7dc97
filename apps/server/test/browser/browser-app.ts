import { createServer } from 'node:net';
import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import { pagerDutyOAuthPlugin } from '@zenslackchat/adapters-pagerduty';
import { FakePagerDuty } from '@zenslackchat/adapters-pagerduty/fake';
import { slackOAuthPlugin } from '@zenslackchat/adapters-slack';
import { FakeSlack } from '@zenslackchat/adapters-slack/fake';
import { zendeskOAuthPlugin } from '@zenslackchat/adapters-zendesk';
import { FakeZendesk } from '@zenslackchat/adapters-zendesk/fake';
import type { IssueRepo } from '@zenslackchat/core';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { sessionAdmin, webPlugin } from '../../src/web/index.ts';
import { MemoryAdminAccounts } from '../web/memory-admin-accounts.ts';
import { MemoryAdminSessions } from '../web/memory-admin-sessions.ts';
import { MemoryLoginLimits } from '../web/memory-login-limits.ts';
import { SANDBOX_CHANNEL, sandboxFixture } from '../web/sandbox-fixture.ts';
import { TEST_HASHER } from '../web/test-hasher.ts';
import { ADMIN } from '../web/web-test-app.ts';

/** A free local port (the OAuth redirect URIs need it before the app listens). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Saves a plausible daily report for each of the `days` days before today, for the chart. */
async function seedReportHistory(repo: IssueRepo, days: number): Promise<void> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let i = days; i >= 1; i -= 1) {
    const start = new Date(today - i * 86_400_000);
    if (i % 7 === 3) continue; // a missed day shows as a gap
    await repo.saveReport({
      platform: 'slack',
      day: start.toISOString().slice(0, 10),
      periodStart: new Date(start.getTime() - 86_400_000),
      periodEnd: start,
      openCount: 4 + ((i * 7) % 9),
      resolvedCount: (i * 5) % 6,
      postedAt: new Date(start.getTime() + 9 * 3_600_000),
    });
  }
}

/** Binds each OAuth state to the web session, as the server does. */
const sessionBinding = (request: FastifyRequest) => sessionAdmin(request)?.sessionId;

/**
 * The web front listening on localhost with the real Slack, Zendesk and PagerDuty OAuth plugins pointed at
 * their fakes, and the sandbox over the memory adapters with the real SupportBot behind it.
 */
export async function startBrowserApp() {
  const slack = await FakeSlack.start();
  const pagerDuty = await FakePagerDuty.start();
  const zendesk = await FakeZendesk.start();
  const fixture = sandboxFixture();
  const tokens = new MemoryTokenStore();
  const admins = new MemoryAdminAccounts();
  await admins.add(ADMIN.email, ADMIN.password);
  await seedReportHistory(fixture.repo, 60);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(webPlugin, {
    secretKey: 'browser test secret key, long enough',
    admins,
    sessions: new MemoryAdminSessions(admins),
    loginLimits: new MemoryLoginLimits(),
    passwordHasher: TEST_HASHER,
    tokens,
    repo: fixture.repo,
    integrations: {
      slack: { configured: true, startUrl: '/slack/install/' },
      zendesk: { configured: true, startUrl: '/zendesk/oauth/start/' },
      pagerduty: { configured: true, startUrl: '/pagerduty/oauth/start/' },
    },
    settings: { processingEnabled: true, supportChannel: SANDBOX_CHANNEL },
    postReportNow: async () => {
      await fixture.bot.postDailyReport();
      return 'queued' as const;
    },
    resolveIssue: async (issueId) => {
      const issue = await fixture.repo.findById(issueId);
      if (issue?.ticketId) await fixture.tickets.solveTicket(issue.ticketId);
      await fixture.repo.markResolved(issueId, new Date());
    },
    ticketUrl: (id) => fixture.tickets.ticketUrl(id),
    threadUrl: (issue) =>
      issue.threadId === null
        ? undefined
        : `https://sandbox.slack.invalid/archives/${issue.channel}/p${issue.threadId.replace('.', '')}`,
    sandbox: fixture.sandbox,
    adminRoutes: async (scope) => {
      await scope.register(slackOAuthPlugin, {
        clientId: slack.identity.clientId,
        clientSecret: slack.identity.clientSecret,
        stateSecret: 'slack state secret for the browser test',
        sessionBinding,
        tokenStore: tokens,
        redirectUri: `${origin}/slack/oauth/`,
        authorizationUrl: slack.authorizeUrl,
        apiUrl: slack.url,
      });
      await scope.register(zendeskOAuthPlugin, {
        subdomain: 'fake-support',
        oauthBaseUrl: zendesk.oauthBaseUrl,
        clientId: zendesk.oauthClient.clientId,
        clientSecret: zendesk.oauthClient.clientSecret,
        redirectUri: `${origin}/zendesk/oauth/`,
        stateSecret: 'zendesk state secret for the browser test',
        sessionBinding,
        impersonate: true,
        tokenStore: tokens,
      });
      await scope.register(pagerDutyOAuthPlugin, {
        clientId: pagerDuty.clientId,
        clientSecret: pagerDuty.clientSecret,
        oauthBaseUrl: pagerDuty.oauthBaseUrl,
        redirectUri: `${origin}/pagerduty/oauth/`,
        stateSecret: 'pagerduty state secret for the browser test',
        sessionBinding,
        tokenStore: tokens,
      });
    },
  });
  await app.listen({ port, host: 'localhost' });
  return {
    origin,
    fixture,
    tokens,
    async close() {
      await app.close();
      await slack.close();
      await pagerDuty.close();
      await zendesk.close();
    },
  };
}
