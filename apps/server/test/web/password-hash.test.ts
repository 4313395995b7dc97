import { describe, expect, it } from 'vitest';
import { deriveSessionKey, hashPassword, verifyPassword } from '../../src/web/index.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret pass');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('s3cret pass', hash)).resolves.toBe(true);
    await expect(verifyPassword('s3cret pasS', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
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
