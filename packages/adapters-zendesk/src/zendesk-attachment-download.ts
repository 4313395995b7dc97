import { type FileContent, IntegrationError, type TicketAttachment } from '@zenslackchat/core';
import { readErrorBody } from './zendesk-error-body.ts';
import { errorForStatus, errorForTransport } from './zendesk-errors.ts';

const integration = 'zendesk';
const operation = 'attachments.download';
// Zendesk answers one redirect (to its download host); a few more are tolerated, never a loop.
const MAX_REDIRECTS = 5;

/** What a download needs: where credentials may go, how to get them, how much and how long. */
export interface AttachmentDownloadOptions {
  /** The account's origin (the API's); the only origin credentials are sent to. */
  readonly zendeskOrigin: string;
  /** The `Authorization` header value for the account's host. */
  readonly authorization: () => Promise<string>;
  /** Larger files are refused without being read past this many bytes (+1). */
  readonly maxBytes: number;
  /** For the whole download, redirects and body included. */
  readonly timeoutMs: number;
}

/**
 * GETs an attachment's `content_url`. Zendesk answers it with a 302 to a temporary download URL
 * on another host, and with "private attachments" on wants the API's credentials for it
 * (https://developer.zendesk.com/documentation/ticketing/managing-tickets/accessing-end-user-uploaded-attachments/).
 * The URL "may be hosted externally" and credentials must not leak there
 * (https://developer.zendesk.com/documentation/ticketing/managing-tickets/working-with-url-properties/):
 * redirects are followed by hand and the `Authorization` header goes to the account's own origin
 * only, never to the download host. The body is read up to `maxBytes`: a larger file (declared or
 * streamed) is `Invalid`, not retryable, and its download is cancelled. 404/410 → `NotFound` (the
 * file was deleted or redacted), 401/403 → `Unauthorized`, 429 → `RateLimited` with Retry-After,
 * 5xx, timeouts and dropped connections → `Unavailable` (retryable).
 */
export async function downloadAttachment(
  attachment: TicketAttachment,
  options: AttachmentDownloadOptions,
): Promise<FileContent> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parsedUrl(attachment.url);
  for (let redirects = 0; ; redirects++) {
    const onZendesk = url.origin === options.zendeskOrigin;
    const headers: Record<string, string> = onZendesk ? { authorization: await options.authorization() } : {};
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw errorForTransport(operation, error);
    }
    if (response.status >= 300 && response.status < 400) {
      await discard(response);
      const location = response.headers.get('location');
      if (location === null || redirects >= MAX_REDIRECTS) throw refused('Invalid', 'a redirect without end');
      url = parsedUrl(location, url);
      continue;
    }
    if (!response.ok) {
      await discard(response);
      // A file gone for good reads as a deleted one, whichever host says so.
      const status = response.status === 410 ? 404 : response.status;
      throw errorForStatus(status, response.headers.get('retry-after'), operation, readErrorBody(undefined));
    }
    // The account's host answering a page instead of redirecting is its sign-in page.
    if (onZendesk && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await discard(response);
      throw refused('Unauthorized', 'zendesk answered a sign-in page, not the file');
    }
    const bytes = await readBounded(response, options.maxBytes);
    const mimeType =
      attachment.mimeType ?? mediaType(response.headers.get('content-type')) ?? 'application/octet-stream';
    return { name: attachment.name, mimeType, bytes };
  }
}

// Reads the body, never holding more than `maxBytes` + one chunk; cancels it once past the limit.
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    throw tooLarge(maxBytes);
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof IntegrationError) throw error;
    throw errorForTransport(operation, error);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parsedUrl(value: string, base?: URL): URL {
  const url = URL.canParse(value, base?.href) ? new URL(value, base) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw refused('Invalid', 'the attachment has no http(s) url');
  }
  return url;
}

function mediaType(header: string | null): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : undefined;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function tooLarge(maxBytes: number): IntegrationError {
  return refused('Invalid', `the attachment is larger than ${maxBytes} bytes`);
}

function refused(reason: 'Invalid' | 'Unauthorized', message: string): IntegrationError {
  return new IntegrationError(reason, `zendesk attachment download: ${message}`, {
    integration,
    retryable: false,
    vendor: { call: operation, description: message },
  });
}
