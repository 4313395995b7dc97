import type { Logger } from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { inCodeMigrationProvider } from './migrations/index.ts';
import { PostgresAdapterError } from './postgres-adapter-error.ts';
import type { Schema } from './schema.ts';

/** What a migration run did: the names it applied (empty when already up to date). */
export interface MigrationReport {
  readonly applied: readonly string[];
}

function migrator(db: Kysely<Schema>): Migrator {
  return new Migrator({ db, provider: inCodeMigrationProvider });
}

function settle(result: MigrationResultSet, action: string): MigrationReport {
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new PostgresAdapterError('postgres.migration_failed', `${action} failed at ${failed}`, {
      cause: result.error,
    });
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

/**
 * Brings the schema to the latest migration. Idempotent (a second run applies nothing) and safe
 * against concurrent runs (Kysely takes a lock). Throws `PostgresAdapterError` on failure.
 */
export async function migrateToLatest(
  db: Kysely<Schema>,
  logger?: Pick<Logger, 'info'>,
): Promise<MigrationReport> {
  const report = settle(await migrator(db).migrateToLatest(), 'migration');
  if (report.applied.length > 0) logger?.info({ applied: report.applied }, 'database migrated');
  return report;
}

/** Reverts every migration (drops the bot's tables). For tests and explicit resets only. */
export async function migrateToEmpty(db: Kysely<Schema>): Promise<MigrationReport> {
  return settle(await migrator(db).migrateTo(NO_MIGRATIONS), 'rollback');
}

/** Names of the migrations applied so far, in order. */
export async function appliedMigrations(db: Kysely<Schema>): Promise<readonly string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
