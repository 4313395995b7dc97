import type { InstallURLOptions, StateStore } from '@slack/oauth';
import type { OAuthStateSigner } from '@zenslackchat/adapter-kit';
import type { Clock } from '@zenslackchat/core';

/**
 * `@slack/oauth`'s StateStore on adapter-kit's shared state: the state is signed and bound to the
 * session named in `installOptions.metadata` (set per request by the install route, never sent to
 * Slack). The plugin's callback route runs the full check before the installer; the installer's
 * own verification then only needs the signature and expiry, and gets back `installOptions`.
 */
export function signedStateStore(
  signer: OAuthStateSigner,
  installOptions: InstallURLOptions,
  clock: Clock,
): StateStore {
  return {
    generateStateParam: async (options) => {
      if (typeof options.metadata !== 'string' || options.metadata === '')
        throw new Error('slack install started without an admin session');
      return signer.issue(options.metadata, clock.now());
    },
    verifyStateParam: async (_now, state) => {
      if (signer.open(state, clock.now()) === undefined) throw new Error('invalid or expired OAuth state');
      return installOptions;
    },
  };
}
