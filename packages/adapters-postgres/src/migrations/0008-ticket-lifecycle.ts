import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The ticket lifecycle (issue 13): each issue's ticket status and sync times as last read from
 * the ticketing system, a partial index for the sweep's walk over issues whose ticket can still
 * change, the sweep's lease (one sweep at a time across processes) and its kept results.
 */
export const ticketLifecycleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('issues')
      .addColumn('ticket_status', 'text')
      .addColumn('synced_at', 'timestamptz')
      .addColumn('ticket_updated_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('issues_syncable_idx')
      .on('issues')
      .column('id')
      .where(
        sql<boolean>`ticket_id is not null and (status = 'open' or ticket_status is null or ticket_status not in ('closed', 'deleted'))`,
      )
      .execute();
    await db.schema
      .createTable('sweep_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sweeps')
      .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
      .addColumn('checked', 'integer', (c) => c.notNull())
      .addColumn('changed', 'integer', (c) => c.notNull())
      .addColumn('healed', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('calls', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sweeps_started_at_idx').on('sweeps').column('started_at').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sweeps').execute();
    await db.schema.dropTable('sweep_leases').execute();
    await db.schema.dropIndex('issues_syncable_idx').execute();
    await db.schema
      .alterTable('issues')
      .dropColumn('ticket_status')
      .dropColumn('synced_at')
      .dropColumn('ticket_updated_at')
      .execute();
  },
};
