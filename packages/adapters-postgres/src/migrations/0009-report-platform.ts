import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Each chat platform posts its own daily report: reports are keyed by (platform, day). Reports
 * made before were Slack's, the only platform then.
 */
export const reportPlatformMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('reports')
      .addColumn('platform', 'text', (c) => c.notNull().defaultTo('slack'))
      .execute();
    await sql`ALTER TABLE reports ALTER COLUMN platform DROP DEFAULT`.execute(db);
    await sql`ALTER TABLE reports DROP CONSTRAINT reports_pkey`.execute(db);
    await sql`ALTER TABLE reports ADD CONSTRAINT reports_pkey PRIMARY KEY (platform, day)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DELETE FROM reports WHERE platform <> 'slack'`.execute(db);
    await sql`ALTER TABLE reports DROP CONSTRAINT reports_pkey`.execute(db);
    await sql`ALTER TABLE reports ADD CONSTRAINT reports_pkey PRIMARY KEY (day)`.execute(db);
    await db.schema.alterTable('reports').dropColumn('platform').execute();
  },
};
