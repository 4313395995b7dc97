import { IntegrationError } from '@zenslackchat/core';
import { z } from 'zod';
import type { JobPayloads, WorkQueue } from './queues.ts';

const id = z.string().min(1).max(200);
const optionalId = id.optional();

const chatEvent = z.object({
  eventId: id,
  platform: id,
  channel: id,
  messageId: id,
  threadId: optionalId,
  userId: optionalId,
  botId: optionalId,
  subtype: optionalId,
  // Kept: z.object drops unknown keys, and a link preview must not read as an edit.
  unchanged: z.boolean().optional(),
  text: z.string().max(100_000),
  files: z
    .array(
      z.object({
        name: z.string().max(1000),
        url: z.string().max(4000).optional(),
        // What copying the file needs (issue 17); z.object would drop them otherwise.
        id: z.string().max(200).optional(),
        downloadUrl: z.string().max(4000).optional(),
        size: z.number().int().nonnegative().optional(),
        mimeType: z.string().max(200).optional(),
      }),
    )
    .max(100),
});

const schemas = {
  'chat-message': z.union([
    z.object({ event: chatEvent }),
    z.object({ adminResolve: z.object({ issueId: id }) }),
  ]),
  'ticket-comment': z.object({ notice: z.object({ ticketId: id, externalId: optionalId }) }),
  'email-ticket': z.object({ notice: z.object({ ticketId: id }) }),
  'daily-report': z.object({}),
  reconcile: z.object({}),
} as const;

/**
 * Checks a job's payload before it reaches the core. A malformed payload is `Invalid` (not
 * retryable), so it is dead-lettered at once instead of failing over and over.
 */
export function parsePayload<Q extends WorkQueue>(queue: Q, data: unknown): JobPayloads[Q] {
  const parsed = schemas[queue].safeParse(data ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new IntegrationError('Invalid', `malformed ${queue} job payload at ${where}`, {
      integration: 'jobs',
    });
  }
  // exactOptionalPropertyTypes: zod's optional keys may be present as undefined; drop them.
  return JSON.parse(JSON.stringify(parsed.data)) as JobPayloads[Q];
}
