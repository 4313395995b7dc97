import { adminUserStoreTests } from './suites/admin-user-store-tests.ts';
import { loginLimitStoreTests } from './suites/login-limit-store-tests.ts';
import { sessionStoreTests } from './suites/session-store-tests.ts';
import { tokenEncryptionTests } from './suites/token-encryption-tests.ts';
import { tokenStoreContractTests } from './suites/token-store-contract-tests.ts';
import { describeEachBackend } from './test-database.ts';

// The token and admin user stores on one database per backend; each test empties the tables first.
describeEachBackend('stores', (get, backend) => {
  tokenStoreContractTests(get, backend);
  tokenEncryptionTests(get);
  adminUserStoreTests(get);
  sessionStoreTests(get);
  loginLimitStoreTests(get);
});
