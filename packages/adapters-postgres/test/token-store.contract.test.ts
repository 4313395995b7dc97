import { tokenStoreContract } from '@zenslackchat/core/testing';
import { PostgresTokenStore } from '../src/index.ts';
import { describeEachBackend } from './test-database.ts';

describeEachBackend('token store contract', (get, backend) => {
  tokenStoreContract(`PostgresTokenStore on ${backend}`, async () => {
    await get().reset();
    return { store: new PostgresTokenStore(get().db, { encryptionKey: 'contract-test-encryption-key' }) };
  });
});
