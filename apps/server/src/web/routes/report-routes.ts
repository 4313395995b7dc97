import { isIntegrationError } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import { reportsPage } from '../pages/reports-page.ts';
import { pageFrame, sendHtml, setFlash } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';

/** GET /reports (history and chart) and POST /reports/post (posts the daily report now). */
export async function reportRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  const extra = { sandboxEnabled: options.sandbox !== undefined };

  app.get('/reports', async (request, reply) => {
    const reports = await options.repo.listReports(120);
    const frame = await pageFrame(request, reply, 'Reports', extra);
    return sendHtml(reply, reportsPage(frame, reports, options.clock.now()));
  });

  app.post('/reports/post', { preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      await options.postReportNow();
      request.log.info({}, 'report posted from the admin page');
      setFlash(request, 'The report is on its way to the support channel.');
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      request.log.warn({ reason: error.reason }, 'posting the report from the admin page failed');
      setFlash(request, `The report could not be posted (${error.reason}). Try again in a moment.`);
    }
    return reply.redirect('/reports', 303);
  });
}
