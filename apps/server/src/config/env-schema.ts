import { z } from 'zod';
import {
  botIdList,
  chatPlatform,
  cron,
  email,
  flag,
  guid,
  hostName,
  httpUrl,
  keyList,
  numericId,
  platformId,
  port,
  postgresUrl,
  seconds,
  strongKey,
  teamsChannelId,
  text,
  timeZone,
  trustProxy,
  wholeNumber,
} from './env-fields.ts';
import { jobEnvFields } from './job-env.ts';
import { pacingEnvFields } from './pacing-env.ts';

/** Every environment variable the server reads, each validated on its own (unset is allowed). */
export const envSchema = z.object({
  PORT: port(),
  HOST: hostName(),
  NODE_ENV: text(),
  WEBAPP_SECRET_KEY: strongKey(),
  TOKEN_ENCRYPTION_KEY: strongKey(),
  TOKEN_ENCRYPTION_OLD_KEYS: keyList(),
  DATABASE_URL: postgresUrl(),
  DATA_DIR: text(),
  REDIS_URL: text(),
  PAAS_FQDN: hostName(),
  TRUST_PROXY: trustProxy(),
  TRUST_PROXY_EVERY_HOP_UNSAFE: flag(),
  ADMIN_EMAIL: email(),
  ADMIN_PASSWORD: text(12),

  SLACK_CLIENT_ID: text(),
  SLACK_CLIENT_SECRET: text(),
  SLACK_SIGN_SECRET: text(8),
  SLACK_VERIFICATION_TOKEN: text(),
  SLACK_ALLOW_VERIFICATION_TOKEN: flag(),
  SLACK_BOT_TOKEN: text().refine((value) => value === undefined || /^xox[bp]-/.test(value), {
    message: 'must be a Slack bot token (xoxb-...)',
  }),
  SLACK_API_URL: httpUrl(),
  SLACK_WORKSPACE_URI: httpUrl(),
  SLACK_REDIRECT_URI: httpUrl(),
  SLACK_OAUTH_URL: httpUrl(),
  SRE_SUPPORT_CHANNEL: platformId('CG', 'Slack channel id', 'C0192NP3TFG'),
  ALLOWED_BOT_IDS: botIdList(),
  DISABLE_MESSAGE_PROCESSING: flag(),
  EMAIL_ACKNOWLEDGEMENT: text(),
  DISABLE_EMAIL_ACKNOWLEDGEMENT: flag(),

  ZENDESK_CLIENT_IDENTIFIER: text(),
  ZENDESK_CLIENT_SECRET: text(),
  ZENDESK_REDIRECT_URI: httpUrl(),
  ZENDESK_SUBDOMAIN: text().refine(
    (value) => value === undefined || /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value),
    {
      message: 'must be the sub-domain only, e.g. "acme" for https://acme.zendesk.com',
    },
  ),
  ZENDESK_API_URL: httpUrl(),
  ZENDESK_OAUTH_URL: httpUrl(),
  ZENDESK_API_TOKEN: text(),
  ZENDESK_TICKET_URI: httpUrl(),
  ZENDESK_USER_ID: numericId(),
  ZENDESK_GROUP_ID: numericId(),
  ZENDESK_AGENT_EMAIL: email(),
  ZENDESK_DEFAULT_REQUESTER_EMAIL: email(),
  ATTACHMENT_MAX_MB: wholeNumber(1, 50),
  ZENDESK_WEBHOOK_TOKEN: text(8),
  ZENDESK_WEBHOOK_SECRET: text(8),
  ZENDESK_WEBHOOK_ALLOW_UNSIGNED: flag(),

  PAGERDUTY_CLIENT_IDENTIFIER: text(),
  PAGERDUTY_CLIENT_SECRET: text(),
  PAGERDUTY_REDIRECT_URI: httpUrl(),
  PAGERDUTY_ESCALATION_POLICY_ID: platformId('A-Z', 'PagerDuty id', 'PABC123'),
  PAGERDUTY_API_URL: httpUrl(),
  PAGERDUTY_OAUTH_URL: httpUrl(),
  PAGERDUTY_API_TOKEN: text(),

  TEAMS_APP_ID: guid(),
  TEAMS_APP_PASSWORD: text(),
  TEAMS_TENANT_ID: guid(),
  TEAMS_SUPPORT_CHANNEL: teamsChannelId(),
  TEAMS_TEAM_ID: guid(),
  TEAMS_GRAPH_URL: httpUrl(),
  TEAMS_SERVICE_URL: httpUrl(),
  TEAMS_LOGIN_URL: httpUrl(),
  TEAMS_OPENID_METADATA_URL: httpUrl(),
  TEAMS_SKIP_AUTH: flag(),
  EMAIL_TICKET_PLATFORM: chatPlatform(),

  DISABLE_ECS_LOG_FORMAT: flag(),
  DEBUG_ENABLED: flag(),
  REPORT_CRON: cron(),
  REPORT_TIMEZONE: timeZone(),
  RECONCILE_CRON: cron(),
  // The account's Zendesk API limit; the reconciliation sweep uses at most a tenth of it.
  ZENDESK_RATE_LIMIT_PER_MINUTE: wholeNumber(10, 100_000),
  // Longer than any vendor call's timeout (10 s), so a live run never loses its lease.
  DELIVERY_LEASE_SECONDS: seconds(15, 3600),
  ...jobEnvFields,
  ...pacingEnvFields,
});

/** The environment after field validation. */
export type Env = z.infer<typeof envSchema>;

/** The names of every variable the server reads, for docs and tests. */
export const ENV_NAMES = Object.keys(envSchema.shape) as readonly (keyof Env)[];
