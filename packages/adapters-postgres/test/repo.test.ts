import { concurrencyTests } from './suites/concurrency-tests.ts';
import { issueRepoContractTests } from './suites/issue-repo-contract-tests.ts';
import { issueRepoTests } from './suites/issue-repo-tests.ts';
import { pgBossTransactionTests } from './suites/pg-boss-transaction-tests.ts';
import { transactionTests } from './suites/transaction-tests.ts';
import { describeEachBackend } from './test-database.ts';

// Everything about the issue repo on one database per backend (PGlite takes seconds to start, so
// the suites share it; each test empties the tables first). Postgres has a 10-connection pool.
describeEachBackend('issue repo', (get, backend) => {
  issueRepoContractTests(get, backend);
  issueRepoTests(get);
  concurrencyTests(get, backend);
  transactionTests(get);
  pgBossTransactionTests(get, backend);
});
