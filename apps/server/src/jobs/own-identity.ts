import type { ChatIdentity, ChatPort, Clock, Logger } from '@zenslackchat/core';

/** The bot's own chat identity as far as already known, without waiting for it. */
export interface OwnIdentity {
  /** The identity once a lookup succeeded; undefined before (and a lookup is started). */
  known(): ChatIdentity | undefined;
}

/** How long after a failed `whoAmI` the next lookup may start. */
export const OWN_IDENTITY_RETRY_MS = 30_000;

/**
 * Caches `chat.whoAmI()` for the intake, which must never wait on Slack: the first call starts the
 * lookup in the background and answers undefined, later calls answer the cached identity. A failed
 * lookup (no installation yet, Slack down) is logged and tried again after `OWN_IDENTITY_RETRY_MS`.
 */
export function ownIdentity(chat: ChatPort, clock: Clock, logger: Logger): OwnIdentity {
  let identity: ChatIdentity | undefined;
  let asking = false;
  let nextTryAt = 0;
  return {
    known() {
      if (identity !== undefined || asking || clock.now().getTime() < nextTryAt) return identity;
      asking = true;
      chat.whoAmI().then(
        (self) => {
          identity = self;
          asking = false;
        },
        (error: unknown) => {
          asking = false;
          nextTryAt = clock.now().getTime() + OWN_IDENTITY_RETRY_MS;
          logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'bot identity unknown: its own posts are filtered by the workers until it is',
          );
        },
      );
      return undefined;
    },
  };
}
