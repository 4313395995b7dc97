import type { Migration, MigrationProvider } from 'kysely/migration';
import { issuesMigration } from './0001-issues.ts';
import { oauthTokensMigration } from './0002-oauth-tokens.ts';
import { adminUsersMigration } from './0003-admin-users.ts';
import { issueSummaryMigration } from './0004-issue-summary.ts';
import { deliveryLeasesMigration } from './0005-delivery-leases.ts';
import { sessionsMigration } from './0007-sessions.ts';
import { ticketLifecycleMigration } from './0008-ticket-lifecycle.ts';
import { reportPlatformMigration } from './0009-report-platform.ts';
import { postPaceMigration } from './0012-post-pace.ts';

/** Every migration, by name; names sort in the order they run. Never rename or edit a shipped one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_issues': issuesMigration,
  '0002_oauth_tokens': oauthTokensMigration,
  '0003_admin_users': adminUsersMigration,
  '0004_issue_summary': issueSummaryMigration,
  '0005_delivery_leases': deliveryLeasesMigration,
  '0007_sessions': sessionsMigration,
  '0008_ticket_lifecycle': ticketLifecycleMigration,
  '0009_report_platform': reportPlatformMigration,
  '0012_post_pace': postPaceMigration,
};

/** Serves the in-code migrations, so the built package needs no migration files on disk. */
export const inCodeMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
