import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AdminUserStore, type Database, openDatabase } from '@zenslackchat/adapters-postgres';
import { isIntegrationError, type Logger } from '@zenslackchat/core';
import type { AppConfig } from '../config/index.ts';

/** Whether the real bot's database can be read: Postgres, or an embedded one that exists. */
function readable(real: AppConfig['database']): boolean {
  if (real.url !== undefined) return true;
  return !real.dataDir.startsWith('memory://') && existsSync(join(real.dataDir, 'PG_VERSION'));
}

/**
 * The sandbox keeps its own database, but the admins of the real one log in to it: their accounts
 * (email and password hash only) are copied in at start. Best effort: a real database that cannot
 * be read (in use by a running server) is logged and skipped; ADMIN_EMAIL still works.
 */
export async function copyAdminsToSandbox(
  real: AppConfig['database'],
  sandbox: Database,
  logger: Pick<Logger, 'warn' | 'info'>,
): Promise<number> {
  if (!readable(real)) return 0;
  let source: Database | undefined;
  let rows: { email: string; password_hash: string; created_at: Date | string }[];
  try {
    source = await openDatabase({ ...real, poolMax: 1 });
    rows = await source.db
      .selectFrom('admin_users')
      .select(['email', 'password_hash', 'created_at'])
      .execute();
  } catch (error) {
    logger.warn({ err: error }, 'the sandbox could not read the admin accounts of the real database');
    return 0;
  } finally {
    await source?.close();
  }
  const store = new AdminUserStore(sandbox.db);
  let copied = 0;
  for (const row of rows) {
    try {
      await store.create({
        email: row.email,
        passwordHash: row.password_hash,
        createdAt: new Date(row.created_at),
      });
      copied += 1;
    } catch (error) {
      if (!(isIntegrationError(error) && error.reason === 'Conflict')) throw error;
    }
  }
  if (copied > 0) logger.info({ copied }, 'sandbox: admin accounts copied from the real database');
  return copied;
}
