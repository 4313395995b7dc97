import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { silentLogger } from '@zenslackchat/core';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { type DatabaseConfig, DEFAULT_DATA_DIR } from './database-config.ts';
import { mapDbError, mapped } from './map-db-error.ts';
import { PostgresAdapterError } from './postgres-adapter-error.ts';
import type { Schema } from './schema.ts';

/** Which engine a `Database` runs on. */
export const DATABASE_BACKENDS = ['postgres', 'pglite'] as const;
export type DatabaseBackend = (typeof DATABASE_BACKENDS)[number];

/** An open database: the Kysely handle plus the driver object, for pg-boss to share. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly backend: DatabaseBackend;
  /** The embedded instance (backend `pglite`), for pg-boss's `fromPglite`. */
  readonly pglite?: PGlite;
  /** The connection pool (backend `postgres`). */
  readonly pool?: pg.Pool;
  /** Runs `select 1`; throws `IntegrationError` (`Unavailable` when unreachable). For health checks. */
  ping(): Promise<void>;
  /** Closes the pool or the embedded instance. Idempotent; stop pg-boss first. */
  close(): Promise<void>;
}

function pinger(db: Kysely<Schema>): () => Promise<void> {
  return () =>
    mapped(async () => {
      await sql`select 1`.execute(db);
    });
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<Database> {
  const logger = config.logger ?? silentLogger;
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 10_000,
    statement_timeout: config.statementTimeoutMs ?? 30_000,
    // A transaction left open by a crashed handler must not hold its locks forever.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'zenslackchat',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: mapDbError(error).message }, 'idle postgres client failed'));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: 'postgres', pool, ping: pinger(db), close: once(() => db.destroy()) };
}

async function openPglite(dataDir: string): Promise<Database> {
  let unlock = async () => {};
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    // pg_trgm serves the issue search's ILIKE (migration 0004), as it does on Postgres.
    pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    await unlock();
    throw error;
  }
  const db = new Kysely<Schema>({ dialect: new PGliteDialect({ pglite }) });
  // Kysely only closes PGlite if it ever used it; close it ourselves in every case.
  const close = once(async () => {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
    await unlock();
  });
  return { db, backend: 'pglite', pglite, ping: pinger(db), close };
}

/**
 * Opens the bot's database: Postgres when `url` is given, otherwise embedded PGlite with its data
 * in `dataDir` (locked against a second instance). Does not migrate (call `migrateToLatest`).
 * Throws `PostgresAdapterError` for bad config or a locked data directory, `IntegrationError`
 * when the database cannot be opened.
 */
export async function openDatabase(config: DatabaseConfig = {}): Promise<Database> {
  if (config.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(config.url)) {
      throw new PostgresAdapterError('postgres.invalid_config', 'database url must start with postgres://');
    }
    return openPostgres(config.url, config);
  }
  try {
    return await openPglite(config.dataDir ?? DEFAULT_DATA_DIR);
  } catch (error) {
    throw mapDbError(error);
  }
}
