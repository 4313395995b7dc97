import { issueRepoContract } from '@zenslackchat/core/testing';
import { describe } from 'vitest';
import { PostgresIssueRepo } from '../../src/index.ts';
import type { TestBackend, TestDatabase } from '../test-database.ts';

/** The core's IssueRepo contract on the collecting file's database, emptied before each test. */
export function issueRepoContractTests(get: () => TestDatabase, backend: TestBackend): void {
  describe('issue repo contract', () => {
    issueRepoContract(`PostgresIssueRepo on ${backend}`, async () => {
      await get().reset();
      return { repo: new PostgresIssueRepo(get().db) };
    });
  });
}
