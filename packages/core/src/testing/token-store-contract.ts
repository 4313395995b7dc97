import { describe, expect, it } from 'vitest';
import type { StoredToken, TokenStore } from '../ports/token-store.ts';
import { useHarness } from './contract-helpers.ts';
import type { HarnessFactory, TokenStoreHarness } from './harness.ts';

function token(account: string, updatedAt: string, overrides: Partial<StoredToken> = {}): StoredToken {
  return {
    provider: 'slack',
    account,
    accessToken: `xoxb-${account}`,
    scopes: ['chat:write', 'users:read'],
    metadata: { botUserId: `U${account}` },
    updatedAt: new Date(updatedAt),
    ...overrides,
  };
}

/**
 * A vendor that rotates refresh tokens: each refresh token works once, and a refresh with a spent
 * one is refused (as Zendesk and PagerDuty do); it yields to the event loop mid-call, so two
 * refreshes overlap unless something keeps them apart.
 */
function rotatingVendor() {
  const vendor = {
    refreshToken: 'refresh-1',
    calls: 0,
    async refresh(refreshToken: string | undefined) {
      vendor.calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (refreshToken !== vendor.refreshToken) throw new Error('invalid_grant: refresh token already used');
      vendor.refreshToken = `refresh-${vendor.calls + 1}`;
      return { accessToken: `access-${vendor.calls + 1}`, refreshToken: vendor.refreshToken };
    },
  };
  return vendor;
}

/** The TokenStore contract. `factory` builds a fresh, empty store per test (closed after it). */
export function tokenStoreContract(name: string, factory: HarnessFactory<TokenStoreHarness>): void {
  describe(`TokenStore contract: ${name}`, () => {
    const harness = useHarness(factory);
    const store = () => harness().store;

    it('saves a grant and reads every field back, optional ones included', async () => {
      const full = token('T1', '2026-01-01T10:00:00.000Z', {
        accountName: 'Acme Workspace',
        refreshToken: 'xoxe-refresh',
        expiresAt: new Date('2026-01-01T22:00:00.000Z'),
        metadata: { botUserId: 'UBOT', nested: { teamName: 'Acme' } },
      });
      await store().save(full);
      const read = await store().get('slack', 'T1');
      expect(read).toEqual(full);
      expect(read?.expiresAt).toBeInstanceOf(Date);
      expect(read?.updatedAt).toBeInstanceOf(Date);
    });

    it('leaves absent optional fields absent', async () => {
      await store().save(token('T1', '2026-01-01T10:00:00.000Z'));
      const read = await store().get('slack', 'T1');
      expect(read?.accessToken).toBe('xoxb-T1');
      expect(read?.refreshToken).toBeUndefined();
      expect(read?.expiresAt).toBeUndefined();
      expect(read?.accountName).toBeUndefined();
    });

    it('returns undefined for an unknown grant or provider', async () => {
      await store().save(token('T1', '2026-01-01T10:00:00.000Z'));
      expect(await store().get('slack', 'T2')).toBeUndefined();
      expect(await store().get('zendesk', 'T1')).toBeUndefined();
      expect(await store().get('zendesk')).toBeUndefined();
      expect(await store().list('zendesk')).toEqual([]);
    });

    it('gives the latest grant of a provider when no account is named', async () => {
      await store().save(token('TOLD', '2026-01-01T10:00:00.000Z'));
      await store().save(token('TNEW', '2026-03-01T10:00:00.000Z'));
      await store().save(token('TMID', '2026-02-01T10:00:00.000Z'));
      await store().save(token('acme', '2026-09-01T10:00:00.000Z', { provider: 'zendesk' }));
      expect((await store().get('slack'))?.account).toBe('TNEW');
    });

    it("lists a provider's grants newest first, and only that provider's", async () => {
      await store().save(token('TOLD', '2026-01-01T10:00:00.000Z'));
      await store().save(token('TNEW', '2026-03-01T10:00:00.000Z'));
      await store().save(token('acme', '2026-09-01T10:00:00.000Z', { provider: 'zendesk' }));
      expect((await store().list('slack')).map((t) => t.account)).toEqual(['TNEW', 'TOLD']);
    });

    it('replaces the grant of the same provider and account', async () => {
      await store().save(token('T1', '2026-01-01T10:00:00.000Z', { refreshToken: 'old-refresh' }));
      const replacement = token('T1', '2026-02-01T10:00:00.000Z', {
        accessToken: 'xoxb-rotated',
        scopes: ['chat:write'],
      });
      await store().save(replacement);
      expect(await store().get('slack', 'T1')).toEqual(replacement);
      expect(await store().list('slack')).toHaveLength(1);
    });

    it('runs one refresh at a time per grant: two at once on a rotating vendor refresh once, both get the new token', async () => {
      const vendor = rotatingVendor();
      const expired = new Date('2026-01-01T09:00:00.000Z');
      const now = new Date('2026-01-01T10:00:00.000Z');
      await store().save(
        token('acme', '2026-01-01T08:00:00.000Z', {
          provider: 'zendesk',
          accessToken: 'access-1',
          refreshToken: vendor.refreshToken,
          expiresAt: expired,
        }),
      );
      // What each process's token getter does: read, check, refresh and save under the lock.
      const accessToken = (from: TokenStore) =>
        from.withTokenLock('zendesk', 'acme', async () => {
          const grant = await from.get('zendesk', 'acme');
          if (grant === undefined) throw new Error('grant gone');
          if ((grant.expiresAt?.getTime() ?? 0) > now.getTime()) return grant.accessToken;
          const renewed = await vendor.refresh(grant.refreshToken);
          await from.save({
            ...grant,
            ...renewed,
            expiresAt: new Date('2026-01-01T12:00:00.000Z'),
            updatedAt: now,
          });
          return renewed.accessToken;
        });
      const got = await Promise.all([accessToken(store()), accessToken(harness().peer ?? store())]);
      expect(vendor.calls).toBe(1);
      expect(got).toEqual(['access-2', 'access-2']);
      expect((await store().get('zendesk', 'acme'))?.refreshToken).toBe(vendor.refreshToken);
    });

    it("releases a grant's lock when the work fails, and passes the error and results through", async () => {
      await expect(
        store().withTokenLock('zendesk', 'acme', async () => {
          throw new Error('refresh refused');
        }),
      ).rejects.toThrow('refresh refused');
      expect(await store().withTokenLock('zendesk', 'acme', async () => 'next holder')).toBe('next holder');
      // Another grant's lock is its own: taking it inside this one does not wait for this one.
      const nested = await store().withTokenLock('zendesk', 'acme', () =>
        store().withTokenLock('pagerduty', 'acme', async () => 'both held'),
      );
      expect(nested).toBe('both held');
    });

    it('deletes a grant, and deleting an absent one is harmless', async () => {
      await store().save(token('T1', '2026-01-01T10:00:00.000Z'));
      await store().save(token('T2', '2026-01-02T10:00:00.000Z'));
      await store().delete('slack', 'T1');
      await store().delete('slack', 'T1');
      await store().delete('pagerduty', 'nobody');
      expect(await store().get('slack', 'T1')).toBeUndefined();
      expect((await store().list('slack')).map((t) => t.account)).toEqual(['T2']);
    });
  });
}
