import type { WebClient } from '@slack/web-api';
import type { PostedMessage } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import { DELIVERY_EVENT_TYPE } from './slack-chat-config.ts';
import { toSlackIntegrationError } from './slack-errors.ts';

/** What `findDeliveredMessage` looks for. */
export interface DeliverySearch {
  readonly channel: string;
  readonly threadId: string | undefined;
  readonly key: string;
  readonly maxPages: number;
  /** The message was posted no earlier than this (the caller's clock). */
  readonly since?: Date;
}

interface MessageShape {
  readonly ts?: unknown;
  readonly metadata?: { readonly event_type?: unknown; readonly event_payload?: { readonly key?: unknown } };
}

const PAGE_SIZE = 200;
/** Without a lower bound, top-level messages are searched in the channel's most recent page only. */
const HISTORY_WINDOW = 100;
/** How far the bot's clock may run ahead of Slack's: the search starts this much before `since`. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** A Date as a Slack `ts` bound (`seconds.micros`). */
const toTs = (at: Date): string => (Math.max(0, at.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6);

/**
 * Reads the thread (conversations.replies, following cursors up to `maxPages`) or the channel's top
 * level (conversations.history) with metadata and returns the message whose delivery metadata
 * carries `key`. With `since`, history is read forward from it (`oldest`, following cursors up to
 * `maxPages`), so a post is found however many came after it; without, only the newest page.
 * A thread Slack does not know yields undefined.
 */
export async function findDeliveredMessage(
  client: WebClient,
  token: string,
  search: DeliverySearch,
): Promise<PostedMessage | undefined> {
  const method = search.threadId === undefined ? 'conversations.history' : 'conversations.replies';
  let cursor: string | undefined;
  for (let page = 0; page < Math.max(1, search.maxPages); page += 1) {
    const paging = cursor === undefined ? {} : { cursor };
    let result: { messages?: unknown; response_metadata?: { next_cursor?: string } };
    try {
      result =
        search.threadId === undefined
          ? await client.conversations.history({
              token,
              channel: search.channel,
              include_all_metadata: true,
              ...(search.since === undefined
                ? { limit: HISTORY_WINDOW }
                : { limit: PAGE_SIZE, oldest: toTs(search.since), inclusive: true, ...paging }),
            })
          : await client.conversations.replies({
              token,
              channel: search.channel,
              ts: search.threadId,
              limit: PAGE_SIZE,
              include_all_metadata: true,
              ...paging,
            });
    } catch (error) {
      const mapped = toSlackIntegrationError(error, method);
      if (mapped.reason === 'NotFound' && search.threadId !== undefined && isThreadMissing(error))
        return undefined;
      throw mapped;
    }
    const found = matching(result.messages, search.key);
    if (found) return found;
    cursor = result.response_metadata?.next_cursor || undefined;
    if ((search.threadId === undefined && search.since === undefined) || cursor === undefined)
      return undefined;
  }
  return undefined;
}

function matching(messages: unknown, key: string): PostedMessage | undefined {
  if (!Array.isArray(messages))
    throw new IntegrationError('Unavailable', 'Slack: unexpected answer', { integration: 'slack' });
  for (const message of messages as MessageShape[]) {
    const meta = message.metadata;
    if (
      meta?.event_type === DELIVERY_EVENT_TYPE &&
      meta.event_payload?.key === key &&
      typeof message.ts === 'string'
    ) {
      return { id: message.ts };
    }
  }
  return undefined;
}

function isThreadMissing(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return code === 'thread_not_found' || code === 'message_not_found';
}
