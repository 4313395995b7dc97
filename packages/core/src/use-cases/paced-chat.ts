import { DeferredError } from '../deferred-error.ts';
import { isIntegrationError } from '../errors.ts';
import type { ChatPort, OutgoingMessage, PostedMessage } from '../ports/chat-port.ts';
import type { PostPacer, PostRate } from '../ports/post-pacer.ts';

/** How `pacedChat` keeps to the platform's per-channel posting pace. */
export interface PacedChatOptions {
  readonly pacer: PostPacer;
  readonly rate: PostRate;
  /** Longest a post waits in process for its slot; a later first free slot defers the run instead. */
  readonly maxWaitMs: number;
  /** Rate-limit answers absorbed per post (waiting as the platform asked) before it fails as usual (default 3). */
  readonly maxRateLimited?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): spreads deferred runs over the wait window so they do not all wake at once. */
  readonly random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a chat port so every post takes a slot of its channel from the shared pacer first: it
 * waits for a slot up to `maxWaitMs`, and beyond that throws `DeferredError` (the job layer runs it
 * again later without spending a retry). A rate-limited answer with a wait (Slack's 429 +
 * Retry-After) holds the channel off for every process and the post is tried again after it,
 * up to `maxRateLimited` times. Nothing was posted when a post is deferred or rate-limited.
 */
export function pacedChat(chat: ChatPort, options: PacedChatOptions): ChatPort {
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxRateLimited = options.maxRateLimited ?? 3;
  const { pacer, rate, maxWaitMs } = options;

  const post = async (message: OutgoingMessage): Promise<PostedMessage> => {
    const key = `${chat.platform}:${message.channel}`;
    for (let limited = 0; ; ) {
      const slot = await pacer.reserve(key, rate, maxWaitMs);
      if (!slot.granted) {
        // The slot `waitMs` away comes within reach `maxWaitMs` before it: come back in that window.
        const delay =
          Math.max(0, slot.waitMs - maxWaitMs) + Math.floor(random() * Math.max(maxWaitMs, rate.intervalMs));
        throw new DeferredError(
          `channel ${message.channel}: posting slots taken for ${slot.waitMs} ms`,
          delay,
        );
      }
      if (slot.waitMs > 0) await sleep(slot.waitMs);
      try {
        return await chat.postMessage(message);
      } catch (error) {
        const wait =
          isIntegrationError(error) && error.reason === 'RateLimited' ? error.retryAfterMs : undefined;
        if (wait === undefined) throw error;
        await pacer.holdOff(key, rate, wait);
        limited += 1;
        if (limited > maxRateLimited) throw error;
      }
    }
  };

  return {
    platform: chat.platform,
    postMessage: post,
    ...(chat.findMessage && { findMessage: chat.findMessage.bind(chat) }),
    // Edits and files are not new posts: they pass straight through (and must not be dropped).
    ...(chat.updateMessage && { updateMessage: chat.updateMessage.bind(chat) }),
    ...(chat.downloadFile && { downloadFile: chat.downloadFile.bind(chat) }),
    ...(chat.uploadFile && { uploadFile: chat.uploadFile.bind(chat) }),
    ...(chat.shareFile && { shareFile: chat.shareFile.bind(chat) }),
    ...(chat.isFileShared && { isFileShared: chat.isFileShared.bind(chat) }),
    getUser: (userId) => chat.getUser(userId),
    whoAmI: () => chat.whoAmI(),
    permalink: (channel, messageId) => chat.permalink(channel, messageId),
    toPlainText: (text) => chat.toPlainText(text),
  };
}
