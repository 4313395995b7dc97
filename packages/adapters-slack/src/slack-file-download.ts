import { type ChatFile, type FileContent, IntegrationError } from '@zenslackchat/core';
import { SLACK } from './slack-errors.ts';

/** Where Slack serves private files (https://docs.slack.dev/reference/objects/file-object). */
export const SLACK_FILES_ORIGIN = 'https://files.slack.com';

/** What a download needs: the bot token, the origins the token may be sent to, a timeout. */
export interface SlackDownloadOptions {
  readonly token: string;
  readonly allowedOrigins: readonly string[];
  readonly timeoutMs: number;
}

/**
 * GETs a file's `url_private_download` with `Authorization: Bearer <bot token>`, as Slack's file
 * object page says private URLs are fetched. The token goes only to Slack's own origins. Without
 * `files:read` Slack answers a sign-in page (HTML) rather than an error status: that is
 * `Unauthorized`, not a file.
 */
export async function downloadSlackFile(file: ChatFile, options: SlackDownloadOptions): Promise<FileContent> {
  const url = file.downloadUrl;
  if (url === undefined || !URL.canParse(url)) throw refused('Invalid', 'the file has no download url');
  if (!options.allowedOrigins.includes(new URL(url).origin)) {
    throw refused('Invalid', 'the file is not served by Slack; the token is not sent there');
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${options.token}` },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    throw new IntegrationError('Unavailable', 'slack file download failed', { integration: SLACK, cause });
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    throw new IntegrationError('RateLimited', 'slack file download rate limited', {
      integration: SLACK,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }
  if (response.status === 404 || response.status === 410) throw refused('NotFound', 'the file is gone');
  if (response.status === 401 || response.status === 403)
    throw refused('Unauthorized', 'file download refused');
  if (!response.ok) {
    throw new IntegrationError('Unavailable', `slack file download answered ${response.status}`, {
      integration: SLACK,
    });
  }
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    throw refused('Unauthorized', 'slack answered a sign-in page (is files:read granted?)');
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', bytes };
}

function refused(reason: 'Invalid' | 'NotFound' | 'Unauthorized', message: string): IntegrationError {
  return new IntegrationError(reason, `slack file download: ${message}`, {
    integration: SLACK,
    retryable: false,
  });
}
