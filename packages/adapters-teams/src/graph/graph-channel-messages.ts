import type { PostedMessage } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';
import { decodeHTML } from 'entities';
import { TEAMS } from '../teams-errors.ts';
import { carriesMarker } from './delivery-marker.ts';
import { graphIntegrationError } from './graph-errors.ts';
import { type ChatMessagePage, chatMessagePageSchema, type GraphChatMessage } from './graph-message-page.ts';

/** Where and as whom the channel's messages are read. */
export interface GraphChannelMessagesOptions {
  /** Graph's versioned root, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly graphUrl: string;
  /** The team's id (its Microsoft 365 group id). */
  readonly teamId: string;
  /** The bot's app id: only messages `from.application.id` = it count. */
  readonly appId: string;
  readonly timeoutMs: number;
  /** Most pages of 50 read per search (default 10). */
  readonly maxPages?: number;
  /** An app-only Graph token. */
  readonly token: () => Promise<string>;
}

/** What a search looks for. */
export interface BotMessageSearch {
  readonly channel: string;
  readonly threadId: string | undefined;
  readonly key: string;
  readonly since?: Date;
}

/** Graph's largest page of channel messages and of replies. */
const PAGE_SIZE = 50;
/** Without a lower bound, top-level posts are searched among the newest two pages only. */
const UNBOUNDED_PAGES = 2;
/** How far the bot's clock may run ahead of Teams': the search starts this much before `since`. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Finds the bot's own post carrying a delivery key through Microsoft Graph: "List channel
 * messages" (https://learn.microsoft.com/en-us/graph/api/channel-list-messages) or "List replies"
 * (https://learn.microsoft.com/en-us/graph/api/chatmessage-list-replies), `$top=50`, following
 * `@odata.nextLink` (only on Graph's own origin, so the token never goes elsewhere). Both allow
 * the resource-specific consent `ChannelMessage.Read.Group` with an app-only token. With `since`,
 * messages created before it (less the clock-skew allowance) are skipped, and the walk stops at a
 * newest-first page that is older throughout.
 */
export class GraphChannelMessages {
  readonly #options: GraphChannelMessagesOptions;
  readonly #root: string;

  constructor(options: GraphChannelMessagesOptions) {
    this.#options = options;
    this.#root = options.graphUrl.replace(/\/$/, '');
  }

  async find(search: BotMessageSearch): Promise<PostedMessage | undefined> {
    const { teamId, maxPages = 10 } = this.#options;
    const channel = `${this.#root}/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(search.channel)}`;
    const bound = search.since === undefined ? undefined : search.since.getTime() - CLOCK_SKEW_MS;
    const threaded = search.threadId !== undefined;
    const url = threaded
      ? `${channel}/messages/${encodeURIComponent(search.threadId ?? '')}/replies?$top=${PAGE_SIZE}`
      : `${channel}/messages?$top=${PAGE_SIZE}`;
    const pages = threaded || bound !== undefined ? maxPages : Math.min(maxPages, UNBOUNDED_PAGES);
    const call = threaded ? 'list replies' : 'list channel messages';
    let next: string | undefined = url;
    for (let page = 0; next !== undefined && page < Math.max(1, pages); page += 1) {
      const result = await this.#page(call, next, threaded);
      if (result === undefined) return undefined;
      const found = result.value.find((m) => this.#isMatch(m, search.key, bound));
      if (found !== undefined) return { id: found.id };
      if (bound !== undefined && olderThroughout(result.value, bound)) return undefined;
      next = result['@odata.nextLink'];
    }
    return undefined;
  }

  #isMatch(message: GraphChatMessage, key: string, bound: number | undefined): boolean {
    if (message.messageType !== 'message' || message.deletedDateTime) return false;
    if (message.from?.application?.id !== this.#options.appId) return false;
    if (bound !== undefined && Date.parse(message.createdDateTime) < bound) return false;
    return carriesMarker(decodeHTML(message.body.content ?? ''), key);
  }

  /** One page; undefined for replies of a thread Graph does not know (404). */
  async #page(call: string, url: string, threaded: boolean): Promise<ChatMessagePage | undefined> {
    if (new URL(url).origin !== new URL(this.#root).origin) {
      throw new IntegrationError('Unavailable', `Teams ${call}: next page on another host`, {
        integration: TEAMS,
      });
    }
    const token = await this.#options.token();
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      throw new IntegrationError('Unavailable', `Teams ${call}: request failed`, {
        integration: TEAMS,
        cause: error,
      });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (threaded && response.status === 404) return undefined;
    if (!response.ok) throw graphIntegrationError(call, response, body);
    const parsed = chatMessagePageSchema.safeParse(body);
    if (!parsed.success) {
      throw new IntegrationError('Unavailable', `Teams ${call}: unexpected answer`, { integration: TEAMS });
    }
    return parsed.data;
  }
}

/** True when the page is newest first and even its newest message predates `bound`. */
function olderThroughout(messages: readonly GraphChatMessage[], bound: number): boolean {
  const times = messages.map((m) => Date.parse(m.createdDateTime));
  const descending = times.every((t, i) => i === 0 || t <= (times[i - 1] ?? t));
  return times.length > 0 && descending && (times[0] ?? bound) < bound;
}
