import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Each chat channel's next free posting slot (its theoretical time in a cell-rate limiter), shared
 * by every process, so several workers together keep to the platform's per-channel pace.
 */
export const postPaceMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('post_pace')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('next_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('post_pace').execute();
  },
};
