import { randomBytes } from 'node:crypto';
import type { Vendors } from './vendors.ts';

/** The channel the bot watches in every test. */
export const SUPPORT_CHANNEL = 'C0SUPPORT';
/** Another channel, whose messages the bot must ignore. */
export const OTHER_CHANNEL = 'C0RANDOM';
/** A bot allowed to open issues (ALLOWED_BOT_IDS). */
export const ALLOWED_BOT_ID = 'B0ALLOWED';
/** The escalation policy whose on-call people are named. */
export const ESCALATION_POLICY = 'PESCAL01';
/** The Slack workspace base used for permalinks. */
export const WORKSPACE_URI = 'https://fake.slack.com/archives';
/** Where the bot links tickets to. */
export const TICKET_URI = 'https://fake.zendesk.example/agent/tickets';

/** The secrets one bot under test is configured with: none may ever appear in its logs. */
export interface TestSecrets {
  readonly signingSecret: string;
  readonly verificationToken: string;
  readonly webhookToken: string;
  readonly webhookSecret: string;
  readonly webappSecretKey: string;
  readonly tokenEncryptionKey: string;
  readonly adminPassword: string;
}

/** Fresh random secrets. */
export function newSecrets(): TestSecrets {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  return {
    signingSecret: `sign${hex(16)}`,
    verificationToken: `verif${hex(12)}`,
    webhookToken: `zdtok${hex(16)}`,
    webhookSecret: `zdsig${hex(16)}`,
    webappSecretKey: `web${hex(24)}`,
    tokenEncryptionKey: `enc${hex(24)}`,
    adminPassword: `pw-${hex(12)}`,
  };
}

/** Every secret and vendor credential in the environment, for the log scan. */
export function secretValues(secrets: TestSecrets, vendors: Vendors): readonly string[] {
  return [
    ...Object.values(secrets),
    vendors.slack.token,
    vendors.slack.identity.clientSecret,
    vendors.zendesk.apiToken,
    vendors.zendesk.oauthClient.clientSecret,
    vendors.pagerDuty.apiToken,
    vendors.pagerDuty.clientSecret,
  ];
}

/**
 * The server's environment as an operator would set it (every variable of the README that
 * applies), pointing each vendor API at its fake. `overrides` replace or (when '') unset entries.
 */
export function botEnv(
  vendors: Vendors,
  secrets: TestSecrets,
  where: { readonly port: number; readonly databaseUrl: string },
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const base = `http://127.0.0.1:${where.port}`;
  const { slack, zendesk, pagerDuty } = vendors;
  const env: Record<string, string> = {
    PORT: String(where.port),
    HOST: '127.0.0.1',
    DATABASE_URL: where.databaseUrl,
    WEBAPP_SECRET_KEY: secrets.webappSecretKey,
    TOKEN_ENCRYPTION_KEY: secrets.tokenEncryptionKey,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: secrets.adminPassword,
    SLACK_CLIENT_ID: slack.identity.clientId,
    SLACK_CLIENT_SECRET: slack.identity.clientSecret,
    SLACK_SIGN_SECRET: secrets.signingSecret,
    SLACK_VERIFICATION_TOKEN: secrets.verificationToken,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: slack.url,
    SLACK_OAUTH_URL: slack.authorizeUrl,
    SLACK_REDIRECT_URI: `${base}/slack/oauth/`,
    SLACK_WORKSPACE_URI: WORKSPACE_URI,
    SRE_SUPPORT_CHANNEL: SUPPORT_CHANNEL,
    ALLOWED_BOT_IDS: ALLOWED_BOT_ID,
    ZENDESK_CLIENT_IDENTIFIER: zendesk.oauthClient.clientId,
    ZENDESK_CLIENT_SECRET: zendesk.oauthClient.clientSecret,
    ZENDESK_REDIRECT_URI: `${base}/zendesk/oauth/`,
    ZENDESK_SUBDOMAIN: 'fake',
    ZENDESK_API_URL: zendesk.apiUrl,
    ZENDESK_OAUTH_URL: zendesk.oauthBaseUrl,
    ZENDESK_API_TOKEN: zendesk.apiToken,
    ZENDESK_TICKET_URI: TICKET_URI,
    ZENDESK_USER_ID: String(zendesk.agent.id),
    ZENDESK_GROUP_ID: String(zendesk.groupId),
    ZENDESK_AGENT_EMAIL: zendesk.agentEmail,
    ZENDESK_WEBHOOK_TOKEN: secrets.webhookToken,
    ZENDESK_WEBHOOK_SECRET: secrets.webhookSecret,
    PAGERDUTY_CLIENT_IDENTIFIER: pagerDuty.clientId,
    PAGERDUTY_CLIENT_SECRET: pagerDuty.clientSecret,
    PAGERDUTY_REDIRECT_URI: `${base}/pagerduty/oauth/`,
    PAGERDUTY_ESCALATION_POLICY_ID: ESCALATION_POLICY,
    PAGERDUTY_API_URL: pagerDuty.apiUrl,
    PAGERDUTY_OAUTH_URL: pagerDuty.oauthBaseUrl,
    PAGERDUTY_API_TOKEN: pagerDuty.apiToken,
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    // The fake Slack enforces no pace unless a test asks it to (`limitPostRate`); neither does the bot.
    CHAT_POST_INTERVAL_MS: '0',
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === '') delete env[name];
    else env[name] = value;
  }
  return env;
}
