import multipart from '@fastify/multipart';
import { type FileContent, isIntegrationError } from '@zenslackchat/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { html } from '../html.ts';
import { errorPage } from '../pages/error-page.ts';
import { type SandboxView, sandboxLive, sandboxPage } from '../pages/sandbox-page.ts';
import type { SandboxControls } from '../sandbox/sandbox-controls.ts';
import {
  checkUpload,
  contentDisposition,
  formatSize,
  parseSandboxFileId,
  servedType,
  type UploadProblem,
} from '../sandbox/sandbox-files.ts';
import { pageFrame, sendHtml, setFlash } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';

const DEFAULT_USER = 'Alex';

const MessageForm = z.object({
  user: z.string().trim().min(1).max(80),
  text: z.string().trim().min(1).max(4000),
  threadId: z.string().min(1).max(64).optional(),
});
const CommentForm = z.object({
  ticketId: z.string().min(1).max(64),
  body: z.string().trim().min(1).max(4000),
  public: z.literal('on').optional(),
});
const EmailForm = z.object({
  from: z.email().max(320),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
});

/** A form's file: none chosen, the file, or why it is refused. */
type Upload =
  | { readonly file?: FileContent }
  | { readonly problem: UploadProblem | 'too-large' | 'unreadable' };

/** Each multipart request's file, read before the CSRF check (which needs the fields). */
const uploads = new WeakMap<FastifyRequest, Upload>();

/** Most fields a sandbox form has (with room to spare), and the longest field (4,000 characters of UTF-8). */
const FORM_LIMITS = { fields: 10, fieldSize: 16 * 1024, files: 1, parts: 12 } as const;

/**
 * Reads a multipart form: its text fields (the first of each name), and its one file, `file`,
 * whole in memory up to `maxFileBytes` (the bytes past it are drained, never kept). A browser sends
 * an empty part with no name when no file was chosen: that is no file. A second file, a file
 * under another field name or a malformed body makes the upload unreadable.
 */
