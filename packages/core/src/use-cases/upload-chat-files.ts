import type { ChatFile } from '../domain/chat-event.ts';
import { isIntegrationError } from '../errors.ts';
import type { BotDeps } from './bot-deps.ts';
import { deliverOnce } from './deliver-once.ts';
import { externalIdOf, type MessageRef } from './delivery-keys.ts';

/** A chat message's files as they reach a ticket: upload tokens, and the files only linked (those with a url). */
export interface UploadedFiles {
  readonly uploads: readonly string[];
  readonly linked: readonly ChatFile[];
}

/** The delivery key of one file of one chat message: its upload token is recorded under it. */
export function fileUploadKey(ref: MessageRef, fileId: string): string {
  return `file-upload:${externalIdOf(ref)}:${fileId}`;
}

/**
 * Copies a chat message's files to the ticket system: each file (with an id, of known size up to
 * `maxAttachmentBytes`) is downloaded from chat and uploaded once, its token recorded before any
 * comment uses it, so a retried comment reuses the token instead of uploading again. Larger
 * files, files without an id, and every file when either port cannot move files are linked.
 */
export async function uploadChatFiles(
  deps: Pick<BotDeps, 'chat' | 'tickets' | 'repo' | 'clock' | 'settings' | 'logger'>,
  issueId: string,
  ref: MessageRef,
  files: readonly ChatFile[],
): Promise<UploadedFiles> {
  const download = deps.chat.downloadFile?.bind(deps.chat);
  const upload = deps.tickets.uploadFile?.bind(deps.tickets);
  const uploads: string[] = [];
  const linked: ChatFile[] = [];
  for (const file of files) {
    const { id, size } = file;
    const copyable = id !== undefined && size !== undefined && size <= deps.settings.maxAttachmentBytes;
    if (!copyable || download === undefined || upload === undefined) {
      // Named in the comment either way; linked when there is somewhere to open it.
      if (file.url !== undefined) linked.push(file);
      continue;
    }
    try {
      const token = await deliverOnce(
        deps,
        { key: fileUploadKey(ref, id), kind: 'file-upload', issueId, sourceId: ref.messageId },
        { perform: async () => (await upload(await download(file))).token },
      );
      uploads.push(token);
    } catch (error) {
      // A refusal that a retry cannot change (no `files:read` scope, a deleted file): link it.
      if (!isIntegrationError(error) || error.retryable) throw error;
      deps.logger.warn(
        { issueId, reason: error.reason },
        'chat file not copied to the ticket; linked instead',
      );
      if (file.url !== undefined) linked.push(file);
    }
  }
  return { uploads, linked };
}
