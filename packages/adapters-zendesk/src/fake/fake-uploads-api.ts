import { randomBytes } from 'node:crypto';
import { FakeFiles, type FakeStoredFile } from './fake-attachments.ts';
import { apiError, type FakeResponse } from './fake-records.ts';

/** Uploads by token; a token attaches its file to one comment, as Zendesk's do. */
export class FakeUploads {
  readonly byToken = new Map<string, FakeStoredFile>();
  readonly #files: FakeFiles;

  constructor(files: FakeFiles) {
    this.#files = files;
  }

  /**
   * POST /api/v2/uploads?filename=… with the raw bytes. Zendesk answers 201 with
   * `{ upload: { token, expires_at, attachment, attachments } }`
   * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#upload-files);
   * no `filename` is a 400 here. The file is kept, bytes and size, and served at its `content_url`.
   */
  create(query: Readonly<Record<string, string>>, body: unknown, contentType: string): FakeResponse {
    const fileName = query.filename;
    if (!fileName) return apiError(400, 'InvalidValue', 'filename is required');
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const file = this.#files.add(fileName, contentType, bytes);
    const token = randomBytes(12).toString('hex');
    this.byToken.set(token, file);
    // https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#json-format
    const attachment = {
      ...FakeFiles.attachmentOf(file),
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

  /** The files a comment's `uploads` names; undefined when a token is unknown. */
  take(tokens: readonly string[] | undefined): FakeStoredFile[] | undefined {
    const files: FakeStoredFile[] = [];
    for (const token of tokens ?? []) {
      const file = this.byToken.get(token);
      if (file === undefined) return undefined;
      files.push(file);
    }
    return files;
  }
}
