import type { FastifyInstance } from 'fastify';
import type { ZendeskConfig } from '../config/index.ts';
import type { IntakeDeps } from '../jobs/durable-intake.ts';

/** Zendesk's webhooks with the durable accept step (placeholder until the adapter's plugin lands). */
export async function zendeskRoutes(
  _app: FastifyInstance,
  _options: { readonly zendesk: ZendeskConfig; readonly intake: IntakeDeps },
): Promise<void> {}
