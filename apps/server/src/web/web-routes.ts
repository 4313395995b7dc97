import type { FastifyError, FastifyInstance } from 'fastify';
import { errorPage } from './pages/error-page.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { homeRoutes } from './routes/home-routes.ts';
import { issueRoutes } from './routes/issue-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { sandboxRoutes } from './routes/sandbox-routes.ts';
import { staticRoutes } from './routes/static-routes.ts';
import { loadSession, safeNext, sendHtml, sessionAdmin } from './web-context.ts';
import type { ResolvedWebOptions } from './web-defaults.ts';

async function adminPages(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    if (sessionAdmin(request) !== undefined) return;
    const next = request.method === 'GET' ? safeNext(request.url) : '/';
    return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
  });
  await app.register(homeRoutes, options);
  await app.register(issueRoutes, options);
  await app.register(reportRoutes, options);
  if (options.adminRoutes !== undefined) await app.register(options.adminRoutes);
  if (options.sandbox !== undefined)
    await app.register(sandboxRoutes, { ...options, sandbox: options.sandbox });
}

/** Every route of the web front; everything but /login and /static requires a session. */
export async function webRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/static/'))
      await loadSession(request, options.sessions, options.clock.now());
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'web page failed');
    else request.log.info({ code: error.code, status }, 'web request refused');
    return sendHtml(reply, errorPage(status), status);
  });
  await app.register(staticRoutes);
  await app.register(authRoutes, options);
  await app.register(adminPages, options);
}
