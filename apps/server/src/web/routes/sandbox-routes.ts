import { isIntegrationError } from '@zenslackchat/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { html } from '../html.ts';
import { type SandboxView, sandboxLive, sandboxPage } from '../pages/sandbox-page.ts';
import type { SandboxControls } from '../sandbox/sandbox-controls.ts';
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

/** One CSRF token per session for the sandbox, so the live panels only change when the data does. */
async function sandboxView(request: FastifyRequest, reply: FastifyReply): Promise<SandboxView> {
  let token = request.session.get('sandboxCsrf');
  if (typeof token !== 'string') {
    token = await reply.generateCsrf();
    request.session.set('sandboxCsrf', token);
  }
  const user = request.session.get('sandboxUser');
  return { csrfToken: token, user: typeof user === 'string' ? user : DEFAULT_USER };
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

  app.get('/sandbox', async (request, reply) => {
    const frame = await pageFrame(request, reply, 'Sandbox', { sandboxEnabled: true });
    return sendHtml(reply, sandboxPage(frame, await sandbox.snapshot(), await sandboxView(request, reply)));
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

  app.get('/sandbox/live', async (request, reply) => {
    const live = sandboxLive(await sandbox.snapshot(), await sandboxView(request, reply));
    return sendHtml(reply, html`<!doctype html><title>live</title>${live}`);
  });

  app.post('/sandbox/messages', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = MessageForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    const { user, text, threadId } = form.data;
    request.session.set('sandboxUser', user);
    return act(request, reply, () =>
      sandbox.postChatMessage({ user, text, ...(threadId === undefined ? {} : { threadId }) }),
    );
  });

  app.post('/sandbox/comments', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = CommentForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    const { ticketId, body } = form.data;
    return act(request, reply, () =>
      sandbox.addAgentComment({ ticketId, body, public: form.data.public === 'on' }),
    );
  });

  app.post('/sandbox/emails', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = EmailForm.safeParse(request.body);
    if (!form.success) return invalid(request, reply);
    return act(request, reply, () => sandbox.sendEmail(form.data));
  });
}
