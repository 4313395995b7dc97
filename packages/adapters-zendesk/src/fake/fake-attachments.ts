import { randomBytes } from 'node:crypto';
import { apiError, type FakeAttachment, type FakeResponse } from './fake-records.ts';

/** A file the fake holds: uploaded through the API, or attached by a person in the UI. */
export interface FakeStoredFile {
  readonly id: number;
  /** The token of its `content_url` (not the upload token). */
  readonly token: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** `{origin}/attachments/token/{token}/?name={file name}`, as Zendesk's `content_url`. */
  readonly contentUrl: string;
  /** Deleted or redacted by an agent: its URL answers 404 from then on. */
  deleted: boolean;
}

/** A request the fake's CDN received, for tests about where credentials went. */
export interface FakeCdnRequest {
  readonly path: string;
  /** The `Authorization` header, when the caller sent one (it must not). */
  readonly authorization: string | undefined;
}

/** How long a CDN link from a `content_url` redirect stays valid. */
const GRANT_LIFETIME_MS = 5 * 60 * 1000;

/**
 * The fake's attachment files and the two hosts that serve them, as Zendesk serves attachments
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/): a comment's
 * attachment has a `content_url` on the account's own host, `/attachments/token/{token}/?name=…`;
 * a GET of it answers 302 with a `Location` of a temporary download URL, on another host
 * (https://developer.zendesk.com/documentation/ticketing/managing-tickets/accessing-end-user-uploaded-attachments/).
 * With private attachments on, the `content_url` wants the API's credentials (an API token or
 * OAuth token) and refuses a request without them. The content URL "may be hosted externally", so
 * credentials must never follow it elsewhere
 * (https://developer.zendesk.com/documentation/ticketing/managing-tickets/working-with-url-properties/):
 * this CDN refuses a request that carries an `Authorization` header (400), as a presigned S3 URL
 * does, and records every request it gets.
 */
export class FakeFiles {
  readonly byToken = new Map<string, FakeStoredFile>();
  readonly byId = new Map<number, FakeStoredFile>();
  /** Every request the CDN host received, oldest first. */
  readonly cdnRequests: FakeCdnRequest[] = [];
  /** When on, a `content_url` is served only to authenticated agents (Zendesk's "private attachments"). */
  privateAttachments = false;
  readonly #origin: string;
  readonly #cdnOrigin: string;
  readonly #grants = new Map<string, { readonly token: string; readonly expires: number }>();
  #nextId = 498483;

  /** `origin`: the account's host (the API's origin); `cdnOrigin`: the download host. */
  constructor(origin: string, cdnOrigin: string) {
    this.#origin = origin;
    this.#cdnOrigin = cdnOrigin;
  }

  /** Stores a file and returns it with its id and `content_url`. */
  add(fileName: string, contentType: string, bytes: Uint8Array): FakeStoredFile {
    const token = randomBytes(12).toString('hex');
    const file: FakeStoredFile = {
      id: this.#nextId++,
      token,
      fileName,
      contentType,
      bytes: Buffer.from(bytes),
      contentUrl: `${this.#origin}/attachments/token/${token}/?name=${encodeURIComponent(fileName)}`,
      deleted: false,
    };
    this.byToken.set(token, file);
    this.byId.set(file.id, file);
    return file;
  }

  /** A comment's attachment record for a stored file (real id and size). */
  static attachmentOf(file: FakeStoredFile): FakeAttachment {
    return {
      id: file.id,
      file_name: file.fileName,
      content_url: file.contentUrl,
      content_type: file.contentType,
      size: file.bytes.byteLength,
    };
  }

  /** Whether a path is a `content_url` path of the account's host. */
  static isContentPath(path: string): boolean {
    return /^\/attachments\/token\/[^/]+\/?$/.test(path);
  }

  /**
   * `GET /attachments/token/{token}/`: 404 for an unknown or deleted file; with private
   * attachments on, 401 unless `authenticated` (Zendesk documents that the URL then needs the
   * API's credentials, not the status it answers without them: the API's own 401 here); else 302
   * to a CDN link valid for a few minutes.
   */
  serveContent(path: string, authenticated: boolean, now: number = Date.now()): FakeResponse {
    const token = /^\/attachments\/token\/([^/]+)\/?$/.exec(path)?.[1] ?? '';
    const file = this.byToken.get(token);
    if (file === undefined || file.deleted) return apiError(404, 'RecordNotFound', 'Not found');
    if (this.privateAttachments && !authenticated) return apiError(401, "Couldn't authenticate you");
    const grant = randomBytes(16).toString('hex');
    this.#grants.set(grant, { token, expires: now + GRANT_LIFETIME_MS });
    const location = `${this.#cdnOrigin}/attachment/${grant}/${encodeURIComponent(file.fileName)}`;
    return { status: 302, headers: { location }, body: '' };
  }

  /**
   * `GET /attachment/{grant}/{name}` on the CDN host: 400 when the request carries an
   * `Authorization` header, 403 for an unknown or expired link, 404 for a file deleted since, else
   * the bytes with their content type and length.
   */
  serveCdn(path: string, authorization: string | undefined, now: number = Date.now()): FakeResponse {
    this.cdnRequests.push({ path, authorization });
    if (authorization !== undefined) {
      return {
        status: 400,
        body: 'Only one auth mechanism allowed; the link is already signed, send no Authorization header',
      };
    }
    const grant = this.#grants.get(/^\/attachment\/([^/]+)\//.exec(path)?.[1] ?? '');
    if (grant === undefined || grant.expires < now) return { status: 403, body: 'Request has expired' };
    const file = this.byToken.get(grant.token);
    if (file === undefined || file.deleted) return { status: 404, body: 'Not found' };
    return {
      status: 200,
      headers: { 'content-type': file.contentType, 'content-length': String(file.bytes.byteLength) },
      body: file.bytes,
    };
  }

  /** Deletes (redacts) a file: its `content_url` answers 404 from then on. */
  remove(id: number): void {
    const file = this.byId.get(id);
    if (file === undefined) throw new Error(`fake zendesk: no attachment ${id}`);
    file.deleted = true;
  }
}
