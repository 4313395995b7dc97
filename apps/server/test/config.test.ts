import { messages } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_NAMES, loadConfig } from '../src/config/index.ts';

const MALFORMED: Record<string, string> = {
  PORT: '80a',
  HOST: 'http://0.0.0.0',
  WEBAPP_SECRET_KEY: 'short',
  TOKEN_ENCRYPTION_KEY: 'short',
  TOKEN_ENCRYPTION_OLD_KEYS: 'short',
  DATABASE_URL: 'mysql://localhost/db',
  PAAS_FQDN: 'https://bot.example.com/',
  TRUST_PROXY_EVERY_HOP_UNSAFE: 'always',
  ZENDESK_WEBHOOK_ALLOW_UNSIGNED: 'sure',
  TRUST_PROXY: 'proxy.example.com',
  ADMIN_EMAIL: 'not-an-email',
  ADMIN_PASSWORD: 'short',
  SLACK_SIGN_SECRET: 'abc',
  SLACK_ALLOW_VERIFICATION_TOKEN: 'maybe',
  SLACK_BOT_TOKEN: 'not-a-token',
  SLACK_API_URL: 'ftp://slack',
  SLACK_WORKSPACE_URI: 'example.slack.com/archives',
  SLACK_REDIRECT_URI: 'nope',
  SLACK_OAUTH_URL: 'slack.com/oauth',
  SRE_SUPPORT_CHANNEL: '#support',
  ALLOWED_BOT_IDS: 'B123,not-a-bot',
  DISABLE_MESSAGE_PROCESSING: 'sometimes',
  DISABLE_EMAIL_ACKNOWLEDGEMENT: 'sometimes',
  ZENDESK_REDIRECT_URI: 'zendesk/oauth',
  ZENDESK_SUBDOMAIN: 'acme.zendesk.com',
  ZENDESK_API_URL: 'localhost:9000',
  ZENDESK_OAUTH_URL: 'oauth',
  ZENDESK_TICKET_URI: '/agent/tickets',
  ZENDESK_USER_ID: 'bob',
  ZENDESK_GROUP_ID: '12ab',
  ZENDESK_AGENT_EMAIL: 'agent-at-example',
  ZENDESK_DEFAULT_REQUESTER_EMAIL: 'desk',
  ATTACHMENT_MAX_MB: '51',
  ZENDESK_WEBHOOK_TOKEN: 'short',
  ZENDESK_WEBHOOK_SECRET: 'short',
  PAGERDUTY_REDIRECT_URI: 'pd',
  PAGERDUTY_ESCALATION_POLICY_ID: 'p-lower',
  PAGERDUTY_API_URL: 'pd.example',
  PAGERDUTY_OAUTH_URL: 'pd.example',
  DISABLE_ECS_LOG_FORMAT: 'json',
  DEBUG_ENABLED: 'verbose',
  REPORT_CRON: 'every day at nine',
  REPORT_TIMEZONE: 'Mars/Olympus',
  RECONCILE_CRON: 'every ten minutes',
  ZENDESK_RATE_LIMIT_PER_MINUTE: '200/min',
  JOB_RETRY_DELAY_SECONDS: '5s',
  JOB_RETRY_DELAY_MAX_SECONDS: '0',
  JOB_RETRY_BUDGET_HOURS: '500',
  WORKER_CONCURRENCY: '2.5',
  DELIVERY_LEASE_SECONDS: '5',
  TEAMS_APP_ID: 'my-bot',
  TEAMS_TENANT_ID: 'contoso.onmicrosoft.com',
  TEAMS_SUPPORT_CHANNEL: 'General',
  TEAMS_TEAM_ID: 'Support Team',
  TEAMS_GRAPH_URL: 'graph.microsoft.com/v1.0',
  TEAMS_SERVICE_URL: 'smba.trafficmanager.net/teams/',
  TEAMS_LOGIN_URL: 'login',
  TEAMS_OPENID_METADATA_URL: '/v1/.well-known/openidconfiguration',
  TEAMS_SKIP_AUTH: 'please',
  EMAIL_TICKET_PLATFORM: 'discord',
  CHAT_POST_INTERVAL_MS: '1s',
  CHAT_POST_BURST: '0',
  CHAT_POST_MAX_WAIT_MS: '-5',
};

