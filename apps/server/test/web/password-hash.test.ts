import { describe, expect, it } from 'vitest';
import { deriveSessionKey, hashPassword, PasswordHasher, verifyPassword } from '../../src/web/index.ts';
import { weakerHash } from './test-hasher.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret pass');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(new PasswordHasher().needsRehash(hash)).toBe(false);
    await expect(verifyPassword('s3cret pass', hash)).resolves.toBe(true);
    await expect(verifyPassword('s3cret pasS', hash)).resolves.toBe(false);
  });

  it('still verifies a hash made with the older N=2^14, and says it needs re-hashing', async () => {
    const old = weakerHash('s3cret pass', 2 ** 14);
    await expect(verifyPassword('s3cret pass', old)).resolves.toBe(true);
    expect(new PasswordHasher().needsRehash(old)).toBe(true);
  });

  it('salts every hash', async () => {
    const cheap = new PasswordHasher({ N: 1024, r: 8, p: 1 });
    expect(await cheap.hash('same')).not.toBe(await cheap.hash('same'));
  });

  it('treats malformed or hostile hashes as a mismatch', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$1$1$1$AA$AA',
      `scrypt$${2 ** 30}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AA`,
    ]) {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    }
  });
});

describe('deriveSessionKey', () => {
  it('derives a stable 32-byte key that changes with the secret', () => {
    const a = deriveSessionKey('first secret key, long enough');
    expect(a).toHaveLength(32);
    expect(deriveSessionKey('first secret key, long enough').equals(a)).toBe(true);
    expect(deriveSessionKey('other secret key, long enough').equals(a)).toBe(false);
  });

  it('refuses a short secret', () => {
    expect(() => deriveSessionKey('short')).toThrow(RangeError);
  });
});
