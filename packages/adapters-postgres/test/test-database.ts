import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, migrateToLatest, openDatabase } from '../src/index.ts';

/** The server the Postgres half of every suite runs on; each test file gets its own database. */
export const POSTGRES_ADMIN_URL =
  process.env.ZSC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The two backends every suite runs on. */
export const TEST_BACKENDS = ['postgres', 'pglite'] as const;
export type TestBackend = (typeof TEST_BACKENDS)[number];

/** Every table of the schema, emptied between tests. */
const TABLES = [
  'sessions',
  'login_limits',
  'issues',
  'deliveries',
  'inbound_events',
  'reports',
  'oauth_tokens',
  'admin_users',
  'sweep_leases',
  'sweeps',
];

/** A migrated database for one test file. `close` also drops a Postgres test database. */
export interface TestDatabase extends Database {
  /** Empties every table. */
  reset(): Promise<void>;
  /** The connection string (postgres only). */
  readonly url?: string;
}

function urlFor(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates a fresh `zsc_<random>` database (postgres) or an in-memory PGlite, migrated unless told not to. */
export async function openTestDatabase(
  backend: TestBackend,
  options: { migrate?: boolean; poolMax?: number; dataDir?: string } = {},
): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let drop = async () => {};
  if (backend === 'postgres') {
    const name = `zsc_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    url = urlFor(name);
    database = await openDatabase({ url, poolMax: options.poolMax ?? 10 });
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    database = await openDatabase({ dataDir: options.dataDir ?? 'memory://' });
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    ...database,
    ...(url === undefined ? {} : { url }),
    reset: async () => {
      // DELETE beats TRUNCATE by far on tables this small; names are the constants above.
      await database.db.transaction().execute(async (trx) => {
        for (const table of TABLES) await sql.raw(`DELETE FROM ${table}`).execute(trx);
      });
    },
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * Declares `body` once per backend, each with its own database for the whole block (opened in
 * beforeAll, closed and dropped in afterAll). `get()` returns it inside tests and hooks.
 */
export function describeEachBackend(
  title: string,
  body: (get: () => TestDatabase, backend: TestBackend) => void,
  options: { poolMax?: number } = {},
): void {
  describe.each(TEST_BACKENDS)(`${title} [%s]`, (backend) => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await openTestDatabase(backend, options);
    });
    afterAll(async () => {
      await database?.close();
    });
    body(() => {
      if (database === undefined) throw new Error(`the ${backend} test database is not open`);
      return database;
    }, backend);
  });
}
