import { isIntegrationError } from '@zenslackchat/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminUserStore } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const created = new Date('2026-01-01T00:00:00Z');
const policy = { maxFailures: 3, lockMs: 60_000 };

/** AdminUserStore: unique lower-cased emails, lockout after failed logins, reset. */
export function adminUserStoreTests(get: () => TestDatabase): void {
  describe('AdminUserStore', () => {
    let users: AdminUserStore;
    beforeEach(async () => {
      await get().reset();
      users = new AdminUserStore(get().db);
    });

    it('creates users with lower-cased unique emails and counts them', async () => {
      expect(await users.count()).toBe(0);
      const user = await users.create({
        email: ' Admin@Example.COM ',
        passwordHash: 'h',
        createdAt: created,
      });
      expect(user).toMatchObject({ email: 'admin@example.com', failedLogins: 0, lockedUntil: null });
      expect(await users.findByEmail('ADMIN@example.com')).toEqual(user);
      const duplicate = await users
        .create({ email: 'admin@EXAMPLE.com', passwordHash: 'h2', createdAt: created })
        .catch((e: unknown) => e);
      expect(isIntegrationError(duplicate) && duplicate.reason).toBe('Conflict');
      expect(await users.count()).toBe(1);
      expect(await users.findByEmail('nobody@example.com')).toBeUndefined();
    });

    it('locks after repeated failed logins and unlocks on reset', async () => {
      const user = await users.create({ email: 'a@b.c', passwordHash: 'h', createdAt: created });
      const at = new Date('2026-01-02T00:00:00Z');
      expect((await users.recordFailedLogin(user.id, at, policy))?.failedLogins).toBe(1);
      expect((await users.recordFailedLogin(user.id, at, policy))?.lockedUntil).toBeNull();
      const locked = await users.recordFailedLogin(user.id, at, policy);
      expect(locked).toMatchObject({ failedLogins: 0, lockedUntil: new Date(at.getTime() + 60_000) });
      await users.resetFailedLogins(user.id);
      expect(await users.findByEmail('a@b.c')).toMatchObject({ failedLogins: 0, lockedUntil: null });
      expect(
        await users.recordFailedLogin('00000000-0000-4000-8000-000000000000', at, policy),
      ).toBeUndefined();
    });

    it('replaces a password hash only while it is still the one read (compare-and-set)', async () => {
      const user = await users.create({ email: 'r@example.com', passwordHash: 'old', createdAt: created });
      expect(await users.replacePasswordHash(user.id, 'old', 'new')).toBe(true);
      expect(await users.replacePasswordHash(user.id, 'old', 'newer')).toBe(false);
      expect((await users.findByEmail('r@example.com'))?.passwordHash).toBe('new');
      expect(await users.replacePasswordHash('not-a-uuid', 'new', 'x')).toBe(false);
    });
  });
}
