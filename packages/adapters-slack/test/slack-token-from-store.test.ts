import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import type { StoredToken } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { slackTokenFromStore } from '../src/oauth/slack-token-from-store.ts';
import {
  installationToToken,
  tokenStoreInstallationStore,
  tokenToInstallation,
} from '../src/oauth/token-store-installation-store.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

const now = new Date('2026-11-27T10:00:00Z');
const grant = (overrides: Partial<StoredToken> = {}): StoredToken => ({
  provider: 'slack',
  account: 'T1',
  accountName: 'Acme',
  accessToken: 'xoxb-1',
  scopes: ['chat:write'],
  metadata: { botUserId: 'U0BOT', botId: 'B0BOT', appId: 'A1', installerUserId: 'U0ADMIN' },
  updatedAt: now,
  ...overrides,
});

describe('slackTokenFromStore', () => {
  it('reads the stored bot token on every call, picking up a re-install', async () => {
    const store = new MemoryTokenStore();
    const token = slackTokenFromStore(store);
    await store.save(grant());
    expect(await token()).toBe('xoxb-1');
    await store.save(grant({ accessToken: 'xoxb-2' }));
    expect(await token()).toBe('xoxb-2');
  });

  it('throws Unauthorized when Slack is not installed or the token expired', async () => {
    const store = new MemoryTokenStore();
    await expect(slackTokenFromStore(store)()).rejects.toMatchObject({
      reason: 'Unauthorized',
      integration: 'slack',
    });
    await store.save(grant({ expiresAt: new Date(now.getTime() - 1) }));
    const clock = { now: () => now };
    await expect(slackTokenFromStore(store, { clock })()).rejects.toMatchObject({ reason: 'Unauthorized' });
  });

  it('makes the adapter fail Unauthorized before calling Slack when not installed', async () => {
    const chat = new SlackChatAdapter({
      token: slackTokenFromStore(new MemoryTokenStore()),
      apiUrl: 'http://127.0.0.1:9/',
    });
    await expect(chat.postMessage({ channel: 'C1', text: 'a', key: 'k' })).rejects.toMatchObject({
      reason: 'Unauthorized',
      retryable: false,
    });
  });
});

describe('tokenStoreInstallationStore', () => {
  it('round-trips an installation through the TokenStore', async () => {
    const store = new MemoryTokenStore();
    const installations = tokenStoreInstallationStore(store, { now: () => now });
    const installation = tokenToInstallation(grant());
    await installations.storeInstallation(installation);
    const fetched = await installations.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot).toMatchObject({
      token: 'xoxb-1',
      id: 'B0BOT',
      userId: 'U0BOT',
      scopes: ['chat:write'],
    });
    expect(fetched.team).toEqual({ id: 'T1', name: 'Acme' });
    expect(installationToToken(fetched, now)).toEqual(
      grant({ metadata: { ...grant().metadata, enterpriseId: null, isEnterpriseInstall: false } }),
    );
  });

  it('throws for an unknown team, and deletes', async () => {
    const store = new MemoryTokenStore();
    const installations = tokenStoreInstallationStore(store, { now: () => now });
    const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await expect(installations.fetchInstallation(query)).rejects.toThrow('No Slack installation');
    await store.save(grant());
    await installations.deleteInstallation?.(query);
    expect(await store.get('slack', 'T1')).toBeUndefined();
  });

  it('refuses an installation without a bot token', () => {
    const { bot: _, ...noBot } = tokenToInstallation(grant());
    expect(() => installationToToken(noBot, now)).toThrow('no bot token');
  });
});
