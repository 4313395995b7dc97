import { isIntegrationError } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import { reportsPage } from '../pages/reports-page.ts';
import { pageFrame, sendHtml, setFlash } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';
import type { ReportRequest } from '../web-options.ts';

// Honest about what pressing the button did: nothing reaches a channel without a chat or a worker.
const REPORT_FLASH: Readonly<Record<ReportRequest, string>> = {
  queued: 'The report is on its way to the support channel.',
  'queued-no-worker':
    'The report is queued, but no worker runs in this process: it is posted when one starts.',
  'queued-elsewhere': 'The report is queued for the worker processes (--role worker) to post.',
  'no-chat':
    'No report was posted: the bot needs a chat platform (Slack or Teams) and Zendesk configured; the home page names what to set.',
};

/** GET /reports (history and chart) and POST /reports/post (posts the daily report now). */
export async function reportRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  const extra = { sandboxEnabled: options.sandbox !== undefined };

  app.get('/reports', async (request, reply) => {
    const reports = await options.repo.listReports(120);
    const sweeps = await options.repo.listSweeps(20);
    const frame = await pageFrame(request, reply, 'Reports', extra);
    return sendHtml(reply, reportsPage(frame, reports, options.clock.now(), sweeps));
  });

  app.post('/reports/post', { preHandler: app.csrfProtection }, async (request, reply) => {
    try {
      const outcome = await options.postReportNow();
      request.log.info({ outcome }, 'report requested from the admin page');
      setFlash(request, REPORT_FLASH[outcome]);
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      request.log.warn({ reason: error.reason }, 'posting the report from the admin page failed');
      setFlash(request, `The report could not be posted (${error.reason}). Try again in a moment.`);
    }
    return reply.redirect('/reports', 303);
  });
}
