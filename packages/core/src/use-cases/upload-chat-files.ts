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
 * Zendesk deletes an upload its token has not attached within 60 minutes
 * (https://support.zendesk.com/hc/en-us/articles/4408887057946). A token recorded longer ago than
 * this (its record's creation: the upload came at or after it) is not reused: the file is
 * uploaded again under the next generation of its key.
 */
export const UPLOAD_TOKEN_REUSE_MS = 50 * 60_000;

/**
 * The key to record a file's upload under: the first generation whose record is missing, not yet
 * done, or recent enough that its token is still alive. Every run computes the same one, so two
 * overlapping retries still upload once.
 */
async function liveUploadKey(deps: Pick<BotDeps, 'repo' | 'clock'>, base: string): Promise<string> {
  const now = deps.clock.now().getTime();
  for (let generation = 0; ; generation += 1) {
    const key = generation === 0 ? base : `${base}:${generation}`;
    const recorded = await deps.repo.findDelivery(key);
    if (recorded === undefined || recorded.state !== 'done') return key;
    if (now - recorded.createdAt.getTime() < UPLOAD_TOKEN_REUSE_MS) return key;
  }
}

/**
 * Copies a chat message's files to the ticket system: each file (with an id, of known size up to
 * `maxAttachmentBytes`) is downloaded from chat and uploaded once, its token recorded before any
 * comment uses it, so a retried comment reuses the token instead of uploading again (unless the
 * token is old enough to have expired: then the file is uploaded again). Larger
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
      const key = await liveUploadKey(deps, fileUploadKey(ref, id));
      const token = await deliverOnce(
        deps,
        { key, kind: 'file-upload', issueId, sourceId: ref.messageId },
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
