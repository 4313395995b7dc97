import type { FastifyInstance } from 'fastify';
import type { Integration, NotConfigured } from '../config/index.ts';

/** The inbound endpoints of each integration (vendor callbacks and OAuth routes). */
export const INBOUND_PATHS: Readonly<Record<Integration, readonly string[]>> = {
  slack: ['/slack/events/', '/slack/oauth/', '/slack/install/'],
  teams: ['/teams/messages'],
  zendesk: ['/zendesk/webhook/', '/zendesk/email/webhook/', '/zendesk/oauth/', '/zendesk/oauth/start/'],
  pagerduty: ['/pagerduty/oauth/', '/pagerduty/oauth/start/'],
};

/**
 * Answers every inbound endpoint of an unconfigured integration with 503 and a JSON body naming
 * what is missing, so a vendor retrying sees a clear error instead of a crash or a silent 404.
 */
export async function notConfiguredRoutes(app: FastifyInstance, entry: NotConfigured): Promise<void> {
  const body = {
    error: 'not_configured',
    integration: entry.integration,
    message: `${entry.integration} is not configured on this server; set: ${entry.missing.join(', ')}`,
    missing: entry.missing,
  };
  for (const url of INBOUND_PATHS[entry.integration]) {
    app.route({
      method: ['GET', 'POST'],
      url,
      handler: async (request, reply) => {
        request.log.warn(
          { integration: entry.integration, url },
          'request to an integration that is not configured',
        );
        return reply.code(503).send(body);
      },
    });
  }
}
