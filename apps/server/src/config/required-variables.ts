import type { Integration } from './app-config.ts';
import type { Env } from './env-schema.ts';

/** One thing an integration needs: a variable, or alternatives, as people read it. */
export interface Requirement {
  readonly label: string;
  present(env: Env): boolean;
}

const variable = (name: keyof Env): Requirement => ({
  label: name,
  present: (env) => env[name] !== undefined,
});

/**
 * What each integration needs before it runs. The one list behind the start-up log, the home page
 * and the README's table (a test compares them).
 */
export const REQUIRED_VARIABLES: Readonly<Record<Integration, readonly Requirement[]>> = {
  slack: [
    variable('SLACK_SIGN_SECRET'),
    variable('SRE_SUPPORT_CHANNEL'),
    {
      label: 'SLACK_BOT_TOKEN (or SLACK_CLIENT_ID + SLACK_CLIENT_SECRET)',
      present: (env) => env.SLACK_BOT_TOKEN !== undefined || env.SLACK_CLIENT_ID !== undefined,
    },
  ],
  teams: [
    variable('TEAMS_APP_ID'),
    variable('TEAMS_APP_PASSWORD'),
    variable('TEAMS_TENANT_ID'),
    variable('TEAMS_SUPPORT_CHANNEL'),
  ],
  zendesk: [
    {
      label: 'ZENDESK_SUBDOMAIN (or ZENDESK_API_URL)',
      present: (env) => env.ZENDESK_SUBDOMAIN !== undefined || env.ZENDESK_API_URL !== undefined,
    },
    {
      label: 'ZENDESK_API_TOKEN (or ZENDESK_CLIENT_IDENTIFIER + ZENDESK_CLIENT_SECRET)',
      present: (env) => env.ZENDESK_API_TOKEN !== undefined || env.ZENDESK_CLIENT_IDENTIFIER !== undefined,
    },
    variable('ZENDESK_WEBHOOK_TOKEN'),
  ],
  pagerduty: [
    variable('PAGERDUTY_ESCALATION_POLICY_ID'),
    {
      label: 'PAGERDUTY_API_TOKEN (or PAGERDUTY_CLIENT_IDENTIFIER + PAGERDUTY_CLIENT_SECRET)',
      present: (env) =>
        env.PAGERDUTY_API_TOKEN !== undefined || env.PAGERDUTY_CLIENT_IDENTIFIER !== undefined,
    },
  ],
};

/** The labels of what `integration` still lacks in `env` (empty when it can run). */
export function missingVariables(integration: Integration, env: Env): string[] {
  return REQUIRED_VARIABLES[integration].filter((item) => !item.present(env)).map((item) => item.label);
}

/** The integrations installed through OAuth (Teams uses the app's client credentials). */
export type OAuthIntegration = Exclude<Integration, 'teams'>;

/** The OAuth callback paths the server serves, for the default redirect URIs. */
export const OAUTH_CALLBACK_PATHS: Readonly<Record<OAuthIntegration, string>> = {
  slack: '/slack/oauth/',
  zendesk: '/zendesk/oauth/',
  pagerduty: '/pagerduty/oauth/',
};

/**
 * A redirect URI as given, or `https://$PAAS_FQDN/<vendor>/oauth/` when an OAuth client is set
 * without one (the original bot's settings never had these variables); notes the default.
 */
export function redirectUri(
  env: Env,
  integration: OAuthIntegration,
  given: { readonly name: keyof Env; readonly value: string | undefined; readonly client: keyof Env },
  problems: string[],
  notes: string[],
): string | undefined {
  if (given.value !== undefined || env[given.client] === undefined) return given.value;
  if (env.PAAS_FQDN === undefined) {
    problems.push(`${given.name}: required with ${given.client} when PAAS_FQDN is unset`);
    return undefined;
  }
  const uri = `https://${env.PAAS_FQDN}${OAUTH_CALLBACK_PATHS[integration]}`;
  notes.push(`${given.name} is unset: using ${uri} (from PAAS_FQDN)`);
  return uri;
}
