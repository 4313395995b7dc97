import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeMessage } from './fake-slack-state.ts';
import { messageEventOf } from './message-event-of.ts';

/** A file someone shares in the fake Slack. */
export interface FakeFileInput {
  readonly name: string;
  readonly mimetype: string;
  readonly bytes: Uint8Array;
}

interface StoredFile extends FakeFileInput {
  readonly id: string;
  readonly user: string;
}

/** Files shared in the fake and the private download URL that serves them to a bot token. */
export class FakeSlackFiles {
  readonly #origin: string;
  readonly #teamId: string;
  readonly #files = new Map<string, StoredFile>();
  /** How many times each file was downloaded with a valid token. */
  readonly downloads = new Map<string, number>();
  #next = 1;

  constructor(origin: string, teamId: string) {
    this.#origin = origin;
    this.#teamId = teamId;
  }

  /**
   * Stores a file and returns Slack's file object for it, with the fields of
   * https://docs.slack.dev/reference/objects/file-object (id, created, timestamp, name, title,
   * mimetype, filetype, pretty_type, user, size, mode, is_external, is_public, url_private,
   * url_private_download, permalink, permalink_public).
   */
  add(file: FakeFileInput, user: string): Record<string, unknown> {
    const id = `F0FAKE${String(this.#next++).padStart(4, '0')}`;
    this.#files.set(id, { ...file, id, user });
    const now = Math.floor(Date.now() / 1000);
    const privatePath = `${this.#origin}/files-pri/${this.#teamId}-${id}`;
    const filetype = file.name.includes('.') ? (file.name.split('.').pop() ?? 'binary') : 'binary';
    return {
      id,
      created: now,
      timestamp: now,
      name: file.name,
      title: file.name,
      mimetype: file.mimetype,
      filetype,
      pretty_type: filetype.toUpperCase(),
      user,
      size: file.bytes.byteLength,
      mode: 'hosted',
      is_external: false,
      is_public: true,
      url_private: `${privatePath}/${encodeURIComponent(file.name)}`,
      url_private_download: `${privatePath}/download/${encodeURIComponent(file.name)}`,
      permalink: `https://fake.slack.com/files/${user}/${id}/${encodeURIComponent(file.name)}`,
      permalink_public: `https://slack-files.com/${this.#teamId}-${id}-0000`,
    };
  }

  /**
   * GET /files-pri/{team}-{id}/download/{name} with `Authorization: Bearer <token>`: the bytes.
   * Without a valid token Slack does not answer 401 but a sign-in page (HTML), which this fake
   * plays as a 200 `text/html` answer; an unknown file is a 404.
   */
  serve(req: IncomingMessage, res: ServerResponse, tokenIsValid: (token: string) => boolean): void {
    const match = /^\/files-pri\/[^/-]+-([^/]+)\//.exec(new URL(req.url ?? '/', this.#origin).pathname);
    const file = match?.[1] === undefined ? undefined : this.#files.get(match[1]);
    if (file === undefined) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const [scheme, token = ''] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !tokenIsValid(token)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
    }
    this.downloads.set(file.id, (this.downloads.get(file.id) ?? 0) + 1);
    res.writeHead(200, { 'Content-Type': file.mimetype, 'Content-Length': String(file.bytes.byteLength) });
    res.end(Buffer.from(file.bytes));
  }
}

/**
 * The `message` event with subtype `file_share` for a message carrying `files`
 * (https://docs.slack.dev/reference/events/message/file_share): the message fields plus
 * `files` (file objects), `upload: true` and `display_as_bot: false`.
 */
export function fileShareEventOf(
  message: FakeMessage,
  teamId: string,
  files: readonly Record<string, unknown>[],
): Record<string, unknown> {
  return {
    ...messageEventOf(message, teamId),
    subtype: 'file_share',
    files,
    upload: true,
    display_as_bot: false,
  };
}
