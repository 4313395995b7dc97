import type { DeliveryKind } from '../domain/delivery.ts';
import type { MessageSection } from '../domain/message-section.ts';
import type { BotDeps } from './bot-deps.ts';
import { deliverOnce } from './deliver-once.ts';

/** A message's plain text, or its text with a structured form (see `OutgoingMessage.sections`). */
export type MessageBody = string | { readonly text: string; readonly sections: readonly MessageSection[] };

/** A chat message the bot posts as a recorded delivery. */
export interface OncePost {
  readonly key: string;
  readonly kind: Extract<DeliveryKind, 'bot-message' | 'ticket-to-chat'>;
  readonly issueId: string | null;
  readonly sourceId?: string;
  readonly channel: string;
  readonly threadId?: string;
  /** Built only when the message is actually posted: the text, or the text with its sections. */
  readonly text: () => MessageBody | Promise<MessageBody>;
  readonly overflowUrl?: string;
  /** Work that must be done before the message is posted; repeated on a retry, so it must be idempotent. */
  readonly before?: () => Promise<void>;
}

/** Posts a chat message once per key, asking the chat port's `findMessage` on a retry. Returns its id. */
export function postOnce(
  deps: Pick<BotDeps, 'repo' | 'clock' | 'chat' | 'settings'>,
  post: OncePost,
): Promise<string> {
  const { chat } = deps;
  const thread = post.threadId === undefined ? {} : { threadId: post.threadId };
  const overflow = post.overflowUrl === undefined ? {} : { overflowUrl: post.overflowUrl };
  const find = chat.findMessage?.bind(chat);
  return deliverOnce(
    deps,
    { key: post.key, kind: post.kind, issueId: post.issueId, sourceId: post.sourceId ?? null },
    {
      perform: async () => {
        await post.before?.();
        const body = await post.text();
        const posted = await chat.postMessage({
          channel: post.channel,
          ...thread,
          ...(typeof body === 'string' ? { text: body } : body),
          key: post.key,
          ...overflow,
        });
        return posted.id;
      },
      ...(find && {
        find: async () => {
          // The message cannot predate its delivery record (begun before posting): search from
          // there, not only among the channel's newest messages.
          const since = (await deps.repo.findDelivery(post.key))?.createdAt;
          return (await find(post.channel, post.threadId, post.key, since ? { since } : {}))?.id;
        },
      }),
    },
  );
}
