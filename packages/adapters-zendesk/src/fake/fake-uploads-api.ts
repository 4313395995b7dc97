import { randomBytes } from 'node:crypto';
import { apiError, type FakeResponse } from './fake-records.ts';

/** A file uploaded to the fake, waiting for a comment to name its token. */
export interface FakeUpload {
  readonly token: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly url: string;
}

/** Uploads by token; a token attaches its file to one comment, as Zendesk's do. */
export class FakeUploads {
  readonly byToken = new Map<string, FakeUpload>();
  #nextId = 1;

  /**
   * POST /api/v2/uploads?filename=… with the raw bytes. Zendesk answers 201 with
   * `{ upload: { token, expires_at, attachment, attachments } }`
   * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#upload-files);
   * no `filename` is a 400 here.
   */
  create(
    query: Readonly<Record<string, string>>,
    body: unknown,
    contentType: string,
    base: string,
  ): FakeResponse {
    const fileName = query.filename;
    if (!fileName) return apiError(400, 'InvalidValue', 'filename is required');
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const id = this.#nextId++;
    const token = randomBytes(12).toString('hex');
    const url = `${base}/attachments/token/${token}/?name=${encodeURIComponent(fileName)}`;
    const upload = { token, fileName, contentType, bytes, url };
    this.byToken.set(token, upload);
    // https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#json-format
    const attachment = {
      id,
      file_name: fileName,
      content_url: url,
      content_type: contentType,
      size: bytes.byteLength,
      inline: false,
      deleted: false,
      malware_scan_result: 'malware_not_found',
      thumbnails: [],
    };
    const expires = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    return {
      status: 201,
      body: { upload: { token, expires_at: expires, attachment, attachments: [attachment] } },
    };
  }

  /** The attachments a comment's `uploads` names; undefined when a token is unknown. */
  take(tokens: readonly string[] | undefined): { name: string; url: string }[] | undefined {
    const files: { name: string; url: string }[] = [];
    for (const token of tokens ?? []) {
      const upload = this.byToken.get(token);
      if (upload === undefined) return undefined;
      files.push({ name: upload.fileName, url: upload.url });
    }
    return files;
  }
}
