import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Web UI accounts; the email is unique and stored lower-cased. */
export const adminUsersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('admin_users')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'timestamptz')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('admin_users').execute();
  },
};