/** Variables whose value is any non-empty text (ids, secrets, paths): nothing to be malformed. */
const FREE_TEXT = [
  'NODE_ENV',
  'EMAIL_ACKNOWLEDGEMENT',
  'DATA_DIR',
  'REDIS_URL',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_VERIFICATION_TOKEN',
  'ZENDESK_CLIENT_IDENTIFIER',
  'ZENDESK_CLIENT_SECRET',
  'ZENDESK_API_TOKEN',
  'PAGERDUTY_CLIENT_IDENTIFIER',
  'PAGERDUTY_CLIENT_SECRET',
  'PAGERDUTY_API_TOKEN',
  'TEAMS_APP_PASSWORD',
];

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

// Random-looking enough for the key strength check.
const STRONG_KEY = 'kq3Vt8ZpL2xR9wYc5NfB7hJd4MsG6aE1';

describe('loadConfig', () => {
  it('starts with no configuration: embedded database, defaults, every integration not configured', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8000);
    expect(config.database).toEqual({ dataDir: './.data' });
    expect(config.report).toEqual({ cron: '0 9 * * *', timeZone: 'UTC' });
    expect(config.bot.deliveryLeaseMs).toBe(30_000);
    expect(loadConfig({ DELIVERY_LEASE_SECONDS: '300' }).bot.deliveryLeaseMs).toBe(300_000);
    expect(config.logging).toEqual({ ecs: 'auto', debug: false });
    const keys = { WEBAPP_SECRET_KEY: STRONG_KEY, TOKEN_ENCRYPTION_KEY: `${STRONG_KEY}x` };
    expect(loadConfig({ NODE_ENV: 'production', ...keys }).logging.ecs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', DISABLE_ECS_LOG_FORMAT: '1', ...keys }).logging.ecs).toBe(
      false,
    );
    expect(config.secretKeyGenerated).toBe(true);
    expect(config.notConfigured.map((entry) => entry.integration)).toEqual(['slack', 'zendesk', 'pagerduty']);
    expect(config.slack).toBeUndefined();
  });

  it('has a malformed case for every variable that can be malformed', () => {
    expect(ENV_NAMES.filter((name) => !(name in MALFORMED) && !FREE_TEXT.includes(name))).toEqual([]);
  });

  it.each(Object.entries(MALFORMED))('rejects a malformed %s, naming it', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('names every malformed variable in one error', () => {
    const problems = problemsOf(MALFORMED);
    const named = new Set(problems.map((line) => line.split(':')[0]));
    expect([...named].sort()).toEqual(Object.keys(MALFORMED).sort());
  });

  it.each([
    [{ SLACK_CLIENT_ID: 'id' }, 'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET'],
    [{ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 's' }, 'SLACK_REDIRECT_URI: required'],
    [{ ZENDESK_CLIENT_SECRET: 'secret' }, 'ZENDESK_CLIENT_IDENTIFIER and ZENDESK_CLIENT_SECRET'],
    [{ ZENDESK_CLIENT_IDENTIFIER: 'id', ZENDESK_CLIENT_SECRET: 's' }, 'ZENDESK_SUBDOMAIN: required'],
    [{ ZENDESK_CLIENT_IDENTIFIER: 'id', ZENDESK_CLIENT_SECRET: 's' }, 'ZENDESK_REDIRECT_URI: required'],
    [{ PAGERDUTY_CLIENT_IDENTIFIER: 'id', PAGERDUTY_CLIENT_SECRET: 's' }, 'PAGERDUTY_REDIRECT_URI: required'],
    [{ PAGERDUTY_CLIENT_IDENTIFIER: 'id' }, 'PAGERDUTY_CLIENT_IDENTIFIER and PAGERDUTY_CLIENT_SECRET'],
    [{ ZENDESK_API_TOKEN: 'token' }, 'ZENDESK_AGENT_EMAIL'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'ADMIN_EMAIL and ADMIN_PASSWORD'],
    [{ SLACK_ALLOW_VERIFICATION_TOKEN: '1' }, 'SLACK_VERIFICATION_TOKEN'],
    [{ TEAMS_SKIP_AUTH: '1' }, 'TEAMS_SKIP_AUTH: allowed only with NODE_ENV=development'],
    [
      { TEAMS_SKIP_AUTH: '1', NODE_ENV: 'production' },
      'TEAMS_SKIP_AUTH: allowed only with NODE_ENV=development',
    ],
    [{ EMAIL_TICKET_PLATFORM: 'teams' }, 'EMAIL_TICKET_PLATFORM: teams is not configured'],
  ])('rejects half of a pair: %o', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it("the seed's variables alone start it: each OAuth redirect defaults to https://$PAAS_FQDN/<vendor>/oauth/, and a note says so", () => {
    const config = loadConfig({
      PAAS_FQDN: 'support.example.com',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 's',
      SLACK_SIGN_SECRET: 'signing-secret',
      SRE_SUPPORT_CHANNEL: 'C0192NP3TFG',
      ZENDESK_CLIENT_IDENTIFIER: 'zid',
      ZENDESK_CLIENT_SECRET: 'zs',
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_WEBHOOK_TOKEN: 'webhook-token',
      PAGERDUTY_CLIENT_IDENTIFIER: 'pid',
      PAGERDUTY_CLIENT_SECRET: 'ps',
      PAGERDUTY_ESCALATION_POLICY_ID: 'PABC123',
    });
    expect(config.slack?.redirectUri).toBe('https://support.example.com/slack/oauth/');
    expect(config.zendesk?.redirectUri).toBe('https://support.example.com/zendesk/oauth/');
    expect(config.pagerDuty?.redirectUri).toBe('https://support.example.com/pagerduty/oauth/');
    expect(config.notes).toContain(
      'SLACK_REDIRECT_URI is unset: using https://support.example.com/slack/oauth/ (from PAAS_FQDN)',
    );
    expect(config.notConfigured).toEqual([]);
    const given = loadConfig({
      PAAS_FQDN: 'support.example.com',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 's',
      SLACK_REDIRECT_URI: 'https://elsewhere.example.com/slack/oauth/',
    });
    expect(given.notes.join('\n')).not.toContain('SLACK_REDIRECT_URI');
  });

  it('builds every integration from a full configuration', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zsc',
      REDIS_URL: 'redis://localhost/',
      SLACK_SIGN_SECRET: 'sign-secret',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SRE_SUPPORT_CHANNEL: 'C0192NP3TFG',
      ALLOWED_BOT_IDS: 'B01, B02',
      DISABLE_MESSAGE_PROCESSING: '1',
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_API_TOKEN: 'zd-token',
      ZENDESK_AGENT_EMAIL: 'bot@example.com',
      ZENDESK_WEBHOOK_TOKEN: 'webhook-token',
      ZENDESK_GROUP_ID: '360003877797',
      PAGERDUTY_ESCALATION_POLICY_ID: 'PABC123',
      PAGERDUTY_API_TOKEN: 'pd-token',
      REPORT_TIMEZONE: 'Europe/London',
      DISABLE_ECS_LOG_FORMAT: 'true',
      TEAMS_APP_ID: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f',
      TEAMS_APP_PASSWORD: 'teams-secret',
      TEAMS_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      TEAMS_SUPPORT_CHANNEL: '19:0f3a7c9d2b8e4a61b5c2d7e8f9a01234@thread.tacv2',
      EMAIL_TICKET_PLATFORM: 'teams',
    });
    expect(config.notConfigured).toEqual([]);
    expect(config.teams).toEqual({
      appId: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f',
      appPassword: 'teams-secret',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      supportChannel: '19:0f3a7c9d2b8e4a61b5c2d7e8f9a01234@thread.tacv2',
      skipAuth: false,
    });
    expect(config.emailTicketPlatform).toBe('teams');
    expect(config.bot).toEqual({
      supportChannel: 'C0192NP3TFG',
      allowedBotIds: ['B01', 'B02'],
      processingEnabled: false,
      deliveryLeaseMs: 30_000,
      emailAcknowledgement: messages.defaultEmailAcknowledgement,
    });
    expect(config.zendesk?.apiUrl).toBe('https://acme.zendesk.com/api/v2');
    expect(config.zendesk?.ticketUri).toBe('https://acme.zendesk.com/agent/tickets');
    expect(config.zendesk?.defaultRequesterEmail).toBeUndefined();
    expect(config.pagerDuty?.escalationPolicyId).toBe('PABC123');
    expect(config.logging.ecs).toBe(false);
    expect(config.notes.join('\n')).toContain('REDIS_URL is set but ignored');
  });

  it('reads ZENDESK_DEFAULT_REQUESTER_EMAIL and refuses one that is not an address', () => {
    const base = {
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_API_TOKEN: 'zd-token',
      ZENDESK_AGENT_EMAIL: 'bot@example.com',
      ZENDESK_WEBHOOK_TOKEN: 'webhook-token',
    };
    const config = loadConfig({ ...base, ZENDESK_DEFAULT_REQUESTER_EMAIL: ' desk@example.com ' });
    expect(config.zendesk?.defaultRequesterEmail).toBe('desk@example.com');
    expect(config.zendesk?.attachmentMaxMb).toBeUndefined();
    expect(config.bot.attachmentMaxMb).toBeUndefined();
    const limited = loadConfig({ ...base, ATTACHMENT_MAX_MB: '10' });
    expect(limited.zendesk?.attachmentMaxMb).toBe(10);
    expect(limited.bot.attachmentMaxMb).toBe(10);
    // Read without Zendesk too: the sandbox's upload limit.
    expect(loadConfig({ ATTACHMENT_MAX_MB: '3' }).bot.attachmentMaxMb).toBe(3);
    expect(() => loadConfig({ ...base, ZENDESK_DEFAULT_REQUESTER_EMAIL: 'desk' })).toThrow(
      /ZENDESK_DEFAULT_REQUESTER_EMAIL/,
    );
  });

  it.each([
    [undefined, false],
    ['off', false],
    [
      '10.0.0.0/8, loopback,::1, 192.168.0.0/255.255.0.0',
      ['10.0.0.0/8', 'loopback', '::1', '192.168.0.0/255.255.0.0'],
    ],
  ])('reads TRUST_PROXY=%j as fastify trustProxy %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['2', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/255.0.0.0/8'])('rejects TRUST_PROXY=%j', (value) => {
    expect(problemsOf({ TRUST_PROXY: value }).join('\n')).toContain('TRUST_PROXY');
  });

  it.each(['1', 'true', 'yes', 'ON'])(
    'refuses TRUST_PROXY=%j (trust every hop), naming the safe way and the unsafe flag',
    (value) => {
      const problems = problemsOf({ TRUST_PROXY: value }).join('\n');
      expect(problems).toContain('TRUST_PROXY: trusting every hop lets any client pick its own address');
      expect(problems).toContain('TRUST_PROXY_EVERY_HOP_UNSAFE=1');
    },
  );

  it('trusts every hop only behind TRUST_PROXY_EVERY_HOP_UNSAFE, with a loud note, and never with TRUST_PROXY too', () => {
    const config = loadConfig({ TRUST_PROXY_EVERY_HOP_UNSAFE: '1' });
    expect(config.trustProxy).toBe(true);
    expect(config.notes.join('\n')).toContain('TRUST_PROXY_EVERY_HOP_UNSAFE is on');
    expect(problemsOf({ TRUST_PROXY_EVERY_HOP_UNSAFE: '1', TRUST_PROXY: 'loopback' }).join('\n')).toContain(
      'set it or TRUST_PROXY, not both',
    );
  });

  it('says a hop count is not supported', () => {
    expect(problemsOf({ TRUST_PROXY: '2' }).join('\n')).toContain('hop count is not supported');
  });

  it('lists what is missing for a partly configured integration', () => {
    const config = loadConfig({ SLACK_SIGN_SECRET: 'sign-secret' });
    expect(config.notConfigured[0]).toEqual({
      integration: 'slack',
      missing: ['SRE_SUPPORT_CHANNEL', 'SLACK_BOT_TOKEN (or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET)'],
    });
  });
});

