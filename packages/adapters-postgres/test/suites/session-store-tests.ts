import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminUserStore, SessionStore } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const t0 = new Date('2026-01-01T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

/** SessionStore: live only while the row exists, unexpired, and its admin exists. */
export function sessionStoreTests(get: () => TestDatabase): void {
  describe('SessionStore', () => {
    let sessions: SessionStore;
    let adminId: string;
    beforeEach(async () => {
      await get().reset();
      sessions = new SessionStore(get().db);
      const users = new AdminUserStore(get().db);
      adminId = (await users.create({ email: 'a@example.com', passwordHash: 'h', createdAt: t0 })).id;
    });

    it('finds a session by its id until it expires, and stores only a hash of the id', async () => {
      const id = await sessions.create(adminId, t0, later(3_600_000));
      expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await sessions.find(id, later(1000))).toEqual({
        adminId,
        email: 'a@example.com',
        createdAt: t0,
        expiresAt: later(3_600_000),
      });
      expect(await sessions.find(id, later(3_600_000))).toBeUndefined();
      const { rows } = await sql<{ id_hash: string }>`select id_hash from sessions`.execute(get().db);
      expect(rows.map((r) => r.id_hash)).not.toContain(id);
      // Another id one character away (never the same one: ids can end in 'A').
      const neighbour = `${id.slice(0, 42)}${id.endsWith('A') ? 'B' : 'A'}`;
      expect(await sessions.find(neighbour, t0)).toBeUndefined();
      expect(await sessions.find('not a session id', t0)).toBeUndefined();
    });

    it('ends one session on delete, and every session of an admin at once', async () => {
      const one = await sessions.create(adminId, t0, later(60_000));
      const two = await sessions.create(adminId, t0, later(60_000));
      await sessions.delete(one);
      expect(await sessions.find(one, t0)).toBeUndefined();
      expect(await sessions.find(two, t0)).toBeDefined();
      await sessions.create(adminId, t0, later(60_000));
      expect(await sessions.deleteAllForAdmin(adminId)).toBe(2);
      expect(await sessions.find(two, t0)).toBeUndefined();
      await sessions.delete(two);
    });

    it('refuses a session whose admin no longer exists', async () => {
      const id = await sessions.create(adminId, t0, later(60_000));
      await sql`delete from admin_users where id = ${adminId}::uuid`.execute(get().db);
      expect(await sessions.find(id, t0)).toBeUndefined();
    });

    it('drops the expired sessions of an admin when they log in again', async () => {
      await sessions.create(adminId, t0, later(1000));
      await sessions.create(adminId, later(2000), later(60_000));
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(get().db);
      expect(rows[0]?.n).toBe(1);
    });
  });
}
