import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeSlackState } from './fake-slack-state.ts';
import type { SlackAnswer } from './fake-slack-wire.ts';

/** A file the bot uploads into the fake with the external upload flow, and where it was shared. */
export interface FakeUploadedFile {
  readonly id: string;
  readonly name: string;
  readonly length: number;
  readonly title?: string;
  /** Set once the bytes reached the upload URL. */
  bytes?: Uint8Array;
  /** Shares by `files.completeUploadExternal`, oldest first. */
  readonly shares: { readonly channel: string; readonly threadTs?: string; readonly ts: string }[];
}

/** The largest body the fake upload URL accepts (the fake's own bound, not Slack's). */
const MAX_UPLOAD = 64 * 1024 * 1024;
const fail = (error: string, extra: Record<string, unknown> = {}): SlackAnswer => ({
  ok: false,
  error,
  ...extra,
});

/** Files uploaded with files.getUploadURLExternal / the upload URL / files.completeUploadExternal. */
export class FakeSlackUploads {
  readonly #origin: string;
  readonly byId = new Map<string, FakeUploadedFile>();
  /** Scopes the bot token lacks (e.g. `files:write`): the upload methods answer `missing_scope`. */
  readonly missingScopes = new Set<string>();
  #next = 1;

  constructor(origin: string) {
    this.#origin = origin;
  }

  /** Files shared in a thread (or at the top level of `channel` when `threadTs` is absent), oldest first. */
  sharedIn(channel: string, threadTs?: string): readonly FakeUploadedFile[] {
    return [...this.byId.values()].filter((f) =>
      f.shares.some((s) => s.channel === channel && s.threadTs === threadTs),
    );
  }

  // https://api.slack.com/methods/files.getUploadURLExternal — `{ ok, upload_url, file_id }`;
  // `filename` and `length` are required. Without the `files:write` scope every method answers
  // `missing_scope` with `needed` and `provided` (https://api.slack.com/web#errors).
  getUploadUrl(params: Readonly<Record<string, unknown>>): SlackAnswer {
    if (this.missingScopes.has('files:write')) return this.#missingScope();
    const filename = typeof params.filename === 'string' ? params.filename : '';
    const length = Number(params.length);
    if (filename === '') return fail('invalid_arguments');
    if (!Number.isInteger(length) || length < 1) return fail('invalid_arguments');
    const id = `F0UP${String(this.#next++).padStart(5, '0')}`;
    this.byId.set(id, { id, name: filename, length, shares: [] });
    return { ok: true, upload_url: `${this.#origin}/upload/v1/${id}`, file_id: id };
  }

  /**
   * POST to the upload URL with the raw bytes: Slack "will return HTTP 200 if the upload is
   * successful; non-200 otherwise" (https://api.slack.com/methods/files.getUploadURLExternal).
   * An unknown URL is a 404.
   */
  async receive(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const file = this.byId.get(id);
    if (file === undefined || req.method !== 'POST') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_UPLOAD) return void res.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    file.bytes = new Uint8Array(Buffer.concat(chunks));
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`OK - ${size}`);
  }

  // https://api.slack.com/methods/files.completeUploadExternal — `files` (a JSON array of
  // `{ id, title }`) is required; `channel_id` and `thread_ts` share the files as a reply. The
  // answer is `{ ok, files: [file objects] }`. A file id that never got its bytes: `file_not_found`.
  complete(state: FakeSlackState, params: Readonly<Record<string, unknown>>): SlackAnswer {
    if (this.missingScopes.has('files:write')) return this.#missingScope();
    let entries: unknown;
    try {
      entries = typeof params.files === 'string' ? JSON.parse(params.files) : params.files;
    } catch {
      return fail('invalid_arguments');
    }
    if (!Array.isArray(entries) || entries.length === 0) return fail('invalid_arguments');
    const channel =
      typeof params.channel_id === 'string' && params.channel_id !== '' ? params.channel_id : undefined;
    if (channel !== undefined && !state.hasChannel(channel)) return fail('channel_not_found');
    const threadTs =
      typeof params.thread_ts === 'string' && params.thread_ts !== '' ? params.thread_ts : undefined;
    const files: FakeUploadedFile[] = [];
    for (const entry of entries as { id?: unknown; title?: unknown }[]) {
      const file = typeof entry?.id === 'string' ? this.byId.get(entry.id) : undefined;
      if (file?.bytes === undefined) return fail('file_not_found');
      files.push(file);
    }
    for (const file of files) {
      if (channel !== undefined)
        file.shares.push({ channel, ts: state.nextTs(), ...(threadTs === undefined ? {} : { threadTs }) });
    }
    return { ok: true, files: files.map((file) => this.fileObject(state, file)) };
  }

  // https://api.slack.com/methods/files.info — `{ ok, file }`; the file object's `shares`
  // (https://docs.slack.dev/reference/objects/file-object) maps each channel to its shares, each
  // with `ts` and, for a reply, `thread_ts`. An unknown id: `file_not_found`.
  info(state: FakeSlackState, params: Readonly<Record<string, unknown>>): SlackAnswer {
    const file = typeof params.file === 'string' ? this.byId.get(params.file) : undefined;
    if (file === undefined) return fail('file_not_found');
    return { ok: true, file: this.fileObject(state, file) };
  }

  fileObject(state: FakeSlackState, file: FakeUploadedFile): Record<string, unknown> {
    const shares: Record<string, { ts: string; thread_ts?: string; reply_count: number }[]> = {};
    for (const share of file.shares) {
      shares[share.channel] = [
        ...(shares[share.channel] ?? []),
        {
          ts: share.ts,
          reply_count: 0,
          ...(share.threadTs === undefined ? {} : { thread_ts: share.threadTs }),
        },
      ];
    }
    return {
      id: file.id,
      name: file.name,
      title: file.title ?? file.name,
      size: file.bytes?.byteLength ?? file.length,
      user: state.identity.botUserId,
      channels: Object.keys(shares),
      shares: file.shares.length === 0 ? {} : { public: shares },
    };
  }

  #missingScope(): SlackAnswer {
    return fail('missing_scope', { needed: 'files:write', provided: 'chat:write,channels:history' });
  }
}
