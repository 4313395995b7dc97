import { tokenStoreContract } from '@zenslackchat/core/testing';
import { describe } from 'vitest';
import { openDatabase, PostgresTokenStore } from '../../src/index.ts';
import type { TestBackend, TestDatabase } from '../test-database.ts';

/** The core's TokenStore contract on the collecting file's database, emptied before each test. */
export function tokenStoreContractTests(get: () => TestDatabase, backend: TestBackend): void {
  describe('token store contract', () => {
    tokenStoreContract(`PostgresTokenStore on ${backend}`, async () => {
      await get().reset();
      const options = { encryptionKey: 'contract-test-encryption-key' };
      const store = new PostgresTokenStore(get().db, options);
      const url = get().url;
      if (url === undefined) return { store };
      // Another process: its own pool on the same database.
      const other = await openDatabase({ url, poolMax: 2 });
      return { store, peer: new PostgresTokenStore(other.db, options), close: () => other.close() };
    });
  });
}
