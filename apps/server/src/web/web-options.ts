import type { Clock, Issue, IssueRepo, TokenStore } from '@zenslackchat/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AdminAccounts } from './admin-accounts.ts';
import type { AdminSessions } from './admin-sessions.ts';
import type { LoginLimits } from './login-limits.ts';
import type { PasswordHasher } from './password-hash.ts';
import type { SandboxControls } from './sandbox/sandbox-controls.ts';

/** The OAuth integrations the home page lists, in display order. */
export const INTEGRATION_IDS = ['slack', 'zendesk', 'pagerduty'] as const;
export type IntegrationId = (typeof INTEGRATION_IDS)[number];

/** How one integration is set up in this deployment. */
export interface IntegrationConfig {
  /** True when the OAuth client id/secret are configured. */
  readonly configured: boolean;
  /** The route that starts its OAuth flow (e.g. `/slack/install/`); no "Add" link without it. */
  readonly startUrl?: string;
  /** Set when it runs on a token from the environment rather than an OAuth grant, e.g. `SLACK_BOT_TOKEN`. */
  readonly staticCredential?: string;
  /** What it still lacks when not configured, as the start-up log names it (REQUIRED_VARIABLES). */
  readonly missing?: readonly string[];
  /** Overrides the account shown when connected (default: the stored grant's account name). */
  readonly accountLabel?: string;
}

/**
 * The job workers as this process sees them: `running` here, `stopped` (this process should run
 * them but does not), or `elsewhere` (a web-only process: `--role worker` processes run them).
 */
export type WorkerState = 'running' | 'stopped' | 'elsewhere';

/** What "Post report now" did: queued (for workers here, none here, elsewhere), or nothing without a chat. */
export type ReportRequest = 'queued' | 'queued-no-worker' | 'queued-elsewhere' | 'no-chat';

/** What the home page says about message processing. */
export interface WebSettings {
  readonly processingEnabled: boolean;
  readonly supportChannel: string;
  /** Shown in "OAuth integrations for …"; the Slack grant's team name when absent. */
  readonly workspaceName?: string;
}

/** Everything `webPlugin` needs; it reads no environment variables itself. */
export interface WebOptions {
  /** WEBAPP_SECRET_KEY: the session cookie key is derived from it. */
  readonly secretKey: string;
  readonly admins: AdminAccounts;
  /** Server-side sessions: the cookie carries only their id. */
  readonly sessions: AdminSessions;
  /** Failed-login counts shared by every process (the database). */
  readonly loginLimits: LoginLimits;
  readonly tokens: TokenStore;
  readonly repo: IssueRepo;
  readonly integrations: Readonly<Record<IntegrationId, IntegrationConfig>>;
  readonly settings: WebSettings;
  /** Queues the daily report now (the same use case as the scheduled job); says what happened. */
  postReportNow(): Promise<ReportRequest>;
  /** Whether this process's job workers run (default `running`): shown as "Processing". */
  workers?(): WorkerState;
  /** Resolves an issue through the core use case (solves the ticket, tells the thread); the server queues it. */
  resolveIssue(issueId: string): Promise<void>;
  /** Link to a ticket in the ticketing system. */
  ticketUrl(ticketId: string): string;
  /** Link to an issue's chat thread; undefined when it has none yet. */
  threadUrl(issue: Issue): string | undefined;
  /**
   * Routes that only a logged-in admin may reach, registered inside the session-checked scope:
   * the OAuth start and callback routes belong here (visitors without a session go to the login page).
   */
  readonly adminRoutes?: FastifyPluginAsync;
  /** When given, the sandbox page is served. */
  readonly sandbox?: SandboxControls;
  /** Password hashing; default scrypt at N=2^17 (tests pass a cheaper one). */
  readonly passwordHasher?: PasswordHasher;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Session cookie `Secure` flag: 'auto' (default) sets it on https requests (needs trustProxy behind a proxy). */
  readonly secureCookies?: boolean | 'auto';
  /** Failed logins from one client address before it is locked (default 5). */
  readonly maxFailedLogins?: number;
  /** Failed logins against one email, from any addresses, before it is locked (default 20). */
  readonly maxFailedLoginsPerAccount?: number;
  /** The counting window and how long a lock lasts, in ms (default 15 minutes). */
  readonly lockoutMs?: number;
  /** Login attempts per client IP per minute (default 10). */
  readonly loginRateLimit?: number;
  /** How long a login lasts, in seconds, active or not (default 8 hours). */
  readonly sessionTtlSeconds?: number;
}
