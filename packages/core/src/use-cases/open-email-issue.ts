import type { Issue } from '../domain/issue.ts';
import type { EmailTicketNotice } from '../domain/notices.ts';
import type { Ticket } from '../domain/ticket.ts';
import { emailThreadOpening, emailTicketNote, ticketConfirmation } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { commentHash } from './comment-hash.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys, externalIdOf } from './delivery-keys.ts';
import { findWrittenComment } from './find-written-comment.ts';
import type { EmailOutcome } from './outcomes.ts';
import { postOnCallNotice } from './post-on-call-notice.ts';
import { postOnce } from './post-once.ts';

/**
 * An emailed ticket opens a chat thread: claim the ticket, post its subject and opening text top
 * level in the support channel, record the thread, link the ticket to it, leave an internal note
 * with the chat link, then post the ticket link and who is on call in the thread. A redelivery
 * finishes a half-done run and otherwise does nothing; a ticket the bot already tracks from chat
 * is ignored.
 */
export async function openEmailIssue(ctx: BotContext, notice: EmailTicketNotice): Promise<EmailOutcome> {
  const ticket = await ctx.tickets.getTicket(notice.ticketId);
  if (ticket === undefined) {
    ctx.logger.warn({ ticketId: notice.ticketId }, 'email notice for an unknown ticket ignored');
    return { outcome: 'ignored', reason: 'unknown-ticket' };
  }
  const { settings, chat } = ctx;
  const claim = await ctx.repo.claimTicket({
    platform: chat.platform,
    channel: settings.supportChannel,
    ticketId: ticket.id,
    openedAt: ctx.clock.now(),
    summary: ticket.subject,
  });
  let issue = claim.issue;
  if (issue.source !== 'email') {
    ctx.logger.info({ ticketId: ticket.id, issueId: issue.id }, 'email notice for a chat ticket ignored');
    return { outcome: 'ignored', reason: 'already-tracked' };
  }
  // Before the thread exists, so a comment notice never forwards the email's own text.
  if (issue.commentCursor === null && ticket.firstCommentId !== null) {
    await ctx.repo.setCommentCursor(issue.id, ticket.firstCommentId);
  }
  const threadId = issue.threadId ?? (await openThread(ctx, issue, ticket));
  issue = { ...issue, threadId };
  await linkTicket(ctx, ticket, issue, threadId);
  await writeNote(ctx, issue, ticket.id, threadId);
  if (ctx.settings.emailAcknowledgement !== undefined) {
    await writeComment(ctx, issue, ticket.id, deliveryKeys.emailAck(ticket.id), {
      body: ctx.settings.emailAcknowledgement,
      public: true,
    });
  }
  await postOnce(ctx, {
    key: deliveryKeys.confirm(issue.id),
    kind: 'bot-message',
    issueId: issue.id,
    channel: issue.channel,
    threadId,
    text: () => ticketConfirmation(ctx.tickets.ticketUrl(ticket.id)),
  });
  await postOnCallNotice(ctx, { issueId: issue.id, channel: issue.channel, threadId });
  ctx.logger.info({ issueId: issue.id, ticketId: ticket.id, threadId }, 'email issue opened');
  return { outcome: 'thread-opened', issueId: issue.id, ticketId: ticket.id, threadId };
}

async function openThread(ctx: BotContext, issue: Issue, ticket: Ticket): Promise<string> {
  const threadId = await postOnce(ctx, {
    key: deliveryKeys.emailThread(ticket.id),
    kind: 'bot-message',
    issueId: issue.id,
    channel: issue.channel,
    text: () => emailThreadOpening(ticket.subject, ticket.description),
    overflowUrl: ctx.tickets.ticketUrl(ticket.id),
  });
  await ctx.repo.attachThread(issue.id, threadId);
  return threadId;
}

async function writeNote(ctx: BotContext, issue: Issue, ticketId: string, threadId: string) {
  const key = deliveryKeys.emailNote(ticketId);
  if ((await ctx.repo.findDelivery(key))?.state === 'done') return;
  const note = { body: emailTicketNote(await ctx.chat.permalink(issue.channel, threadId)), public: false };
  await writeComment(ctx, issue, ticketId, key, note);
}

/** Writes one bot comment on the ticket once per key (a retry finds the first). */
async function writeComment(
  ctx: BotContext,
  issue: Issue,
  ticketId: string,
  key: string,
  note: { readonly body: string; readonly public: boolean },
) {
  if ((await ctx.repo.findDelivery(key))?.state === 'done') return;
  await deliverOnce(
    ctx,
    {
      key,
      kind: 'bot-comment',
      issueId: issue.id,
      sourceId: null,
      contentHash: await commentHash(note.body),
    },
    {
      perform: async () => (await ctx.tickets.addComment(ticketId, note)).id,
      find: () => findWrittenComment(ctx, ticketId, note, 'bot-comment'),
    },
  );
}

async function linkTicket(ctx: BotContext, ticket: Ticket, issue: Issue, threadId: string) {
  const { ticketGroupId, ticketAssigneeId } = ctx.settings;
  const externalId = externalIdOf({ platform: issue.platform, channel: issue.channel, messageId: threadId });
  const linked =
    ticket.externalId === externalId &&
    (ticketGroupId === undefined || ticket.groupId === ticketGroupId) &&
    (ticketAssigneeId === undefined || ticket.assigneeId === ticketAssigneeId);
  if (linked) return;
  await ctx.tickets.linkTicket(ticket.id, {
    externalId,
    ...(ticketGroupId !== undefined && { groupId: ticketGroupId }),
    ...(ticketAssigneeId !== undefined && { assigneeId: ticketAssigneeId }),
  });
}
