import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Clock, StoredToken, TokenStore } from '@zenslackchat/core';
import { SlackAdapterError } from '../slack-adapter-error.ts';
import { SLACK_PROVIDER } from './slack-oauth-config.ts';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function accountOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}) {
  return query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
}

/** Converts an installation from the OAuth flow to a stored grant (the bot token; the user token is not kept). */
export function installationToToken(installation: Installation, now: Date): StoredToken {
  const account = accountOf({
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
  });
  const bot = installation.bot;
  if (account === undefined) {
    throw new SlackAdapterError(
      'slack.installation_invalid',
      'Slack installation has no team or enterprise id',
    );
  }
  if (bot === undefined)
    throw new SlackAdapterError('slack.installation_invalid', 'Slack installation has no bot token');
  const accountName = installation.team?.name ?? installation.enterprise?.name;
  return {
    provider: SLACK_PROVIDER,
    account,
    ...(accountName ? { accountName } : {}),
    accessToken: bot.token,
    ...(bot.refreshToken ? { refreshToken: bot.refreshToken } : {}),
    ...(bot.expiresAt ? { expiresAt: new Date(bot.expiresAt * 1000) } : {}),
    scopes: [...bot.scopes],
    metadata: {
      botUserId: bot.userId,
      botId: bot.id,
      appId: installation.appId ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      installerUserId: installation.user.id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
    },
    updatedAt: now,
  };
}

/** Converts a stored grant back to the installation shape `@slack/oauth` expects. */
export function tokenToInstallation(token: StoredToken): Installation {
  const meta = token.metadata;
  const enterpriseId = text(meta.enterpriseId);
  const enterprise = meta.isEnterpriseInstall === true;
  return {
    team: enterprise
      ? undefined
      : { id: token.account, ...(token.accountName ? { name: token.accountName } : {}) },
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    user: { token: undefined, scopes: undefined, id: text(meta.installerUserId) ?? '' },
    bot: {
      token: token.accessToken,
      ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
      ...(token.expiresAt ? { expiresAt: Math.floor(token.expiresAt.getTime() / 1000) } : {}),
      scopes: [...token.scopes],
      id: text(meta.botId) ?? '',
      userId: text(meta.botUserId) ?? '',
    },
    ...(text(meta.appId) ? { appId: text(meta.appId) } : {}),
    tokenType: 'bot',
    isEnterpriseInstall: enterprise,
    authVersion: 'v2',
  };
}

/**
 * `@slack/oauth`'s installation store on the core TokenStore: one grant per team (provider
 * `slack`, account = team id, or enterprise id for org installs). Fetching an unknown team throws,
 * as the SDK requires.
 */
export function tokenStoreInstallationStore(store: TokenStore, clock: Clock): InstallationStore {
  return {
    storeInstallation: async (installation) => {
      await store.save(installationToToken(installation, clock.now()));
    },
    fetchInstallation: async (query: InstallationQuery<boolean>) => {
      const account = accountOf(query);
      const token = account === undefined ? undefined : await store.get(SLACK_PROVIDER, account);
      if (token === undefined) {
        throw new SlackAdapterError('slack.installation_missing', 'No Slack installation for this workspace');
      }
      return tokenToInstallation(token);
    },
    deleteInstallation: async (query: InstallationQuery<boolean>) => {
      const account = accountOf(query);
      if (account !== undefined) await store.delete(SLACK_PROVIDER, account);
    },
  };
}
