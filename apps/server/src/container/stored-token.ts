import { IntegrationError, type TokenStore } from '@zenslackchat/core';

/**
 * A token getter reading the latest OAuth grant of `provider` from the store before each call;
 * `Unauthorized` when the integration has not been connected yet.
 */
export function storedAccessToken(store: TokenStore, provider: string): () => Promise<string> {
  return async () => {
    const token = await store.get(provider);
    if (token === undefined) {
      throw new IntegrationError('Unauthorized', `${provider} is not connected: no OAuth grant stored`, {
        integration: provider,
      });
    }
    return token.accessToken;
  };
}
