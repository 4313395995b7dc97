import type { StoredToken } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import { homePage, type IntegrationRow } from '../pages/home-page.ts';
import { pageFrame, sendHtml } from '../web-context.ts';
import type { ResolvedWebOptions } from '../web-defaults.ts';
import { INTEGRATION_IDS } from '../web-options.ts';

/** GET /: the integrations with their connection state, message processing and the channel. */
export async function homeRoutes(app: FastifyInstance, options: ResolvedWebOptions): Promise<void> {
  app.get('/', async (request, reply) => {
    const grants = await Promise.all(
      INTEGRATION_IDS.map(async (id) => {
        try {
          return { id, token: await options.tokens.get(id), failed: false };
        } catch (error) {
          request.log.warn({ provider: id, err: error }, 'token store unavailable for the home page');
          return { id, token: undefined as StoredToken | undefined, failed: true };
        }
      }),
    );
    const rows: IntegrationRow[] = grants.map(({ id, token, failed }) => {
      const config = options.integrations[id];
      const account = config.accountLabel ?? token?.accountName ?? token?.account;
      return {
        id,
        configured: config.configured,
        missing: config.missing ?? [],
        ...(config.startUrl === undefined ? {} : { startUrl: config.startUrl }),
        ...(config.staticCredential === undefined ? {} : { staticCredential: config.staticCredential }),
        ...(token === undefined
          ? {}
          : { since: token.updatedAt, ...(account === undefined ? {} : { account }) }),
        ...(failed ? { unknown: true } : {}),
      };
    });
    const slack = grants.find((g) => g.id === 'slack')?.token;
    const workspace = options.settings.workspaceName ?? slack?.accountName ?? 'this workspace';
    const sandboxEnabled = options.sandbox !== undefined;
    const frame = await pageFrame(request, reply, 'Integrations', { sandboxEnabled });
    return sendHtml(
      reply,
      homePage(frame, {
        workspace,
        rows,
        processingEnabled: options.settings.processingEnabled,
        workers: options.workers?.() ?? 'running',
        supportChannel: options.settings.supportChannel,
        sandboxEnabled,
      }),
    );
  });
}