describe('the email acknowledgement', () => {
  it('is on by default with the default words, configurable, and can be turned off', () => {
    expect(loadConfig({}).bot.emailAcknowledgement).toMatch(/^Thank you: the support team is aware/);
    expect(loadConfig({ EMAIL_ACKNOWLEDGEMENT: 'Got it.' }).bot.emailAcknowledgement).toBe('Got it.');
    expect(loadConfig({ DISABLE_EMAIL_ACKNOWLEDGEMENT: '1' }).bot.emailAcknowledgement).toBeUndefined();
  });
});

describe('Teams configuration', () => {
  it('is not mentioned when none of its variables is set, and names what is missing when some are', () => {
    expect(loadConfig({}).notConfigured.map((e) => e.integration)).not.toContain('teams');
    expect(loadConfig({ TEAMS_APP_ID: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f' }).notConfigured).toContainEqual(
      {
        integration: 'teams',
        missing: ['TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID', 'TEAMS_SUPPORT_CHANNEL'],
      },
    );
  });

  it('allows TEAMS_SKIP_AUTH only with NODE_ENV=development', () => {
    const teams = {
      TEAMS_APP_ID: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f',
      TEAMS_APP_PASSWORD: 'secret',
      TEAMS_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      TEAMS_SUPPORT_CHANNEL: '19:abc@thread.tacv2',
      TEAMS_SKIP_AUTH: '1',
    };
    expect(loadConfig({ ...teams, NODE_ENV: 'development' }).teams?.skipAuth).toBe(true);
    expect(() => loadConfig(teams)).toThrow(ConfigError);
  });

  it('reads TEAMS_TEAM_ID and TEAMS_GRAPH_URL for findMessage, and notes when the team id is unset', () => {
    const teams = {
      TEAMS_APP_ID: '7f0c8a53-1b4e-4c7d-9a2f-3e5b6c7d8e9f',
      TEAMS_APP_PASSWORD: 'secret',
      TEAMS_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      TEAMS_SUPPORT_CHANNEL: '19:abc@thread.tacv2',
    };
    const config = loadConfig({
      ...teams,
      TEAMS_TEAM_ID: 'B9F3C1D2-6A4E-4F80-9C17-2D5E8A0B4C63',
      TEAMS_GRAPH_URL: 'https://graph.microsoft.us/v1.0',
    });
    expect(config.teams).toMatchObject({
      teamId: 'B9F3C1D2-6A4E-4F80-9C17-2D5E8A0B4C63',
      graphUrl: 'https://graph.microsoft.us/v1.0',
    });
    expect(config.notes.join('\n')).not.toContain('TEAMS_TEAM_ID');
    const without = loadConfig(teams);
    expect(without.teams?.teamId).toBeUndefined();
    expect(without.notes.join('\n')).toContain('TEAMS_TEAM_ID is unset');
    expect(problemsOf({ ...teams, TEAMS_TEAM_ID: '19:abc@thread.tacv2' })[0]).toMatch(
      /^TEAMS_TEAM_ID: must be a GUID/,
    );
  });
});
