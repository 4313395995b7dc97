import { z } from 'zod';

const account = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  role: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/**
 * The part of an inbound activity the bot reads (everything else passes unread):
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 * and Teams' channel data and message events:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
 */
export const teamsActivitySchema = z.object({
  type: z.string().min(1),
  id: z.string().min(1).optional(),
  timestamp: z.string().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional() }),
  text: z.string().optional(),
  attachments: z
    .array(
      z.object({
        contentType: z.string(),
        name: z.string().optional(),
        contentUrl: z.string().optional(),
        content: z.unknown().optional(),
      }),
    )
    .optional(),
  entities: z
    .array(
      z.object({
        type: z.string(),
        text: z.string().optional(),
        mentioned: z.object({ id: z.string() }).optional(),
      }),
    )
    .optional(),
  channelData: z
    .object({
      eventType: z.string().optional(),
      channel: z.object({ id: z.string() }).optional(),
      team: z.object({ id: z.string() }).optional(),
      tenant: z.object({ id: z.string() }).optional(),
    })
    .optional(),
});
export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

/** The activity types that carry a channel message, its edit, or its deletion. */
export const MESSAGE_ACTIVITY_TYPES = ['message', 'messageUpdate', 'messageDelete'] as const;
