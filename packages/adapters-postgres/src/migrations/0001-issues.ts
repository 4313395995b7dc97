import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Issues, deliveries, inbound events and reports: everything the core's `IssueRepo` keeps. */
export const issuesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('issues')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text')
      .addColumn('ticket_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'resolved')`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('chat', 'email')`))
      .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
      .addColumn('resolved_at', 'timestamptz')
      .addColumn('comment_cursor', 'text')
      // Creation order, the tie-break when two issues open at the same instant.
      .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
      .addCheckConstraint(
        'issues_resolved_consistent',
        sql`(status = 'resolved') = (resolved_at is not null)`,
      )
      .execute();
    // One issue per chat thread and one per ticket, whatever the number of concurrent writers.
    await db.schema
      .createIndex('issues_thread_key')
      .unique()
      .on('issues')
      .columns(['platform', 'channel', 'thread_id'])
      .where(sql.ref('thread_id'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('issues_ticket_key')
      .unique()
      .on('issues')
      .column('ticket_id')
      .where(sql.ref('ticket_id'), 'is not', null)
      .execute();
    // The daily report: open count (index-only on a small partial index) and resolutions by day.
    await db.schema
      .createIndex('issues_open_idx')
      .on('issues')
      .expression(sql`opened_at desc`)
      .where(sql.ref('status'), '=', 'open')
      .execute();
    await db.schema
      .createIndex('issues_resolved_at_idx')
      .on('issues')
      .column('resolved_at')
      .where(sql.ref('resolved_at'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('issues_opened_at_idx')
      .on('issues')
      .expression(sql`opened_at desc, seq desc`)
      .execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('issue_id', 'text')
      .addColumn('source_id', 'text')
      .addColumn('target_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'done')`))
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('deliveries_target_idx')
      .on('deliveries')
      .columns(['kind', 'target_id'])
      .execute();

    await db.schema
      .createTable('inbound_events')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('inbound_events_pkey', ['source', 'event_id'])
      .execute();
    // Lets old event ids be pruned by age.
    await db.schema
      .createIndex('inbound_events_received_at_idx')
      .on('inbound_events')
      .column('received_at')
      .execute();

    await db.schema
      .createTable('reports')
      .addColumn('day', 'date', (c) => c.primaryKey())
      .addColumn('period_start', 'timestamptz', (c) => c.notNull())
      .addColumn('period_end', 'timestamptz', (c) => c.notNull())
      .addColumn('open_count', 'integer', (c) => c.notNull())
      .addColumn('resolved_count', 'integer', (c) => c.notNull())
      .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reports_posted_at_idx').on('reports').column('posted_at').execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['reports', 'inbound_events', 'deliveries', 'issues']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
