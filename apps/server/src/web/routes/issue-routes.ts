import { ISSUE_SOURCES, ISSUE_STATUSES, isIntegrationError } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findIssues, type IssueFilter } from '../issue-search.ts';
import { errorPage } from '../pages/error-page.ts';
import { issuesPage, resolveConfirmPage } from '../pages/issues-page.ts';
import { pageFrame, sendHtml, setFlash } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';

const PAGE_SIZE = 25;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const IssueQuery = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ISSUE_STATUSES).optional()),
  source: z.preprocess(emptyToUndefined, z.enum(ISSUE_SOURCES).optional()),
  q: z.preprocess(
    (value) => (typeof value === 'string' ? emptyToUndefined(value.trim()) : value),
    z.string().max(200).optional(),
  ),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const IssueParams = z.object({ id: z.string().min(1).max(200) });

/** GET /issues (filters, pager), GET+POST /issues/:id/resolve (confirmation, then the use case). */
export async function issueRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  const extra = { sandboxEnabled: options.sandbox !== undefined };

  app.get('/issues', async (request, reply) => {
    const query = IssueQuery.safeParse(request.query);
    if (!query.success) return reply.redirect('/issues', 303);
    const { status, source, q, page } = query.data;
    const filter: IssueFilter = {
      page,
      pageSize: PAGE_SIZE,
      ...(status === undefined ? {} : { status }),
      ...(source === undefined ? {} : { source }),
      ...(q === undefined ? {} : { text: q }),
    };
    const found = await findIssues(options.repo, filter);
    return sendHtml(
      reply,
      issuesPage(await pageFrame(request, reply, 'Issues', extra), filter, found, options),
    );
  });

  app.get('/issues/:id/resolve', async (request, reply) => {
    const params = IssueParams.safeParse(request.params);
    const issue = params.success ? await options.repo.findById(params.data.id) : undefined;
    if (issue === undefined) return sendHtml(reply, errorPage(404), 404);
    if (issue.status === 'resolved') {
      setFlash(request, 'That issue is already resolved.');
      return reply.redirect('/issues', 303);
    }
    return sendHtml(
      reply,
      resolveConfirmPage(await pageFrame(request, reply, 'Mark resolved', extra), issue),
    );
  });

  app.post('/issues/:id/resolve', { preHandler: app.csrfProtection }, async (request, reply) => {
    const params = IssueParams.safeParse(request.params);
    const issue = params.success ? await options.repo.findById(params.data.id) : undefined;
    if (issue === undefined) return sendHtml(reply, errorPage(404), 404);
    try {
      await options.resolveIssue(issue.id);
      request.log.info({ issueId: issue.id, ticketId: issue.ticketId }, 'issue resolved from the admin page');
      setFlash(
        request,
        `Issue ${issue.ticketId === null ? issue.id : `#${issue.ticketId}`} marked resolved: ` +
          'its ticket is solved and its thread told in a moment.',
      );
    } catch (error) {
      if (!isIntegrationError(error)) throw error;
      request.log.warn({ issueId: issue.id, reason: error.reason }, 'resolving from the admin page failed');
      setFlash(request, `Could not resolve the issue (${error.reason}). Try again in a moment.`);
    }
    return reply.redirect('/issues', 303);
  });
}
