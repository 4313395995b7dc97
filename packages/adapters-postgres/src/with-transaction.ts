import type { Kysely, Transaction } from 'kysely';
import { PostgresIssueRepo, type PostgresIssueRepoOptions } from './postgres-issue-repo.ts';
import { runTransaction } from './run-transaction.ts';
import type { Schema } from './schema.ts';

/**
 * Runs `work` in one transaction with a repo bound to it, so the repo's writes and anything else
 * done on `trx` (e.g. pg-boss's `send(..., { db: fromKysely(trx) })`) commit or roll back together.
 * Inside an outer transaction it joins it. Use only `trx` inside `work`: on PGlite a query on the
 * outer `db` would wait for this transaction forever.
 */
export function withTransaction<T>(
  db: Kysely<Schema>,
  work: (trx: Transaction<Schema>, repo: PostgresIssueRepo) => Promise<T>,
  options: PostgresIssueRepoOptions = {},
): Promise<T> {
  return runTransaction(db, (trx) => work(trx, new PostgresIssueRepo(trx, options)));
}
