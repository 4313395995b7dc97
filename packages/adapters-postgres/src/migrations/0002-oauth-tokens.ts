import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/** OAuth grants; access and refresh tokens are AES-256-GCM ciphertexts (`bytea`). */
export const oauthTokensMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('oauth_tokens')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('account_name', 'text')
      .addColumn('access_token', 'bytea', (c) => c.notNull())
      .addColumn('refresh_token', 'bytea')
      .addColumn('expires_at', 'timestamptz')
      .addColumn('scopes', sql`text[]`, (c) => c.notNull())
      .addColumn('metadata', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('oauth_tokens_pkey', ['provider', 'account'])
      .execute();
    await db.schema
      .createIndex('oauth_tokens_latest_idx')
      .on('oauth_tokens')
      .expression(sql`provider, updated_at desc`)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('oauth_tokens').execute();
  },
};
