import { randomBytes } from 'node:crypto';
import { messages } from '@zenslackchat/core';
import type { AppConfig, NotConfigured } from './app-config.ts';
import { ConfigError } from './config-error.ts';
import { type Env, envSchema } from './env-schema.ts';
import { pagerDutyConfig, slackConfig, teamsConfig, zendeskConfig } from './integration-config.ts';
import { jobsConfig } from './job-env.ts';
import { pacingConfig } from './pacing-env.ts';

/** The variables as the process sees them; the only place the server reads `process.env`. */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/** How the process was started, beyond its environment (the server's flags). */
export interface RuntimeFlags {
  /** `--role`; anything but the default `all` is a production set-up (several processes). */
  readonly role?: string;
  /** `--sandbox`: no real vendor, so random per-process keys are allowed even in production. */
  readonly sandbox?: boolean;
}

/**
 * Validates the environment and builds the configuration. Throws one `ConfigError` naming every
 * malformed or inconsistent variable; integrations with unset variables are listed as not configured.
 */
export function loadConfig(
  source: Readonly<Record<string, string | undefined>> = processEnv(),
  flags: RuntimeFlags = {},
): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env: Env = parsed.data;
  const problems: string[] = [];
  const notConfigured: NotConfigured[] = [];
  const notes: string[] = [];

  const slack = slackConfig(env, problems, notConfigured, notes);
  const teams = teamsConfig(env, problems, notConfigured, notes);
  if (
    env.EMAIL_TICKET_PLATFORM !== undefined &&
    (env.EMAIL_TICKET_PLATFORM === 'slack' ? slack : teams) === undefined
  ) {
    problems.push(`EMAIL_TICKET_PLATFORM: ${env.EMAIL_TICKET_PLATFORM} is not configured`);
  }
  const zendesk = zendeskConfig(env, problems, notConfigured, notes);
  const pagerDuty = pagerDutyConfig(env, problems, notConfigured, notes);
  const jobs = jobsConfig(env, problems);
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (env.TRUST_PROXY_EVERY_HOP_UNSAFE && env.TRUST_PROXY !== false) {
    problems.push('TRUST_PROXY_EVERY_HOP_UNSAFE: set it or TRUST_PROXY, not both');
  }
  const production = env.NODE_ENV === 'production' || (flags.role !== undefined && flags.role !== 'all');
  if (production && flags.sandbox !== true) {
    requireKeys(env, problems);
    if (zendesk !== undefined && zendesk.webhookSecret === undefined && !env.ZENDESK_WEBHOOK_ALLOW_UNSIGNED) {
      problems.push(
        "ZENDESK_WEBHOOK_SECRET: required in production, so each Zendesk webhook's signature is checked (the body token alone is replayable by anyone who saw one request); set ZENDESK_WEBHOOK_ALLOW_UNSIGNED=1 to accept unsigned webhooks anyway",
      );
    }
  }
  if (env.ZENDESK_WEBHOOK_ALLOW_UNSIGNED && zendesk?.webhookSecret === undefined) {
    notes.push(
      'ZENDESK_WEBHOOK_ALLOW_UNSIGNED is on: Zendesk webhooks are accepted on the body token alone, without a signature',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  if (env.TRUST_PROXY_EVERY_HOP_UNSAFE) {
    notes.push(
      'TRUST_PROXY_EVERY_HOP_UNSAFE is on: X-Forwarded-For is believed from anyone, so a client that reaches this process directly picks its own address (and escapes the login limit); list the proxies in TRUST_PROXY instead',
    );
  }
  if (env.REDIS_URL !== undefined) {
    notes.push('REDIS_URL is set but ignored: jobs and the schedule run on pg-boss in the database');
  }
  const secretKeyGenerated = env.WEBAPP_SECRET_KEY === undefined;
  const secretKey = env.WEBAPP_SECRET_KEY ?? randomBytes(32).toString('base64url');
  if (secretKeyGenerated) {
    notes.push('WEBAPP_SECRET_KEY is unset: using a random key, so sessions end when the process restarts');
  }
  if (env.TOKEN_ENCRYPTION_KEY === undefined && secretKeyGenerated) {
    notes.push(
      'TOKEN_ENCRYPTION_KEY and WEBAPP_SECRET_KEY are unset: stored OAuth tokens will not survive a restart',
    );
  }

  return {
    port: env.PORT ?? 8000,
    host: env.HOST ?? '0.0.0.0',
    secretKey,
    secretKeyGenerated,
    tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY ?? secretKey,
    tokenEncryptionOldKeys: env.TOKEN_ENCRYPTION_OLD_KEYS ?? [],
    production,
    trustProxy: env.TRUST_PROXY_EVERY_HOP_UNSAFE ? true : env.TRUST_PROXY,
    allowedHosts: env.PAAS_FQDN === undefined ? [] : [env.PAAS_FQDN, 'localhost', '127.0.0.1'],
    database: {
      ...(env.DATABASE_URL === undefined ? {} : { url: env.DATABASE_URL }),
      dataDir: env.DATA_DIR ?? './.data',
    },
    // ECS JSON in production, as the original bot; readable lines on a developer's terminal.
    logging: {
      ecs: env.DISABLE_ECS_LOG_FORMAT ? false : env.NODE_ENV === 'production' ? true : 'auto',
      debug: env.DEBUG_ENABLED,
    },
    bot: {
      ...(env.SRE_SUPPORT_CHANNEL === undefined ? {} : { supportChannel: env.SRE_SUPPORT_CHANNEL }),
      allowedBotIds: env.ALLOWED_BOT_IDS ?? [],
      processingEnabled: !env.DISABLE_MESSAGE_PROCESSING,
      deliveryLeaseMs: (env.DELIVERY_LEASE_SECONDS ?? 30) * 1000,
      ...(env.ATTACHMENT_MAX_MB === undefined ? {} : { attachmentMaxMb: env.ATTACHMENT_MAX_MB }),
      ...(env.DISABLE_EMAIL_ACKNOWLEDGEMENT
        ? {}
        : { emailAcknowledgement: env.EMAIL_ACKNOWLEDGEMENT ?? messages.defaultEmailAcknowledgement }),
    },
    report: { cron: env.REPORT_CRON ?? '0 9 * * *', timeZone: env.REPORT_TIMEZONE ?? 'UTC' },
    reconcile: {
      cron: env.RECONCILE_CRON ?? '*/10 * * * *',
      callsPerMinute: Math.max(1, Math.floor((env.ZENDESK_RATE_LIMIT_PER_MINUTE ?? 200) / 10)),
    },
    jobs,
    pacing: pacingConfig(env),
    ...(env.ADMIN_EMAIL !== undefined && env.ADMIN_PASSWORD !== undefined
      ? { admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } }
      : {}),
    ...(slack === undefined ? {} : { slack }),
    ...(teams === undefined ? {} : { teams }),
    ...(env.EMAIL_TICKET_PLATFORM === undefined ? {} : { emailTicketPlatform: env.EMAIL_TICKET_PLATFORM }),
    ...(zendesk === undefined ? {} : { zendesk }),
    ...(pagerDuty === undefined ? {} : { pagerDuty }),
    notConfigured,
    notes,
  };
}

/** In production every process must share both keys, and a restart must keep them. */
function requireKeys(env: Env, problems: string[]): void {
  const where = 'required in production (NODE_ENV=production or a --role other than all)';
  if (env.WEBAPP_SECRET_KEY === undefined) {
    problems.push(
      `WEBAPP_SECRET_KEY: ${where}: a random key per process logs everyone out on each restart and between web processes`,
    );
  }
  if (env.TOKEN_ENCRYPTION_KEY === undefined) {
    problems.push(
      `TOKEN_ENCRYPTION_KEY: ${where}: a random key per process leaves the worker unable to read the OAuth grants the web process stored, and every grant unreadable after a restart`,
    );
  }
}
