import { zendeskWebhooksPlugin } from '@zenslackchat/adapters-zendesk';
import type { FastifyInstance } from 'fastify';
import type { ZendeskConfig } from '../config/index.ts';
import { acceptTicketNotice, type IntakeDeps } from '../jobs/durable-intake.ts';

/** Zendesk's comment and email webhooks, their accept step made durable. */
export async function zendeskRoutes(
  app: FastifyInstance,
  options: { readonly zendesk: ZendeskConfig; readonly intake: IntakeDeps },
): Promise<void> {
  const { zendesk, intake } = options;
  await app.register(zendeskWebhooksPlugin, {
    webhookToken: zendesk.webhookToken,
    ...(zendesk.webhookSecret === undefined ? {} : { signingSecret: zendesk.webhookSecret }),
    clock: intake.clock,
    accept: (input) => acceptTicketNotice(intake, input),
  });
}
