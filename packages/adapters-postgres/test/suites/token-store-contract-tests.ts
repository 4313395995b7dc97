import { tokenStoreContract } from '@zenslackchat/core/testing';
import { describe } from 'vitest';
import { PostgresTokenStore } from '../../src/index.ts';
import type { TestBackend, TestDatabase } from '../test-database.ts';

/** The core's TokenStore contract on the collecting file's database, emptied before each test. */
export function tokenStoreContractTests(get: () => TestDatabase, backend: TestBackend): void {
  describe('token store contract', () => {
    tokenStoreContract(`PostgresTokenStore on ${backend}`, async () => {
      await get().reset();
      return { store: new PostgresTokenStore(get().db, { encryptionKey: 'contract-test-encryption-key' }) };
    });
  });
}
