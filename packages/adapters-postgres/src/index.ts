export { type AdminUser, AdminUserStore, type LockoutPolicy } from './admin-user-store.ts';
export { type DatabaseConfig, DEFAULT_DATA_DIR } from './database-config.ts';
export { type LoginLimitPolicy, LoginLimitStore } from './login-limit-store.ts';
export { mapDbError } from './map-db-error.ts';
export { appliedMigrations, type MigrationReport, migrateToEmpty, migrateToLatest } from './migrate.ts';
export { MIGRATIONS } from './migrations/index.ts';
export { DATABASE_BACKENDS, type Database, type DatabaseBackend, openDatabase } from './open-database.ts';
export {
  POSTGRES_ADAPTER_ERROR_CODES,
  PostgresAdapterError,
  type PostgresAdapterErrorCode,
  TokenDecryptionError,
} from './postgres-adapter-error.ts';
export { PostgresIssueRepo, type PostgresIssueRepoOptions } from './postgres-issue-repo.ts';
export { PostgresPostPacer } from './postgres-post-pacer.ts';
export { PostgresTokenStore, type PostgresTokenStoreOptions } from './postgres-token-store.ts';
export {
  type InboundEventId,
  inboundEventKey,
  type KeyedInboundEvent,
  recordingInboundEvents,
  type SqlStatement,
} from './record-inbound-events.ts';
export type { Schema } from './schema.ts';
export { type SessionRecord, SessionStore } from './session-store.ts';
export { withTransaction } from './with-transaction.ts';
