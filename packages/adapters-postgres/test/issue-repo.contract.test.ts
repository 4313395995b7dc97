import { issueRepoContract } from '@zenslackchat/core/testing';
import { PostgresIssueRepo } from '../src/index.ts';
import { describeEachBackend } from './test-database.ts';

// One database per backend for the file, emptied before each test; Postgres has a 10-connection pool.
describeEachBackend('issue repo contract', (get, backend) => {
  issueRepoContract(`PostgresIssueRepo on ${backend}`, async () => {
    await get().reset();
    return { repo: new PostgresIssueRepo(get().db) };
  });
});
