import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import { mapDbError } from './map-db-error.ts';
import type { Schema } from './schema.ts';

/** The open transaction of each root Kysely instance in the current async context. */
const active = new AsyncLocalStorage<ReadonlyMap<Kysely<Schema>, Transaction<Schema>>>();

/**
 * Where a query on `db` should run: the transaction opened on `db` in the current async context,
 * if any, else `db` itself. So a repo or store built on the root handle joins a surrounding
 * `withTransaction` instead of running outside it (or, on PGlite, waiting for it forever).
 */
export function executorFor(db: Kysely<Schema>): Kysely<Schema> {
  return active.getStore()?.get(db) ?? db;
}

/**
 * Runs `work` in a transaction on `db`, or inside the one already open for it (nesting joins the
 * outer transaction). Errors thrown by `work` pass through unchanged; failures of BEGIN/COMMIT
 * (e.g. a serialization failure at commit) are mapped to `IntegrationError`.
 */
export async function runTransaction<T>(
  db: Kysely<Schema>,
  work: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  const current = executorFor(db);
  if (current.isTransaction) return work(current as Transaction<Schema>);
  let workFailure: { error: unknown } | undefined;
  try {
    return await db.transaction().execute((trx) => {
      const scope = new Map(active.getStore() ?? []).set(db, trx);
      return active.run(scope, async () => {
        try {
          return await work(trx);
        } catch (error) {
          workFailure = { error };
          throw error;
        } finally {
          // Callbacks the work left behind (timers, listeners) keep this context: once the work is
          // over they must reach the database, not a finished transaction.
          scope.delete(db);
        }
      });
    });
  } catch (error) {
    if (workFailure !== undefined && workFailure.error === error) throw error;
    throw mapDbError(error);
  }
}
