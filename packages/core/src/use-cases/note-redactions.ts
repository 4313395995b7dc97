import type { Issue } from '../domain/issue.ts';
import { isIntegrationError } from '../errors.ts';
import { redactedCommentMessage } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys } from './delivery-keys.ts';

/**
 * Rewrites the chat message of each forwarded ticket comment that was redacted since: it then
 * says the comment was redacted, once per comment (a delivery record), so the redacted text does
 * not stay readable in chat. Comments never forwarded (internal notes, the bot's own) have no
 * message and are passed over. A platform that cannot edit messages, or a message gone, leaves
 * the message as it is with a log line; a retryable failure is thrown so the notice is retried.
 */
export async function noteRedactions(
  ctx: BotContext,
  issue: Issue,
  commentIds: readonly string[],
): Promise<number> {
  const update = ctx.chat.updateMessage?.bind(ctx.chat);
  let rewritten = 0;
  for (const commentId of commentIds) {
    const forwarded = await ctx.repo.findDelivery(deliveryKeys.ticketToChat(commentId));
    if (forwarded?.state !== 'done' || forwarded.targetId === null) continue;
    const messageId = forwarded.targetId;
    if (update === undefined) {
      ctx.logger.info(
        { issueId: issue.id, commentId },
        'redacted comment left in chat: the platform cannot edit',
      );
      continue;
    }
    try {
      await deliverOnce(
        ctx,
        {
          key: deliveryKeys.chatRedaction(commentId),
          kind: 'chat-redaction',
          issueId: issue.id,
          sourceId: commentId,
        },
        {
          perform: async () => {
            await update({
              channel: issue.channel,
              ...(issue.threadId === null ? {} : { threadId: issue.threadId }),
              messageId,
              text: redactedCommentMessage,
            });
            return messageId;
          },
        },
      );
      rewritten += 1;
    } catch (error) {
      if (!isIntegrationError(error) || error.retryable) throw error;
      ctx.logger.warn(
        { issueId: issue.id, commentId, reason: error.reason },
        'redacted comment not rewritten in chat',
      );
    }
  }
  return rewritten;
}
