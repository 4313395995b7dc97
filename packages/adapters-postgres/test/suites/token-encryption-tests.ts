import type { StoredToken } from '@zenslackchat/core';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostgresAdapterError, PostgresTokenStore, TokenDecryptionError } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const KEY = 'first key of at least sixteen characters';
const grant: StoredToken = {
  provider: 'zendesk',
  account: 'acme',
  accessToken: 'zd-access-SECRET-0123456789',
  refreshToken: 'zd-refresh-SECRET-9876543210',
  scopes: ['read', 'write'],
  metadata: {},
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

/** Tokens at rest: no clear text in the raw bytes, random IVs, wrong key, moved ciphertext, rotation. */
export function tokenEncryptionTests(get: () => TestDatabase): void {
  describe('PostgresTokenStore encryption', () => {
    beforeEach(() => get().reset());

    it('never stores a token in clear: the raw bytes hold neither token', async () => {
      await new PostgresTokenStore(get().db, { encryptionKey: KEY }).save(grant);
      const { rows } = await sql<{ raw: string }>`select t::text as raw from oauth_tokens t`.execute(
        get().db,
      );
      expect(rows).toHaveLength(1);
      const raw = rows[0]!.raw;
      expect(raw).not.toContain('SECRET');
      // Also look inside the bytea bytes themselves, not only their hex text.
      const bytes = await sql<{
        a: Uint8Array;
        r: Uint8Array;
      }>`select access_token as a, refresh_token as r from oauth_tokens`.execute(get().db);
      for (const value of [bytes.rows[0]!.a, bytes.rows[0]!.r]) {
        expect(Buffer.from(value).toString('latin1')).not.toContain('SECRET');
      }
    });

    it('writes a different ciphertext each time (random IV)', async () => {
      const store = new PostgresTokenStore(get().db, { encryptionKey: KEY });
      const read = async () =>
        Buffer.from(
          (await get().db.selectFrom('oauth_tokens').select('access_token').executeTakeFirstOrThrow())
            .access_token,
        );
      await store.save(grant);
      const first = await read();
      await store.save(grant);
      expect((await read()).equals(first)).toBe(false);
      expect((await store.get('zendesk', 'acme'))?.accessToken).toBe(grant.accessToken);
    });

    it('fails with TokenDecryptionError under a different key', async () => {
      await new PostgresTokenStore(get().db, { encryptionKey: KEY }).save(grant);
      const other = new PostgresTokenStore(get().db, { encryptionKey: 'another key, sixteen chars or more' });
      const error = await other.get('zendesk', 'acme').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenDecryptionError);
      expect((error as TokenDecryptionError).code).toBe('postgres.token_decryption_failed');
      expect((error as Error).message).toMatch(/key differs/);
      expect((error as Error).message).not.toContain('SECRET');
    });

    it('refuses a ciphertext moved to another row', async () => {
      const store = new PostgresTokenStore(get().db, { encryptionKey: KEY });
      await store.save(grant);
      await store.save({ ...grant, account: 'other', accessToken: 'other-token' });
      await sql`update oauth_tokens set access_token = (select access_token from oauth_tokens where account = 'acme') where account = 'other'`.execute(
        get().db,
      );
      await expect(store.get('zendesk', 'other')).rejects.toBeInstanceOf(TokenDecryptionError);
    });

    it('reads grants saved under a previous key, and re-saves them under the current one', async () => {
      await new PostgresTokenStore(get().db, { encryptionKey: KEY }).save(grant);
      const NEXT = 'the rotated key, also sixteen+';
      const rotating = new PostgresTokenStore(get().db, {
        encryptionKey: NEXT,
        previousEncryptionKeys: [KEY],
      });
      const read = await rotating.get('zendesk', 'acme');
      expect(read?.accessToken).toBe(grant.accessToken);
      await rotating.save(read!);
      const onlyNext = new PostgresTokenStore(get().db, { encryptionKey: NEXT });
      expect((await onlyNext.get('zendesk', 'acme'))?.refreshToken).toBe(grant.refreshToken);
      await expect(
        new PostgresTokenStore(get().db, { encryptionKey: KEY }).get('zendesk', 'acme'),
      ).rejects.toBeInstanceOf(TokenDecryptionError);
    });

    it('rejects (not throws) a grant with an empty access token', async () => {
      const store = new PostgresTokenStore(get().db, { encryptionKey: KEY });
      await expect(store.save({ ...grant, accessToken: '' })).rejects.toMatchObject({ reason: 'Invalid' });
    });

    it('refuses a short encryption key at construction', () => {
      expect(() => new PostgresTokenStore(get().db, { encryptionKey: 'short' })).toThrow(
        PostgresAdapterError,
      );
    });
  });
}
