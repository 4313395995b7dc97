import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkLogin } from '../login-check.ts';
import { loginPage } from '../pages/login-page.ts';
import { endSession, safeNext, sendHtml, sessionAdmin, startSession } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';

const LoginForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  next: z.string().max(2048).optional(),
});

const MESSAGES = {
  invalid: 'That email and password do not match an admin account.',
  locked: 'Too many failed logins: logins are paused for a while. Try again later.',
  malformed: 'Enter your email and password.',
} as const;

/** GET/POST /login (rate-limited, CSRF-checked, lock-out), POST /logout and /logout/everywhere. */
export async function authRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (sessionAdmin(request) !== undefined) return reply.redirect(next, 303);
    return sendHtml(reply, loginPage({ csrfToken: await reply.generateCsrf(), next }));
  });

  app.post(
    '/login',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: options.loginRateLimit, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const form = LoginForm.safeParse(request.body);
      const next = safeNext(form.success ? form.data.next : undefined);
      const again = async (error: string, status: number, email?: string) =>
        sendHtml(
          reply,
          loginPage({
            csrfToken: await reply.generateCsrf(),
            next,
            error,
            ...(email === undefined ? {} : { email }),
          }),
          status,
        );
      if (!form.success) return again(MESSAGES.malformed, 400);
      const result = await checkLogin(
        {
          admins: options.admins,
          limits: options.loginLimits,
          lockout: options.lockout,
          hasher: options.passwordHasher,
        },
        { email: form.data.email, password: form.data.password, clientAddress: request.ip },
        options.clock.now(),
      );
      if (!result.ok) {
        request.log.info({ reason: result.reason }, 'admin login refused');
        return again(MESSAGES[result.reason], result.reason === 'locked' ? 429 : 401, form.data.email);
      }
      const ttlMs = options.sessionTtlSeconds * 1000;
      await startSession(request, options.sessions, result.adminId, options.clock.now(), ttlMs);
      request.log.info({ adminId: result.adminId }, 'admin logged in');
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    await endSession(request, options.sessions);
    return reply.redirect('/login', 303);
  });

  // "Log out everywhere": every session of this admin ends, on every device, this one included.
  app.post('/logout/everywhere', { preHandler: app.csrfProtection }, async (request, reply) => {
    const admin = sessionAdmin(request);
    if (admin !== undefined) {
      const ended = await options.sessions.deleteAllForAdmin(admin.id);
      request.log.info({ adminId: admin.id, ended }, 'admin ended all their sessions');
    }
    await endSession(request, options.sessions);
    return reply.redirect('/login', 303);
  });
}
