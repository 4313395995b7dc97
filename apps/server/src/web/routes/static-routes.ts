import type { FastifyInstance } from 'fastify';
import { SANDBOX_JS } from '../assets/sandbox-js.ts';
import { WEB_CSS } from '../assets/web-css.ts';

/** The stylesheet and the sandbox's polling script; public, cacheable for an hour. */
export async function staticRoutes(app: FastifyInstance): Promise<void> {
  app.get('/static/web.css', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(WEB_CSS),
  );
  app.get('/static/sandbox.js', async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/javascript; charset=utf-8')
      .send(SANDBOX_JS),
  );
}
