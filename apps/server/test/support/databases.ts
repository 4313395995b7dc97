import { randomBytes } from 'node:crypto';
import { type Database, migrateToLatest, openDatabase } from '@zenslackchat/adapters-postgres';
import { sql } from 'kysely';

/** The two database backends every end-to-end test runs on. */
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database on the local Postgres; `drop` removes it. */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: ADMIN_URL, poolMax: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: async () => {
      const again = await openDatabase({ url: ADMIN_URL, poolMax: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(again.db);
      await again.close();
    },
  };
}

/** An open, migrated database of the given backend, with its url (postgres) and a cleanup. */
export async function openTestDatabase(
  backend: Backend,
  prefix: string,
): Promise<{ database: Database; url?: string; cleanup: () => Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(database.db);
    return { database, cleanup: () => database.close() };
  }
  const fresh = await freshPostgres(prefix);
  const database = await openDatabase({ url: fresh.url, poolMax: 4 });
  await migrateToLatest(database.db);
  return {
    database,
    url: fresh.url,
    cleanup: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}
