import { scryptSync } from 'node:crypto';
import { PasswordHasher } from '../../src/web/index.ts';

/** A cheap hasher for web tests (N=2^10): the N=2^17 default costs seconds per login on a busy machine. */
export const TEST_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

/** A hash made with weaker parameters than `TEST_HASHER` (N=2^9), as an older version would have. */
export function weakerHash(password: string, N = 2 ** 9): string {
  const salt = Buffer.alloc(16, 7);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N, r: 8, p: 1 });
  return `scrypt$${N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}
