import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Server-side web sessions (the cookie carries only a random id; the row holds its SHA-256, so a
 * read of the table gives no usable cookie) and the login limits shared by every process, keyed
 * on a client address or an attempted email (known or not).
 */
export const sessionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('admin_id', 'uuid', (c) => c.notNull().references('admin_users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_admin_idx').on('sessions').column('admin_id').execute();
    await db.schema
      .createTable('login_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
      .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('locked_until', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('login_limits_window_idx')
      .on('login_limits')
      .column('window_started_at')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('login_limits').execute();
    await db.schema.dropTable('sessions').execute();
  },
};
