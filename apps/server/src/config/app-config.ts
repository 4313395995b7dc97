import type { TrustProxy } from './env-fields.ts';
import type { PacingConfig } from './pacing-env.ts';

/** Slack settings; present only when the integration is fully configured. */
export interface SlackConfig {
  readonly signingSecret: string;
  readonly verificationToken?: string;
  readonly allowVerificationToken: boolean;
  /** Static bot token; absent when the token comes from the OAuth installation. */
  readonly botToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly redirectUri?: string;
  /** Slack's authorize page (SLACK_OAUTH_URL), for a fake in tests. */
  readonly oauthUrl?: string;
  readonly apiUrl?: string;
  readonly workspaceUri?: string;
}

/** Zendesk settings; present only when the integration is fully configured. */
export interface ZendeskConfig {
  readonly subdomain?: string;
  /** API base including `/api/v2`. */
  readonly apiUrl: string;
  readonly oauthUrl?: string;
  readonly ticketUri: string;
  readonly apiToken?: string;
  readonly agentEmail?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly redirectUri?: string;
  readonly webhookToken: string;
  readonly webhookSecret?: string;
  readonly userId?: string;
  readonly groupId?: string;
  /** Requester of tickets whose chat author shows no email; the agent when absent. */
  readonly defaultRequesterEmail?: string;
  /**
   * Largest file copied across, in MB (ATTACHMENT_MAX_MB): chat files onto tickets, ticket
   * attachments into chat threads (never read past it); larger ones are linked.
   */
  readonly attachmentMaxMb?: number;
}

/** PagerDuty settings; present only when the integration is fully configured. */
export interface PagerDutyConfig {
  readonly escalationPolicyId: string;
  readonly apiUrl?: string;
  readonly oauthUrl?: string;
  readonly apiToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly redirectUri?: string;
}

/** Microsoft Teams settings; present only when the integration is fully configured. */
export interface TeamsConfig {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  /** The channel the bot watches (`19:…@thread.tacv2`). */
  readonly supportChannel: string;
  /** The channel's team (Microsoft 365 group id): set, the adapter finds its earlier posts through Graph. */
  readonly teamId?: string;
  /** Microsoft Graph's v1.0 root: Microsoft's unless overridden (tests, national clouds). */
  readonly graphUrl?: string;
  /** Bot Connector, Entra login and OpenID metadata URLs: Microsoft's unless overridden (tests). */
  readonly serviceUrl?: string;
  readonly loginUrl?: string;
  readonly openIdMetadataUrl?: string;
  /** True only with NODE_ENV=development: inbound activities unauthenticated (Agents Playground). */
  readonly skipAuth: boolean;
}

export const INTEGRATIONS = ['slack', 'teams', 'zendesk', 'pagerduty'] as const;
export type Integration = (typeof INTEGRATIONS)[number];

/** An integration left out because some of its variables are unset. */
export interface NotConfigured {
  readonly integration: Integration;
  readonly missing: readonly string[];
}

/** The job queue's retry policy and concurrency. */
export interface JobsConfig {
  /** First retry delay (JOB_RETRY_DELAY_SECONDS), doubled per retry. */
  readonly retryDelaySeconds: number;
  /** Cap of a retry delay (JOB_RETRY_DELAY_MAX_SECONDS). */
  readonly retryDelayMaxSeconds: number;
  /** How long a failing job keeps being retried before it is dead-lettered (JOB_RETRY_BUDGET_HOURS). */
  readonly retryBudgetHours: number;
  /** Jobs of one queue run at once per process (WORKER_CONCURRENCY). */
  readonly concurrency: number;
}

/** The server's whole configuration, validated. */
export interface AppConfig {
  readonly port: number;
  /** Interface to listen on (default 0.0.0.0). */
  readonly host: string;
  /** Signs and encrypts sessions; random per process when WEBAPP_SECRET_KEY is unset. */
  readonly secretKey: string;
  readonly secretKeyGenerated: boolean;
  /** Encrypts stored OAuth tokens (TOKEN_ENCRYPTION_KEY, else the secret key). */
  readonly tokenEncryptionKey: string;
  /** TOKEN_ENCRYPTION_OLD_KEYS: still decrypt grants saved before a rotation (re-encrypted on the next save). */
  readonly tokenEncryptionOldKeys: readonly string[];
  /** NODE_ENV=production or a --role other than all: keys required, Zendesk signatures required. */
  readonly production: boolean;
  /** TRUST_PROXY as fastify's `trustProxy`: which proxies' X-Forwarded-* headers to believe. */
  readonly trustProxy: TrustProxy;
  /** Host names served (PAAS_FQDN, localhost); empty means any host. */
  readonly allowedHosts: readonly string[];
  readonly database: { readonly url?: string; readonly dataDir: string };
  /** `ecs`: JSON lines; `auto` (development): JSON unless the logs go to a terminal. */
  readonly logging: { readonly ecs: boolean | 'auto'; readonly debug: boolean };
  readonly bot: {
    readonly supportChannel?: string;
    readonly allowedBotIds: readonly string[];
    readonly processingEnabled: boolean;
    /** DELIVERY_LEASE_SECONDS in ms: how long a run holds a side effect before another may take it. */
    readonly deliveryLeaseMs: number;
    /** The public reply an emailed ticket's requester gets; absent when turned off. */
    readonly emailAcknowledgement?: string;
    /**
     * Largest file copied across, in MB (ATTACHMENT_MAX_MB), for the core; larger ones are linked.
     * Also the sandbox's upload limit: read here so it applies without Zendesk configured.
     */
    readonly attachmentMaxMb?: number;
  };
  readonly report: { readonly cron: string; readonly timeZone: string };
  /** The reconciliation sweep: RECONCILE_CRON, and a tenth of ZENDESK_RATE_LIMIT_PER_MINUTE for its calls. */
  readonly reconcile: { readonly cron: string; readonly callsPerMinute: number };
  readonly jobs: JobsConfig;
  /** The per-channel posting pace (CHAT_POST_*). */
  readonly pacing: PacingConfig;
  readonly admin?: { readonly email: string; readonly password: string };
  readonly slack?: SlackConfig;
  readonly teams?: TeamsConfig;
  /** The chat platform emailed tickets open their thread on (EMAIL_TICKET_PLATFORM; Slack first). */
  readonly emailTicketPlatform?: 'slack' | 'teams';
  readonly zendesk?: ZendeskConfig;
  readonly pagerDuty?: PagerDutyConfig;
  readonly notConfigured: readonly NotConfigured[];
  /** Start-up notes worth a log line (ignored variables, generated secrets). */
  readonly notes: readonly string[];
}
