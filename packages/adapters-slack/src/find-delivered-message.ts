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

type Page = { messages?: unknown; response_metadata?: { next_cursor?: string } };
type PageRequest = (cursor: string | undefined) => Promise<Page>;

/**
 * Reads the thread (conversations.replies, following cursors up to `maxPages`) or the channel's top
 * level (conversations.history) with metadata and returns the message whose delivery metadata
 * carries `key`. With `since`, history is read forward from it (`oldest`, following cursors up to
 * `maxPages`), so a post is found however many came after it; the newest page is read too (always
 * without `since`), for a clock further off than the skew allowance.
 * A thread Slack does not know yields undefined.
 */
export async function findDeliveredMessage(
  client: WebClient,
  token: string,
  search: DeliverySearch,
): Promise<PostedMessage | undefined> {
  const { channel, key, threadId, since } = search;
  const base = { token, channel, include_all_metadata: true } as const;
  if (threadId !== undefined) {
    const replies: PageRequest = (cursor) =>
      client.conversations.replies({
        ...base,
        ts: threadId,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
    return scan('conversations.replies', replies, key, search.maxPages);
  }
  if (since !== undefined) {
    const oldest = toTs(since);
    const forward: PageRequest = (cursor) =>
      client.conversations.history({
        ...base,
        limit: PAGE_SIZE,
        oldest,
        inclusive: true,
        ...(cursor ? { cursor } : {}),
      });
    const found = await scan('conversations.history', forward, key, search.maxPages);
    if (found) return found;
  }
  const newest: PageRequest = () => client.conversations.history({ ...base, limit: HISTORY_WINDOW });
  return scan('conversations.history', newest, key, 1);
}

/** Reads up to `maxPages` pages, following `next_cursor`, for the message carrying `key`. */
async function scan(
  method: string,
  request: PageRequest,
  key: string,
  maxPages: number,
): Promise<PostedMessage | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < Math.max(1, maxPages); page += 1) {
    let result: Page;
    try {
      result = await request(cursor);
    } catch (error) {
      const mapped = toSlackIntegrationError(error, method);
      if (method === 'conversations.replies' && mapped.reason === 'NotFound' && isThreadMissing(error))
        return undefined;
      throw mapped;
    }
    const found = matching(result.messages, key);
    if (found) return found;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) return undefined;
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
