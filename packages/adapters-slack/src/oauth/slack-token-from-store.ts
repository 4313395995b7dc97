import { type Clock, IntegrationError, systemClock, type TokenStore } from '@zenslackchat/core';
import { SLACK } from '../slack-errors.ts';
import { SLACK_PROVIDER } from './slack-oauth-config.ts';

/**
 * A token source for `SlackChatAdapter` that reads the bot token of the stored installation
 * (of `account`, else the latest one) on every call, so a re-install takes effect at once.
 * Throws `Unauthorized` when Slack is not installed or the stored token has expired (token
 * rotation is not supported: leave it off in the Slack app settings).
 */
export function slackTokenFromStore(
  store: TokenStore,
  options: { readonly account?: string; readonly clock?: Clock } = {},
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  return async () => {
    const token = await store.get(SLACK_PROVIDER, options.account);
    if (token === undefined) {
      throw new IntegrationError('Unauthorized', 'Slack is not installed: no stored bot token', {
        integration: SLACK,
      });
    }
    if (token.expiresAt !== undefined && token.expiresAt.getTime() <= clock.now().getTime()) {
      throw new IntegrationError('Unauthorized', 'the stored Slack bot token has expired', {
        integration: SLACK,
      });
    }
    return token.accessToken;
  };
}
