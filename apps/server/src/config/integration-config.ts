import type {
  NotConfigured,
  PagerDutyConfig,
  SlackConfig,
  TeamsConfig,
  ZendeskConfig,
} from './app-config.ts';
import type { Env } from './env-schema.ts';
import { missingVariables, REQUIRED_VARIABLES, redirectUri } from './required-variables.ts';

type Problems = string[];
type Missing = NotConfigured[];
type Notes = string[];

/** Adds a problem when exactly one of two variables that only work together is set. */
function pair(env: Env, a: keyof Env, b: keyof Env, problems: Problems): void {
  if ((env[a] === undefined) !== (env[b] === undefined)) problems.push(`${a} and ${b}: set both or neither`);
}

/** Copies the defined entries only (exactOptionalPropertyTypes forbids explicit undefined). */
function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Slack is configured with a signing secret, the support channel and a bot token or OAuth app. */
export function slackConfig(
  env: Env,
  problems: Problems,
  missing: Missing,
  notes: Notes = [],
): SlackConfig | undefined {
  pair(env, 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', problems);
  const redirect = redirectUri(
    env,
    'slack',
    { name: 'SLACK_REDIRECT_URI', value: env.SLACK_REDIRECT_URI, client: 'SLACK_CLIENT_ID' },
    problems,
    notes,
  );
  if (env.SLACK_ALLOW_VERIFICATION_TOKEN && env.SLACK_VERIFICATION_TOKEN === undefined) {
    problems.push('SLACK_VERIFICATION_TOKEN: required when SLACK_ALLOW_VERIFICATION_TOKEN is on');
  }
  const absent = missingVariables('slack', env);
  if (absent.length > 0 || env.SLACK_SIGN_SECRET === undefined) {
    missing.push({ integration: 'slack', missing: absent });
    return undefined;
  }
  return {
    ...defined<Omit<SlackConfig, 'signingSecret' | 'allowVerificationToken'>>({
      verificationToken: env.SLACK_VERIFICATION_TOKEN,
      botToken: env.SLACK_BOT_TOKEN,
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
      redirectUri: redirect,
      oauthUrl: env.SLACK_OAUTH_URL,
      apiUrl: env.SLACK_API_URL,
      workspaceUri: env.SLACK_WORKSPACE_URI,
    }),
    signingSecret: env.SLACK_SIGN_SECRET,
    allowVerificationToken: env.SLACK_ALLOW_VERIFICATION_TOKEN,
  };
}

/** Zendesk is configured with an API location, credentials (API token or OAuth) and the webhook token. */
export function zendeskConfig(
  env: Env,
  problems: Problems,
  missing: Missing,
  notes: Notes = [],
): ZendeskConfig | undefined {
  pair(env, 'ZENDESK_CLIENT_IDENTIFIER', 'ZENDESK_CLIENT_SECRET', problems);
  if (env.ZENDESK_CLIENT_IDENTIFIER !== undefined) {
    if (env.ZENDESK_SUBDOMAIN === undefined) {
      problems.push(
        'ZENDESK_SUBDOMAIN: required with ZENDESK_CLIENT_IDENTIFIER (OAuth grants are kept per subdomain)',
      );
    }
  }
  const redirect = redirectUri(
    env,
    'zendesk',
    { name: 'ZENDESK_REDIRECT_URI', value: env.ZENDESK_REDIRECT_URI, client: 'ZENDESK_CLIENT_IDENTIFIER' },
    problems,
    notes,
  );
  if (env.ZENDESK_API_TOKEN !== undefined && env.ZENDESK_AGENT_EMAIL === undefined) {
    problems.push('ZENDESK_AGENT_EMAIL: required with ZENDESK_API_TOKEN (API tokens act as that agent)');
  }
  const apiUrl =
    env.ZENDESK_API_URL ??
    (env.ZENDESK_SUBDOMAIN === undefined ? undefined : `https://${env.ZENDESK_SUBDOMAIN}.zendesk.com/api/v2`);
  const absent = missingVariables('zendesk', env);
  if (absent.length > 0 || apiUrl === undefined || env.ZENDESK_WEBHOOK_TOKEN === undefined) {
    missing.push({ integration: 'zendesk', missing: absent });
    return undefined;
  }
  const site = new URL(apiUrl).origin;
  return {
    ...defined<Omit<ZendeskConfig, 'apiUrl' | 'ticketUri' | 'webhookToken'>>({
      subdomain: env.ZENDESK_SUBDOMAIN,
      oauthUrl: env.ZENDESK_OAUTH_URL,
      apiToken: env.ZENDESK_API_TOKEN,
      agentEmail: env.ZENDESK_AGENT_EMAIL,
      clientId: env.ZENDESK_CLIENT_IDENTIFIER,
      clientSecret: env.ZENDESK_CLIENT_SECRET,
      redirectUri: redirect,
      webhookSecret: env.ZENDESK_WEBHOOK_SECRET,
      userId: env.ZENDESK_USER_ID,
      groupId: env.ZENDESK_GROUP_ID,
      defaultRequesterEmail: env.ZENDESK_DEFAULT_REQUESTER_EMAIL,
      attachmentMaxMb: env.ATTACHMENT_MAX_MB,
    }),
    apiUrl,
    ticketUri: env.ZENDESK_TICKET_URI ?? `${site}/agent/tickets`,
    webhookToken: env.ZENDESK_WEBHOOK_TOKEN,
  };
}

/** PagerDuty is optional; configured with an escalation policy and an API token or OAuth app. */
export function pagerDutyConfig(
  env: Env,
  problems: Problems,
  missing: Missing,
  notes: Notes = [],
): PagerDutyConfig | undefined {
  pair(env, 'PAGERDUTY_CLIENT_IDENTIFIER', 'PAGERDUTY_CLIENT_SECRET', problems);
  const redirect = redirectUri(
    env,
    'pagerduty',
    {
      name: 'PAGERDUTY_REDIRECT_URI',
      value: env.PAGERDUTY_REDIRECT_URI,
      client: 'PAGERDUTY_CLIENT_IDENTIFIER',
    },
    problems,
    notes,
  );
  const absent = missingVariables('pagerduty', env);
  if (absent.length > 0 || env.PAGERDUTY_ESCALATION_POLICY_ID === undefined) {
    missing.push({ integration: 'pagerduty', missing: absent });
    return undefined;
  }
  return {
    ...defined<Omit<PagerDutyConfig, 'escalationPolicyId'>>({
      apiUrl: env.PAGERDUTY_API_URL,
      oauthUrl: env.PAGERDUTY_OAUTH_URL,
      apiToken: env.PAGERDUTY_API_TOKEN,
      clientId: env.PAGERDUTY_CLIENT_IDENTIFIER,
      clientSecret: env.PAGERDUTY_CLIENT_SECRET,
      redirectUri: redirect,
    }),
    escalationPolicyId: env.PAGERDUTY_ESCALATION_POLICY_ID,
  };
}

/** Teams is configured with the app's id, password and tenant and the support channel. */
export function teamsConfig(
  env: Env,
  problems: Problems,
  missing: Missing,
  notes: string[],
): TeamsConfig | undefined {
  if (env.TEAMS_SKIP_AUTH && env.NODE_ENV !== 'development') {
    problems.push(
      'TEAMS_SKIP_AUTH: allowed only with NODE_ENV=development (the Agents Playground), never in production',
    );
  }
  const absent = missingVariables('teams', env);
  const { TEAMS_APP_ID: appId, TEAMS_APP_PASSWORD: appPassword, TEAMS_TENANT_ID: tenantId } = env;
  const supportChannel = env.TEAMS_SUPPORT_CHANNEL;
  if (
    appId === undefined ||
    appPassword === undefined ||
    tenantId === undefined ||
    supportChannel === undefined
  ) {
    // Teams is an alternative platform: a deployment that sets none of its variables is not
    // told about it at every start; one that sets some is told what is missing.
    if (absent.length < REQUIRED_VARIABLES.teams.length)
      missing.push({ integration: 'teams', missing: absent });
    return undefined;
  }
  if (env.TEAMS_TEAM_ID === undefined) {
    notes.push(
      'TEAMS_TEAM_ID is unset: after a crash between posting to Teams and recording the post, the bot may post it twice',
    );
  }
  return {
    ...defined<Pick<TeamsConfig, 'serviceUrl' | 'loginUrl' | 'openIdMetadataUrl' | 'teamId' | 'graphUrl'>>({
      serviceUrl: env.TEAMS_SERVICE_URL,
      loginUrl: env.TEAMS_LOGIN_URL,
      openIdMetadataUrl: env.TEAMS_OPENID_METADATA_URL,
      teamId: env.TEAMS_TEAM_ID,
      graphUrl: env.TEAMS_GRAPH_URL,
    }),
    appId,
    appPassword,
    tenantId,
    supportChannel,
    skipAuth: env.TEAMS_SKIP_AUTH,
  };
}
