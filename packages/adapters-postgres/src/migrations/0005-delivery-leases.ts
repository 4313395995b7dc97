import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Delivery leases and content hashes: a pending delivery records the run that may act on it
 * (`owner`) until `lease_until`, and the hash of the comment body it writes, so the comment
 * forwarder recognises the bot's own comment while it is still being written.
 */
export const deliveryLeasesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('deliveries')
      .addColumn('owner', 'text')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('content_hash', 'text')
      .execute();
    // The forwarder's look-up of a pending delivery by issue and content hash.
    await db.schema
      .createIndex('deliveries_pending_content_idx')
      .on('deliveries')
      .columns(['issue_id', 'content_hash'])
      .where(sql<boolean>`state = 'pending' and content_hash is not null`)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('deliveries_pending_content_idx').execute();
    await db.schema
      .alterTable('deliveries')
      .dropColumn('content_hash')
      .dropColumn('lease_until')
      .dropColumn('owner')
      .execute();
  },
};
