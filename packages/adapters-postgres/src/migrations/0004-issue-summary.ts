import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The issue's summary (its ticket subject) for text search, with a trigram index that serves
 * `ILIKE '%…%'`. pg_trgm ships with Postgres (trusted since 13) and PGlite (loaded by
 * `openDatabase`); where it cannot be created the column comes without the index, and a search
 * scans the table (a savepoint keeps the migration's transaction usable).
 */
export const issueSummaryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('issues').addColumn('summary', 'text').execute();
    await sql`savepoint issue_summary_trgm`.execute(db);
    try {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index issues_summary_trgm on issues using gin (summary gin_trgm_ops)`.execute(db);
      await sql`release savepoint issue_summary_trgm`.execute(db);
    } catch {
      await sql`rollback to savepoint issue_summary_trgm`.execute(db);
    }
  },

  async down(db: Kysely<unknown>) {
    await sql`drop index if exists issues_summary_trgm`.execute(db);
    await db.schema.alterTable('issues').dropColumn('summary').execute();
  },
};