async function readMultipart(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<{ readonly fields: Record<string, string>; readonly upload: Upload }> {
  const fields = new Map<string, string>();
  let upload: Upload = {};
  try {
    const parts = request.parts({ limits: { ...FORM_LIMITS, fileSize: maxFileBytes } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !fields.has(part.fieldname))
          fields.set(part.fieldname, part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') upload = { problem: 'unreadable' };
      else if (part.file.truncated) upload = { problem: 'too-large' };
      else if (part.filename === '' && bytes.byteLength === 0) upload = {};
      else {
        const checked = checkUpload(part.filename, part.mimetype, bytes.byteLength);
        upload = 'problem' in checked ? checked : { file: { ...checked, bytes: new Uint8Array(bytes) } };
      }
    }
  } catch (error) {
    request.log.warn({ err: error }, 'sandbox form unreadable');
    upload = { problem: 'unreadable' };
  }
  return { fields: Object.fromEntries(fields), upload };
}

/** What the visitor is told about a refused file; nothing was posted. */
function uploadMessage(problem: UploadProblem | 'too-large' | 'unreadable', maxFileBytes: number): string {
  switch (problem) {
    case 'too-large':
      return `The file is larger than ${formatSize(maxFileBytes)}, the most the sandbox takes (ATTACHMENT_MAX_MB). Nothing was posted.`;
    case 'name':
      return 'The file needs a name of at most 200 characters, without control characters. Nothing was posted.';
    case 'type':
      return 'The file does not say what type it is (a media type such as image/png). Nothing was posted.';
    case 'empty':
      return 'The file is empty. Nothing was posted.';
    case 'unreadable':
      return 'The upload could not be read (one file per form, in the file field). Nothing was posted.';
  }
}

/** One CSRF token per session for the sandbox, so the live panels only change when the data does. */
async function sandboxView(
  request: FastifyRequest,
  reply: FastifyReply,
  maxFileBytes: number,
): Promise<SandboxView> {
  let token = request.session.get('sandboxCsrf');
  if (typeof token !== 'string') {
    token = await reply.generateCsrf();
    request.session.set('sandboxCsrf', token);
  }
  const user = request.session.get('sandboxUser');
  return { csrfToken: token, user: typeof user === 'string' ? user : DEFAULT_USER, maxFileBytes };
}

/** GET /sandbox, GET /sandbox/live (the polled panels) and the three simulated actions. */
export async function sandboxRoutes(
  app: FastifyInstance,
  options: ResolvedWebOptions & { readonly sandbox: SandboxControls },
): Promise<void> {
  const { sandbox } = options;
  const back = (reply: FastifyReply) => reply.redirect('/sandbox', 303);
  /** Runs a simulated action; a failed integration call becomes a notice instead of an error page. */
  const act = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      request.log.warn({ reason: error.reason }, 'sandbox action failed');
      setFlash(request, `That did not work (${error.reason}): ${error.message}`);
    }
    return back(reply);
  };
  const invalid = (request: FastifyRequest, reply: FastifyReply) => {
    setFlash(request, 'Fill in every field of the form (messages up to 4,000 characters).');
    return back(reply);
  };
  /** The form's file, or undefined after telling the visitor (and the log) why it was refused. */
  const fileOf = (request: FastifyRequest): { readonly file?: FileContent } | undefined => {
    const upload = uploads.get(request) ?? {};
    if (!('problem' in upload)) return upload;
    request.log.info({ problem: upload.problem, route: request.url }, 'sandbox upload refused');
    setFlash(request, uploadMessage(upload.problem, sandbox.maxFileBytes));
    return undefined;
  };

  // Files come as multipart forms, here only: parsed into plain fields (which the CSRF check
  // reads) and the one file, capped at the bot's attachment limit.
  // A file past the limit is read as truncated (then refused with a message), not thrown.
  await app.register(multipart, {
    limits: { ...FORM_LIMITS, fileSize: sandbox.maxFileBytes },
    throwFileSizeLimit: false,
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const { fields, upload } = await readMultipart(request, sandbox.maxFileBytes);
    request.body = fields;
    uploads.set(request, upload);
  });

  app.get('/sandbox', async (request, reply) => {
    const frame = await pageFrame(request, reply, 'Sandbox', { sandboxEnabled: true });
    return sendHtml(
      reply,
      sandboxPage(frame, await sandbox.snapshot(), await sandboxView(request, reply, sandbox.maxFileBytes)),
    );
  });

  // The bot's links in the sandbox: a thread (`/archives/C1/p1700000000000100`) or a ticket.
  app.get<{ Params: { channel: string; message: string } }>(
    '/sandbox/archives/:channel/:message',
    async (request, reply) => {
      const digits = /^p(\d{7,})$/.exec(request.params.message)?.[1];
      if (digits === undefined) return reply.redirect('/sandbox', 303);
      return reply.redirect(`/sandbox#message-${digits.slice(0, -6)}.${digits.slice(-6)}`, 303);
    },
  );
  app.get<{ Params: { id: string } }>('/sandbox/tickets/:id', async (request, reply) => {
    const id = /^[\w-]{1,40}$/.test(request.params.id) ? request.params.id : '';
    return reply.redirect(id === '' ? '/sandbox' : `/sandbox#ticket-${id}`, 303);
  });

  // A file the page shows, by the id the snapshot gave it (never a path): images inline, the rest
  // as downloads, always with the type it was uploaded with.
  app.get<{ Params: { id: string } }>('/sandbox/files/:id', async (request, reply) => {
    const { id } = request.params;
    const file = parseSandboxFileId(id) === undefined ? undefined : await sandbox.file(id);
    if (file === undefined) return sendHtml(reply, errorPage(404), 404);
    return reply
      .header('content-type', servedType(file.mimeType))
      .header('content-disposition', contentDisposition(file.name, file.mimeType))
      .header('content-length', file.bytes.byteLength)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  app.get('/sandbox/live', async (request, reply) => {
    const live = sandboxLive(
      await sandbox.snapshot(),
      await sandboxView(request, reply, sandbox.maxFileBytes),
    );
    return sendHtml(reply, html`<!doctype html><title>live</title>${live}`);
  });

  app.post('/sandbox/messages', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = MessageForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    const { user, text, threadId } = form.data;
    request.session.set('sandboxUser', user);
    const upload = fileOf(request);
    if (upload === undefined) return back(reply);
    return act(request, reply, () =>
      sandbox.postChatMessage({
        user,
        text,
        ...(threadId === undefined ? {} : { threadId }),
        ...(upload.file === undefined ? {} : { file: upload.file }),
      }),
    );
  });

  app.post('/sandbox/comments', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = CommentForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    const { ticketId, body } = form.data;
    const upload = fileOf(request);
    if (upload === undefined) return back(reply);
    return act(request, reply, () =>
      sandbox.addAgentComment({
        ticketId,
        body,
        public: form.data.public === 'on',
        ...(upload.file === undefined ? {} : { file: upload.file }),
      }),
    );
  });

  app.post('/sandbox/emails', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = EmailForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    return act(request, reply, () => sandbox.sendEmail(form.data));
  });
}
