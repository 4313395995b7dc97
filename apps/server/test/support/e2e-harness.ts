import type { AddressInfo } from 'node:net';
import { FakePagerDuty } from '@zenslackchat/adapters-pagerduty/fake';
import { FakeSlack } from '@zenslackchat/adapters-slack/fake';
import { FakeZendesk } from '@zenslackchat/adapters-zendesk/fake';
import { loadConfig } from '../../src/config/index.ts';
import { buildServer, type ZenServer } from '../../src/server/build-server.ts';
import type { Role } from '../../src/server/roles.ts';
import { type Backend, freshPostgres } from './databases.ts';
import { logCapture } from './log-capture.ts';

export const CHANNEL = 'C0SUPPORT';
export const POLICY = 'PPOLICY1';
export const SIGNING_SECRET = 'e2e-signing-secret';
export const WEBHOOK_TOKEN = 'e2e-webhook-token';

/** Fast retries for tests: immediate, no backoff, quick polling. */
export const TEST_TUNING = {
  retryLimit: 3,
  retryDelaySeconds: 0,
  retryBackoff: false,
  pollingIntervalSeconds: 0.5,
} as const;

/** The three fakes and the environment that points the server at them. */
export async function startFakes(database: Record<string, string>) {
  const slack = await FakeSlack.start();
  const zendesk = await FakeZendesk.start({ groups: [360000001] });
  const pagerDuty = await FakePagerDuty.start();
  pagerDuty.setOnCall(POLICY, { primary: ['Alice Primary'], secondary: ['Bob Secondary'] });
  const env: Record<string, string> = {
    ...database,
    WEBAPP_SECRET_KEY: 'PuI7HUfR037eBXYEKlGiztwmF1gANbI0XlIZ0oOxna0',
    SLACK_SIGN_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: slack.url,
    SLACK_WORKSPACE_URI: 'https://fake.slack.com/archives',
    SRE_SUPPORT_CHANNEL: CHANNEL,
    ZENDESK_API_URL: zendesk.apiUrl,
    ZENDESK_API_TOKEN: zendesk.apiToken,
    ZENDESK_AGENT_EMAIL: zendesk.agentEmail,
    ZENDESK_USER_ID: String(zendesk.agent.id),
    ZENDESK_GROUP_ID: String(zendesk.groupId),
    ZENDESK_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    ZENDESK_TICKET_URI: `${zendesk.oauthBaseUrl}/agent/tickets`,
    PAGERDUTY_API_URL: pagerDuty.apiUrl,
    PAGERDUTY_API_TOKEN: pagerDuty.apiToken,
    PAGERDUTY_ESCALATION_POLICY_ID: POLICY,
    // Far from any test run, so only the jobs a test sends post reports.
    REPORT_CRON: '0 0 1 1 *',
  };
  return {
    slack,
    zendesk,
    pagerDuty,
    env,
    close: async () => {
      await Promise.all([slack.close(), zendesk.close(), pagerDuty.close()]);
    },
  };
}

export type Fakes = Awaited<ReturnType<typeof startFakes>>;

/** The database part of the environment for a backend, and how to drop it afterwards. */
export async function databaseEnv(backend: Backend, prefix: string) {
  if (backend === 'pglite') return { env: { DATA_DIR: 'memory://' }, drop: async () => {} };
  const fresh = await freshPostgres(prefix);
  return { env: { DATABASE_URL: fresh.url }, drop: fresh.drop };
}

/** The real time shifted by `offsetMs`, so a test can move the bot to "tomorrow". */
export class ShiftedClock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** A listening server of `role` wired to the fakes (Slack delivers its signed events to it). */
export async function startServer(
  env: Record<string, string>,
  role: Role = 'all',
  clock = new ShiftedClock(),
) {
  const logs = logCapture();
  const server: ZenServer = await buildServer(loadConfig(env), {
    role,
    tuning: TEST_TUNING,
    logStream: logs.stream,
    clock,
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await server.start();
  const { port } = server.app.server.address() as AddressInfo;
  return { server, logs, clock, url: `http://127.0.0.1:${port}` };
}

/** Posts a Zendesk trigger notification as the seed's triggers send it. */
export function zendeskWebhook(
  server: ZenServer,
  path: '/zendesk/webhook/' | '/zendesk/email/webhook/',
  body: Record<string, string>,
  invocationId?: string,
) {
  return server.app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/json',
      ...(invocationId === undefined ? {} : { 'x-zendesk-webhook-invocation-id': invocationId }),
    },
    payload: JSON.stringify({ token: WEBHOOK_TOKEN, ...body }),
  });
}
