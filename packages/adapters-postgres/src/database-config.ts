import type { Logger } from '@zenslackchat/core';

/** Where the bot's database lives. */
export interface DatabaseConfig {
  /** A Postgres connection string (`DATABASE_URL`). Absent → embedded PGlite in `dataDir`. */
  readonly url?: string | undefined;
  /** PGlite's data directory, created if missing (default `./.data`); `memory://` keeps it in memory. */
  readonly dataDir?: string | undefined;
  /** Largest number of pooled Postgres connections (default 10). Ignored for PGlite. */
  readonly poolMax?: number;
  /** How long to wait for a Postgres connection before failing `Unavailable` (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Server-side limit per statement so a stuck query cannot hold a job forever (default 30 s; 0 = none). */
  readonly statementTimeoutMs?: number;
  /** Receives pool errors and migration notices. Never sees credentials. */
  readonly logger?: Logger;
}

/** PGlite's data directory when none is configured. */
export const DEFAULT_DATA_DIR = './.data';
