import type { TicketAttachment, TicketComment } from '../domain/ticket.ts';
import { IntegrationError, isIntegrationError } from '../errors.ts';
import type { BotDeps } from './bot-deps.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys } from './delivery-keys.ts';

/** A ticket comment's files as the chat message names them: a link only when not copied into the thread. */
export interface SharedFile {
  readonly name: string;
  /** Absent when the file itself is in the thread. */
  readonly url?: string;
}

/** Where the comment's files go: its issue and chat thread. */
export interface FileTarget {
  readonly issueId: string;
  readonly channel: string;
  readonly threadId: string;
}

/**
 * Copies a public ticket comment's attachments into its chat thread before the comment itself is
 * posted, each exactly once: the attachment is downloaded from the ticket system and uploaded to
 * chat (not shown yet), the chat file id recorded (`ticket-file`); then the file is shown in the
 * thread under a second record (`ticket-file-share`), whose retry asks `isFileShared` first. A
 * crash at any point repeats at most the invisible upload. Files above `maxAttachmentBytes`,
 * without an id, every file when a port cannot move files, and files the platforms refuse for
 * good (no `files:write` scope, a deleted attachment) are linked; a failure a retry may fix is
 * thrown. Returns every file, with its link when it was not copied.
 */
export async function shareTicketFiles(
  deps: Pick<BotDeps, 'chat' | 'tickets' | 'repo' | 'clock' | 'settings' | 'logger'>,
  target: FileTarget,
  comment: TicketComment,
): Promise<readonly SharedFile[]> {
  const shared: SharedFile[] = [];
  for (const attachment of comment.attachments) {
    const copied = await copyOne(deps, target, comment.id, attachment);
    shared.push(copied ? { name: attachment.name } : { name: attachment.name, url: attachment.url });
  }
  return shared;
}

/** Copies one attachment; false when it is to be linked instead. */
async function copyOne(
  deps: Pick<BotDeps, 'chat' | 'tickets' | 'repo' | 'clock' | 'settings' | 'logger'>,
  target: FileTarget,
  commentId: string,
  attachment: TicketAttachment,
): Promise<boolean> {
  const { chat, tickets, settings } = deps;
  const download = tickets.downloadAttachment?.bind(tickets);
  const upload = chat.uploadFile?.bind(chat);
  const share = chat.shareFile?.bind(chat);
  const isShared = chat.isFileShared?.bind(chat);
  const { id, size } = attachment;
  const tooLarge = size !== undefined && size > settings.maxAttachmentBytes;
  if (id === undefined || tooLarge || !download || !upload || !share) return false;
  const intent = { issueId: target.issueId, sourceId: commentId };
  try {
    const fileId = await deliverOnce(
      deps,
      { ...intent, key: deliveryKeys.ticketFile(commentId, id), kind: 'ticket-file' },
      {
        perform: async () => {
          const content = await download(attachment);
          // The size a ticket system reports may be missing; the bytes are what counts.
          if (content.bytes.byteLength > settings.maxAttachmentBytes) {
            throw new IntegrationError('Invalid', 'attachment above the size limit', { retryable: false });
          }
          return (await upload(content)).id;
        },
      },
    );
    const place = { fileId, channel: target.channel, threadId: target.threadId };
    await deliverOnce(
      deps,
      { ...intent, key: deliveryKeys.ticketFileShare(commentId, id), kind: 'ticket-file-share' },
      {
        perform: async () => {
          await share(place);
          return fileId;
        },
        ...(isShared && { find: async () => ((await isShared(place)) ? fileId : undefined) }),
      },
    );
    return true;
  } catch (error) {
    // Only a refusal a retry cannot change links the file; anything else retries the job.
    if (!isIntegrationError(error) || error.retryable) throw error;
    deps.logger.warn(
      { issueId: target.issueId, commentId, reason: error.reason, error: error.message },
      'ticket file not copied to chat; linked instead',
    );
    return false;
  }
}
