import { type FileContent, IntegrationError } from '@zenslackchat/core';
import { SLACK } from './slack-errors.ts';

/** What sending a file's bytes needs: the origins an upload URL may point at, a timeout. */
export interface SlackUploadOptions {
  readonly allowedOrigins: readonly string[];
  readonly timeoutMs: number;
}

/**
 * POSTs a file's raw bytes to the `upload_url` files.getUploadURLExternal returned
 * (https://api.slack.com/methods/files.getUploadURLExternal: "Files can be sent as raw bytes";
 * Slack answers HTTP 200 when the upload succeeded, non-200 otherwise). The URL is pre-signed, so
 * no token is sent, and only to Slack's own origins. 429 → RateLimited, 5xx and network failures
 * → Unavailable (retried); another refusal is `Invalid`, not retryable (the file is linked).
 */
export async function sendUploadBytes(
  uploadUrl: string,
  file: FileContent,
  options: SlackUploadOptions,
): Promise<void> {
  if (!URL.canParse(uploadUrl) || !options.allowedOrigins.includes(new URL(uploadUrl).origin)) {
    throw new IntegrationError('Unavailable', 'slack file upload: upload_url is not a Slack address', {
      integration: SLACK,
    });
  }
  let response: Response;
  try {
    response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file.bytes,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.arrayBuffer();
  } catch (cause) {
    throw new IntegrationError('Unavailable', 'slack file upload failed', { integration: SLACK, cause });
  }
  if (response.status === 200) return;
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    throw new IntegrationError('RateLimited', 'slack file upload rate limited', {
      integration: SLACK,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }
  const retryable = response.status === 408 || response.status >= 500;
  throw new IntegrationError(
    retryable ? 'Unavailable' : 'Invalid',
    `slack file upload answered ${response.status}`,
    {
      integration: SLACK,
    },
  );
}
